package org.haochaping.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.haochaping.scorecard.PartialScorecard;
import org.haochaping.scorecard.Ranking;
import org.haochaping.scorecard.ScoreSheet;
import org.haochaping.scorecard.Scorecard;

/**
 * The scorecard as one self-contained HTML page: inline CSS and SVG, no script, no external asset (the
 * offices' networks are closed). The ranking table, a bar chart per figure, the weights and the active-rate
 * basis used.
 */
final class ScorecardHtml {

    /** Bars per chart; a longer ranking is cut with a note (the table lists every group). */
    static final int MAX_BARS = 60;

    private ScorecardHtml() {
    }

    private record Figure(String id, String label, Function<ScoreSheet, BigDecimal> value) {
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure("composite", "综合评分 composite (Art. 23)", ScoreSheet::composite),
            new Figure("serviceQuality", "政务服务质量 service quality", ScoreSheet::serviceQuality),
            new Figure("activeEvaluationRate", "主动评价率 active evaluation rate %", ScoreSheet::activeEvaluationRate),
            new Figure("rectificationRate", "差评整改率 rectification rate %", ScoreSheet::rectificationRate),
            new Figure("followUpSatisfactionRate", "整改回访满意率 follow-up satisfaction %", ScoreSheet::followUpSatisfactionRate),
            new Figure("goodRate", "好评率 good rate % (Art. 24)", ScoreSheet::goodRate),
            new Figure("unevaluatedRate", "未评率 unevaluated rate % (Art. 24)", ScoreSheet::unevaluatedRate),
            new Figure("badRate", "差评率 bad rate % (Art. 24)", ScoreSheet::badRate));

