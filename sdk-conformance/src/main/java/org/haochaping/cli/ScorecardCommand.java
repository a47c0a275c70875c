package org.haochaping.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.haochaping.scorecard.GroupBy;
import org.haochaping.scorecard.InvalidWeightsException;
import org.haochaping.scorecard.Ranking;
import org.haochaping.scorecard.ScoreSheet;
import org.haochaping.scorecard.ScoreWeights;
import org.haochaping.scorecard.Scorecard;
import org.haochaping.scorecard.ScorecardInput;
import org.haochaping.scorecard.StatisticsRecordException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hcp scorecard}: the figures of Art. 23–24 from statistics records (JSON lines, see
 * docs/interface-spec.md, "Statistics records"), for the whole file or ranked by a grouping (Art. 25–26).
 * Exit 2 for a usage error or an unreadable or invalid file.
 */
@Command(name = "scorecard", mixinStandardHelpOptions = true,
        description = {"Composite score, rates and rankings (Art. 23-26) from statistics records,",
            "one JSON object per line (docs/interface-spec.md, \"Statistics records\").",
            "Composite = (wq*quality + wa*active%% + wr*rectified%% + ws*satisfied%%) / 100,",
            "quality = average score x 10; figures rounded half up to two decimals."})
final class ScorecardCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--weights", paramLabel = "Q,A,R,S", defaultValue = "30,15,30,25",
            description = "Weights of quality, active rate, rectification rate, follow-up satisfaction rate (default ${DEFAULT-VALUE}).")
    String weights;

    @Option(names = "--by", paramLabel = "department|district|hall|staff", description = "Rank by this grouping.")
    String by;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Parameters(paramLabel = "FILE", description = "Statistics records, one JSON object per line.")
    Path file;

    @Override
    public Integer call() throws IOException {
        ScoreWeights w;
        try {
            w = ScoreWeights.parse(weights);
        } catch (InvalidWeightsException e) {
            throw new ParameterException(spec.commandLine(), "--weights: " + e.getMessage());
        }
        GroupBy groupBy = null;
        if (by != null) {
            groupBy = GroupBy.fromCliName(by);
            if (groupBy == null) {
                throw new ParameterException(spec.commandLine(), "--by must be department, district, hall or staff, not '" + by + "'");
            }
        }
        ScorecardInput input;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            input = ScorecardInput.readJsonLines(reader);
        } catch (StatisticsRecordException e) {
            spec.commandLine().getErr().println("hcp scorecard: " + file + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            spec.commandLine().getErr().println("hcp scorecard: cannot read " + file + ": " + e);
            return 2;
        }
        Scorecard scorecard = new Scorecard(w);
        PrintWriter out = spec.commandLine().getOut();
        if (groupBy == null) {
            ScoreSheet all = scorecard.score(input);
            if (json) {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("weights", w);
                root.put("scores", all);
                out.println(JSON.writeValueAsString(root));
            } else {
                printTable(out, w, null, singleRow(all), 0);
            }
        } else {
            Ranking ranking = scorecard.rank(input, groupBy);
            if (json) {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("weights", w);
                root.put("groupBy", ranking.groupBy());
                root.put("unattributedRecords", ranking.unattributedRecords());
                root.put("entries", ranking.entries());
                out.println(JSON.writeValueAsString(root));
            } else {
                List<String[]> rows = new ArrayList<>();
                for (Ranking.Entry e : ranking.entries()) {
                    rows.add(row(String.valueOf(e.rank()), e.key(), e.scores()));
                }
                printTable(out, w, groupBy, rows, ranking.unattributedRecords());
            }
        }
        out.flush();
        return 0;
    }

    /** Figures keep their two decimals ({@code 100.00}, never {@code 1E+2}). */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private static List<String[]> singleRow(ScoreSheet s) {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("-", "(all)", s));
        return rows;
    }

    private static String[] row(String rank, String key, ScoreSheet s) {
        return new String[] {rank, key, String.valueOf(s.totalEvaluations()), plain(s.serviceQuality()),
            plain(s.activeEvaluationRate()), plain(s.rectificationRate()), plain(s.followUpSatisfactionRate()),
            plain(s.goodRate()), plain(s.unevaluatedRate()), plain(s.badRate()), plain(s.composite())};
    }

    private static String plain(BigDecimal v) {
        return v.toPlainString();
    }

    private static void printTable(PrintWriter out, ScoreWeights w, GroupBy by, List<String[]> rows, long unattributed) {
        out.println("Scorecard (Art. 23), weights quality " + w.serviceQuality().toPlainString() + " / active "
                + w.activeEvaluationRate().toPlainString() + " / rectification " + w.rectificationRate().toPlainString()
                + " / satisfaction " + w.followUpSatisfactionRate().toPlainString()
                + (by == null ? "" : ", ranked by " + by.cliName()));
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
                String cell = r[i];
                StringBuilder pad = new StringBuilder();
                for (int p = cell.length(); p < width[i]; p++) {
                    pad.append(' ');
                }
                line.append(i <= 1 ? cell + pad : pad + cell);
            }
            out.println(line.toString().replaceAll("\\s+$", ""));
        }
        if (unattributed > 0) {
            out.println(unattributed + " record(s) without a " + by.cliName() + " code were left out of the ranking.");
        }
    }
}
