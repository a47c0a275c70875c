package org.haochaping.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.haochaping.scorecard.ActiveRateBasis;
import org.haochaping.scorecard.GroupBy;
import org.haochaping.scorecard.PartialScorecard;
import org.haochaping.scorecard.Ranking;
import org.haochaping.scorecard.ScoreSheet;
import org.haochaping.scorecard.ScoreWeights;
import org.haochaping.scorecard.Scorecard;
import org.haochaping.scorecard.ScorecardInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scorecard's SQL on Spark in local mode equals the SDK's figures, group for group, for every grouping. */
class ScorecardOnSparkTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("scorecard-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Random records in case order: 1 or 2 evaluations or a 未评 mark per case, orders for most bad reviews. */
    static String records(long seed, int cases) {
        Random r = new Random(seed);
        String[] grades = {"VERY_SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED", "VERY_DISSATISFIED"};
        String[] states = {"RECTIFIED", "FOLLOWED_UP", "RECTIFYING", "DISMISSED", "INVALIDATED", "UNDER_REVIEW"};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cases; i++) {
            String c = String.format("C%06d", i);
            int d = r.nextInt(9);
            String codes = "\"deptCode\":\"D" + d + "\",\"areaCode\":\"12010" + (d % 3) + "\""
                    + (r.nextInt(8) == 0 ? "" : ",\"hallCode\":\"H" + (d % 4) + "\",\"staffNo\":\"S" + d + r.nextInt(3) + "\"");
            if (r.nextInt(6) == 0) {
                b.append("{\"kind\":\"unevaluated\",\"caseNo\":\"").append(c).append("\",").append(codes)
                        .append(",\"completedAt\":\"2026-11-02T16:00:00+08:00\"}\n");
                continue;
            }
            for (int v = 0, n = r.nextInt(5) == 0 ? 2 : 1; v < n; v++) {
                String id = c + "-" + v;
                String g = grades[r.nextInt(grades.length)];
                b.append("{\"kind\":\"evaluation\",\"evaluationId\":\"").append(id).append("\",\"caseNo\":\"").append(c)
                        .append("\",").append(codes).append(",\"grade\":\"").append(g)
                        .append("\",\"evaluatedAt\":\"2026-11-03T10:00:00+08:00\"}\n");
                if (g.endsWith("DISSATISFIED") && r.nextInt(5) > 0) { // a bad review; most have an order
                    String s = states[r.nextInt(states.length)];
                    b.append("{\"kind\":\"workOrder\",\"orderNo\":\"WO-").append(id).append("\",\"evaluationId\":\"")
                            .append(id).append("\",\"state\":\"").append(s).append('"')
                            .append(s.equals("FOLLOWED_UP") ? ",\"followUp\":\"" + (r.nextBoolean() ? "SATISFIED" : "DISSATISFIED") + "\"" : "")
                            .append("}\n");
                }
            }
        }
        return b.toString();
    }

    @Test
    void sparkSqlGivesTheSdkFiguresForEveryGrouping(@TempDir Path dir) throws Exception {
        String data = records(11, 1500);
        Path file = dir.resolve("statistics.jsonl");
        Files.write(file, data.getBytes(StandardCharsets.UTF_8));
        ScorecardOnSpark.registerStatistics(spark, file.toString());
        ScoreWeights weights = ScoreWeights.parse("30,12.5,32.5,25");
        int compared = 0;
        for (GroupBy by : new GroupBy[] {null, GroupBy.DEPARTMENT, GroupBy.DISTRICT, GroupBy.HALL, GroupBy.STAFF}) {
            PartialScorecard tally = ScorecardInput.tallyJsonLines(new StringReader(data), by);
            for (ActiveRateBasis basis : ActiveRateBasis.values()) {
                Scorecard scorecard = new Scorecard(weights, basis);
                Map<String, Object[]> expected = new HashMap<>();
                if (by == null) {
                    expected.put("", new Object[] {null, scorecard.score(tally)});
                } else {
                    for (Ranking.Entry e : scorecard.rank(tally).entries()) {
                        expected.put(e.key(), new Object[] {e.ranked() ? e.rank() : null, e.scores()});
                    }
                }
                List<Row> rows = ScorecardOnSpark.scorecard(spark, by, weights, basis).collectAsList();
                assertThat(rows).hasSize(expected.size());
                for (Row row : rows) {
                    Object[] want = expected.get(row.<String>getAs("group_key"));
                    assertThat(want).as("group %s", (Object) row.getAs("group_key")).isNotNull();
                    ScoreSheet s = (ScoreSheet) want[1];
                    Object rank = row.getAs("group_rank");
                    if (by != null) {
                        assertThat(rank == null ? null : ((Number) rank).intValue()).isEqualTo(want[0]);
                    }
                    assertThat(figures(row)).as("%s %s %s", by, basis, (Object) row.getAs("group_key")).isEqualTo(figures(s));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(50);
    }

    private static List<Object> figures(Row r) {
        List<Object> v = new ArrayList<>();
        for (String c : new String[] {"total_evaluations", "evaluations", "evaluated_cases", "unevaluated",
            "overdue_unevaluated", "not_adopted", "good_reviews", "bad_reviews", "rectified", "satisfied_follow_ups"}) {
            v.add(((Number) r.getAs(c)).longValue());
        }
        for (String f : new String[] {"average_score", "service_quality", "active_evaluation_rate", "rectification_rate",
            "follow_up_satisfaction_rate", "good_rate", "unevaluated_rate", "bad_rate", "composite"}) {
            BigDecimal d = r.getAs(f);
            v.add(d == null ? null : d.setScale(2).toPlainString());
        }
        return v;
    }

    private static List<Object> figures(ScoreSheet s) {
        List<Object> v = new ArrayList<>(List.of(s.totalEvaluations(), s.evaluations(), s.evaluatedCases(),
                s.unevaluated(), s.overdueUnevaluated(), s.notAdopted(), s.goodReviews(), s.badReviews(), s.rectified(),
                s.satisfiedFollowUps()));
        for (BigDecimal f : new BigDecimal[] {s.averageScore(), s.serviceQuality(), s.activeEvaluationRate(),
            s.rectificationRate(), s.followUpSatisfactionRate(), s.goodRate(), s.unevaluatedRate(), s.badRate(), s.composite()}) {
            v.add(f == null ? null : f.toPlainString());
        }
        return v;
    }
}
