package org.haochaping.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haochaping.scorecard.ActiveRateBasis;
import org.haochaping.scorecard.InvalidWeightsException;
import org.haochaping.scorecard.PartialScorecard;
import org.haochaping.scorecard.Ranking;
import org.haochaping.scorecard.ScoreSheet;
import org.haochaping.scorecard.ScoreWeights;
import org.haochaping.scorecard.Scorecard;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The output options of {@code hcp scorecard} and {@code hcp scorecard merge} (a picocli mixin) and the
 * printing of a tally: a table, JSON, an HTML page, and the partial form for a later merge.
 */
final class ScorecardReport {

    @Option(names = "--weights", paramLabel = "Q,A,R,S", defaultValue = "30,15,30,25",
            description = "Weights of quality, active rate, rectification rate, follow-up satisfaction rate (default ${DEFAULT-VALUE}).")
    String weights;

    @Option(names = "--active-rate-basis", paramLabel = "cases|literal|evaluations", defaultValue = "cases",
            description = {"Unit of the active evaluation rate (Art. 23): cases = evaluated cases / (evaluated cases + timed-out",
                "unevaluated) (default); literal = evaluated cases / (evaluations + timed-out unevaluated);",
                "evaluations = evaluations / (evaluations + timed-out unevaluated)."})
    String basis;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML page (table and bar charts).")
    Path html;

    @Option(names = "--partial", paramLabel = "FILE",
            description = "Also write the partial tally (JSON) for a later 'hcp scorecard merge'.")
    Path partial;

    /** Figures keep their two decimals ({@code 100.00}, never {@code 1E+2}). */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    Scorecard scorecard(CommandSpec spec) {
        ScoreWeights w;
        try {
            w = ScoreWeights.parse(weights);
        } catch (InvalidWeightsException e) {
            throw new ParameterException(spec.commandLine(), "--weights: " + e.getMessage());
        }
        ActiveRateBasis b = ActiveRateBasis.fromCliName(basis);
        if (b == null) {
            throw new ParameterException(spec.commandLine(),
                    "--active-rate-basis must be cases, literal or evaluations, not '" + basis + "'");
        }
        return new Scorecard(w, b);
    }

    /** Prints the figures of a tally, and writes the page and the partial form when asked. */
    void print(PartialScorecard tally, Scorecard scorecard, PrintWriter out) throws IOException {
        ScoreWeights w = scorecard.weights();
        ActiveRateBasis basis = scorecard.activeRateBasis();
        ScoreSheet all = null;
        Ranking ranking = null;
        if (tally.groupBy() == null) {
            all = scorecard.score(tally);
        } else {
            ranking = scorecard.rank(tally);
        }
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("weights", w);
            root.put("activeRateBasis", basis);
            root.put("records", tally.records());
            if (tally.records() == 0) {
                root.put("note", "no records: nothing to score");
            }
            if (ranking == null) {
                root.put("scores", all);
            } else {
                root.put("groupBy", ranking.groupBy());
                root.put("unattributedRecords", ranking.unattributedRecords());
                root.put("entries", ranking.entries());
            }
            out.println(JSON.writeValueAsString(root));
        } else {
            List<String[]> rows = new ArrayList<>();
            if (ranking == null) {
                rows.add(row("-", "(all)", all));
            } else {
                for (Ranking.Entry e : ranking.entries()) {
                    rows.add(row(e.ranked() ? String.valueOf(e.rank()) : "-", e.key(), e.scores()));
                }
            }
            printTable(out, scorecard, tally, ranking, rows);
        }
        if (html != null) {
            Files.writeString(html, ScorecardHtml.page(scorecard, tally, all, ranking), StandardCharsets.UTF_8);
        }
        if (partial != null) {
            Files.writeString(partial, tally.toJson() + "\n", StandardCharsets.UTF_8);
        }
        out.flush();
    }

    private static String[] row(String rank, String key, ScoreSheet s) {
        return new String[] {rank, key, String.valueOf(s.totalEvaluations()), plain(s.serviceQuality()),
            plain(s.activeEvaluationRate()), plain(s.rectificationRate()), plain(s.followUpSatisfactionRate()),
            plain(s.goodRate()), plain(s.unevaluatedRate()), plain(s.badRate()),
            s.composite() == null ? "-" : plain(s.composite())};
    }

    static String plain(BigDecimal v) {
        return v.toPlainString();
    }

    /** The weights and the active-rate basis, as the table and the page print them. */
    static String heading(Scorecard scorecard) {
        ScoreWeights w = scorecard.weights();
        return "Scorecard (Art. 23), weights quality " + plain(w.serviceQuality()) + " / active "
                + plain(w.activeEvaluationRate()) + " / rectification " + plain(w.rectificationRate())
                + " / satisfaction " + plain(w.followUpSatisfactionRate()) + ", active rate basis "
                + scorecard.activeRateBasis().cliName();
    }

    private static void printTable(PrintWriter out, Scorecard scorecard, PartialScorecard tally, Ranking ranking,
                                   List<String[]> rows) {
        out.println(heading(scorecard) + (ranking == null ? "" : ", ranked by " + ranking.groupBy().cliName()));
        if (tally.records() == 0) {
            out.println("No records: nothing to score.");
            return;
        }
        String[] header = {"RANK", "KEY", "TOTAL", "QUALITY", "ACTIVE%", "RECTIFIED%", "SATISFIED%", "GOOD%",
            "UNEVALUATED%", "BAD%", "COMPOSITE"};
        int[] width = new int[header.length];
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (String[] r : all) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                // Text columns left-aligned, figures right-aligned.
                String pad = " ".repeat(width[i] - r[i].length());
                line.append(i <= 1 ? r[i] + pad : pad + r[i]);
            }
            out.println(line.toString().replaceAll("\\s+$", ""));
        }
        if (ranking != null) {
            long unranked = ranking.entries().stream().filter(e -> !e.ranked()).count();
            if (unranked > 0) {
                out.println(unranked + " group(s) with no adopted evaluation have nothing to score and are listed unranked.");
            }
            if (ranking.unattributedRecords() > 0) {
                out.println(ranking.unattributedRecords() + " record(s) without a " + ranking.groupBy().cliName()
                        + " code were left out of the ranking.");
            }
        } else if (rows.get(0)[10].equals("-")) {
            out.println("No adopted evaluation: nothing to score.");
        }
    }
}