    static String page(Scorecard scorecard, PartialScorecard tally, ScoreSheet whole, Ranking ranking) {
        List<String> keys = new ArrayList<>();
        List<String> ranks = new ArrayList<>();
        List<ScoreSheet> sheets = new ArrayList<>();
        if (ranking == null) {
            keys.add("(all)");
            ranks.add("-");
            sheets.add(whole);
        } else {
            for (Ranking.Entry e : ranking.entries()) {
                keys.add(e.key());
                ranks.add(e.ranked() ? String.valueOf(e.rank()) : "unranked");
                sheets.add(e.scores());
            }
        }
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>好差评 scorecard</title>\n<style>\n")
                .append("body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",sans-serif;margin:24px;color:#222}\n")
                .append("table{border-collapse:collapse;margin:12px 0}th,td{border:1px solid #bbb;padding:3px 8px}\n")
                .append("td.n{text-align:right}tr.unranked td{color:#888}h2{margin-top:28px}\n")
                .append(".chart{margin:8px 0 20px}.note{color:#666}\n")
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>政务服务“好差评” scorecard</h1>\n");
        h.append("<p id=\"heading\">").append(esc(ScorecardReport.heading(scorecard)))
                .append(ranking == null ? "" : ", ranked by " + esc(ranking.groupBy().cliName())).append("</p>\n");
        h.append("<p id=\"weights\">Weights (Art. 23): quality ").append(plain(scorecard.weights().serviceQuality()))
                .append(", active rate ").append(plain(scorecard.weights().activeEvaluationRate()))
                .append(", rectification rate ").append(plain(scorecard.weights().rectificationRate()))
                .append(", follow-up satisfaction ").append(plain(scorecard.weights().followUpSatisfactionRate()))
                .append(". Active-rate basis: <b id=\"basis\">").append(scorecard.activeRateBasis().cliName())
                .append("</b>. Records: ").append(tally.records()).append(".</p>\n");
        if (tally.records() == 0) {
            h.append("<p id=\"empty\">No records: nothing to score.</p>\n</body>\n</html>\n");
            return h.toString();
        }
        h.append("<table id=\"ranking\">\n<tr><th>rank</th><th>key</th><th>total</th><th>quality</th><th>active %</th>")
                .append("<th>rectified %</th><th>satisfied %</th><th>good %</th><th>未评 %</th><th>bad %</th><th>composite</th></tr>\n");
        for (int i = 0; i < keys.size(); i++) {
            ScoreSheet s = sheets.get(i);
            boolean unranked = s.composite() == null;
            h.append(unranked ? "<tr class=\"unranked\">" : "<tr>").append("<td>").append(esc(ranks.get(i))).append("</td><td>")
                    .append(esc(keys.get(i))).append("</td><td class=\"n\">").append(s.totalEvaluations()).append("</td>");
            for (BigDecimal v : new BigDecimal[] {s.serviceQuality(), s.activeEvaluationRate(), s.rectificationRate(),
                s.followUpSatisfactionRate(), s.goodRate(), s.unevaluatedRate(), s.badRate(), s.composite()}) {
                h.append("<td class=\"n\">").append(v == null ? "-" : plain(v)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        if (ranking != null && ranking.unattributedRecords() > 0) {
            h.append("<p class=\"note\">").append(ranking.unattributedRecords()).append(" record(s) without a ")
                    .append(esc(ranking.groupBy().cliName())).append(" code were left out of the ranking.</p>\n");
        }
        for (Figure f : FIGURES) {
            h.append("<h2>").append(esc(f.label())).append("</h2>\n");
            h.append(chart(f, keys, sheets));
        }
        return h.append("</body>\n</html>\n").toString();
    }

    /** Horizontal bars on a 0–100 scale; groups with nothing to score have no composite bar. */
    private static String chart(Figure f, List<String> keys, List<ScoreSheet> sheets) {
        int barHeight = 18;
        int labelWidth = 140;
        int plotWidth = 500;
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < keys.size() && shown.size() < MAX_BARS; i++) {
            if (f.value().apply(sheets.get(i)) != null) {
                shown.add(i);
            }
        }
        int height = shown.size() * (barHeight + 4) + 24;
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"chart\" id=\"chart-").append(f.id()).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(labelWidth + plotWidth + 70).append("\" height=\"").append(height).append("\" role=\"img\">\n");
        s.append("<line x1=\"").append(labelWidth).append("\" y1=\"0\" x2=\"").append(labelWidth).append("\" y2=\"")
                .append(height - 20).append("\" stroke=\"#444\"/>\n");
        for (int row = 0; row < shown.size(); row++) {
            int i = shown.get(row);
            BigDecimal v = f.value().apply(sheets.get(i));
            int y = row * (barHeight + 4) + 2;
            double w = Math.max(0, Math.min(100, v.doubleValue())) / 100 * plotWidth;
            s.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + 13)
                    .append("\" text-anchor=\"end\" font-size=\"12\">").append(esc(keys.get(i))).append("</text>")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y).append("\" width=\"")
                    .append(String.format(java.util.Locale.ROOT, "%.1f", w)).append("\" height=\"").append(barHeight)
                    .append("\" fill=\"#2f6fb0\"><title>").append(esc(keys.get(i))).append(": ").append(plain(v))
                    .append("</title></rect>")
                    .append("<text x=\"").append(String.format(java.util.Locale.ROOT, "%.1f", labelWidth + w + 4))
                    .append("\" y=\"").append(y + 13).append("\" font-size=\"12\">").append(plain(v)).append("</text>\n");
        }
        s.append("<text x=\"").append(labelWidth).append("\" y=\"").append(height - 6)
                .append("\" font-size=\"11\">0</text><text x=\"").append(labelWidth + plotWidth - 16).append("\" y=\"")
                .append(height - 6).append("\" font-size=\"11\">100</text>\n</svg>\n");
        long withValue = 0;
        for (ScoreSheet sheet : sheets) {
            if (f.value().apply(sheet) != null) {
                withValue++;
            }
        }
        if (withValue > shown.size()) {
            s.append("<p class=\"note\">The first ").append(shown.size()).append(" of ").append(withValue)
                    .append(" groups; the table lists all.</p>\n");
        }
        return s.toString();
    }

    private static String plain(BigDecimal v) {
        return v.toPlainString();
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
