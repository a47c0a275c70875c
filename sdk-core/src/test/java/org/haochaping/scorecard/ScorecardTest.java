package org.haochaping.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.haochaping.badreview.FollowUpResult;
import org.haochaping.badreview.WorkOrderState;
import org.haochaping.model.Grade;
import org.junit.jupiter.api.Test;

/** Every expected figure below is worked out by hand in the comments. */
class ScorecardTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2024-10-08T10:00:00+08:00");
    private static final Scorecard DEFAULT = new Scorecard(ScoreWeights.DEFAULT);

    private static EvaluationRecord eval(String id, String dept, String area, String hall, String staff, Grade grade) {
        return EvaluationRecord.builder().evaluationId(id).caseNo("C-" + id).deptCode(dept).areaCode(area).hallCode(hall)
                .staffNo(staff).grade(grade).evaluatedAt(AT).build();
    }

    private static UnevaluatedRecord unevaluated(String caseNo, String dept, String area, String hall, String staff) {
        return UnevaluatedRecord.builder().caseNo(caseNo).deptCode(dept).areaCode(area).hallCode(hall).staffNo(staff)
                .completedAt(AT.minusDays(10)).build();
    }

    private static WorkOrderRecord order(String evaluationId, WorkOrderState state, FollowUpResult followUp) {
        return WorkOrderRecord.of("WO-" + evaluationId, evaluationId, state, followUp);
    }

    /**
     * D1 (area 120101, hall H1): E1 10, E2 10, E3 8, E4 5 (followed up, satisfied), E5 0 (rectified),
     * E6 5 (dismissed: 未评), E7 0 (rectifying), one case unevaluated.
     * D2 (area 120102, hall H2): F1 10, F2 10.
     * D3 (area 120101, online, no hall or staff): G1 5 (under review), G2 0 (invalidated: 未评), one unevaluated.
     */
    static ScorecardInput period() {
        return ScorecardInput.of(Arrays.asList(
                eval("E1", "D1", "120101", "H1", "S1", Grade.VERY_SATISFIED),
                eval("E2", "D1", "120101", "H1", "S1", Grade.SATISFIED),
                eval("E3", "D1", "120101", "H1", "S2", Grade.BASICALLY_SATISFIED),
                eval("E4", "D1", "120101", "H1", "S2", Grade.DISSATISFIED),
                eval("E5", "D1", "120101", "H1", "S2", Grade.VERY_DISSATISFIED),
                eval("E6", "D1", "120101", "H1", "S1", Grade.DISSATISFIED),
                eval("E7", "D1", "120101", "H1", "S3", Grade.VERY_DISSATISFIED),
                unevaluated("U1", "D1", "120101", "H1", "S3"),
                eval("F1", "D2", "120102", "H2", "T1", Grade.SATISFIED),
                eval("F2", "D2", "120102", "H2", "T1", Grade.SATISFIED),
                eval("G1", "D3", "120101", null, null, Grade.DISSATISFIED),
                eval("G2", "D3", "120101", null, null, Grade.VERY_DISSATISFIED),
                unevaluated("U2", "D3", "120101", null, null),
                order("E4", WorkOrderState.FOLLOWED_UP, FollowUpResult.SATISFIED),
                order("E5", WorkOrderState.RECTIFIED, null),
                order("E6", WorkOrderState.DISMISSED, null),
                order("E7", WorkOrderState.RECTIFYING, null),
                order("G1", WorkOrderState.UNDER_REVIEW, null),
                order("G2", WorkOrderState.INVALIDATED, null)));
    }

    private static Ranking.Entry entry(Ranking r, String key) {
        for (Ranking.Entry e : r.entries()) {
            if (e.key().equals(key)) {
                return e;
            }
        }
        throw new AssertionError(key + " not ranked");
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void scoresADepartmentByHand() {
        ScoreSheet d1 = entry(DEFAULT.rank(period(), GroupBy.DEPARTMENT), "D1").scores();
        // Adopted: E1-E5, E7 = 6, scores 10+10+8+5+0+0 = 33; "未评": U1 and the dismissed E6 = 2; total 8.
        assertThat(d1.evaluations()).isEqualTo(6);
        assertThat(d1.unevaluated()).isEqualTo(2);
        assertThat(d1.notAdopted()).isEqualTo(1);
        assertThat(d1.totalEvaluations()).isEqualTo(8);
        assertThat(d1.goodReviews()).isEqualTo(3);
        assertThat(d1.badReviews()).isEqualTo(3);
        assertThat(d1.rectified()).isEqualTo(2);
        assertThat(d1.followedUp()).isEqualTo(1);
        assertThat(d1.satisfiedFollowUps()).isEqualTo(1);
        assertThat(d1.averageScore()).isEqualTo(d("5.50"));          // 33 / 6
        assertThat(d1.serviceQuality()).isEqualTo(d("55.00"));       // 5.5 x 10
        // Art. 23: evaluated cases 6 over 6 + the timed-out U1; the dismissed E6 is in neither (the old code: 6 / 8 = 75).
        assertThat(d1.activeEvaluationRate()).isEqualTo(d("85.71")); // 6 / 7
        assertThat(d1.rectificationRate()).isEqualTo(d("66.67"));    // 2 / 3 (E4, E5 of E4, E5, E7)
        assertThat(d1.followUpSatisfactionRate()).isEqualTo(d("50.00")); // 1 / 2
        assertThat(d1.goodRate()).isEqualTo(d("37.50"));             // 3 / 8
        assertThat(d1.badRate()).isEqualTo(d("37.50"));              // 3 / 8
        assertThat(d1.unevaluatedRate()).isEqualTo(d("25.00"));      // 2 / 8
        // 0.30 x 55 + 0.15 x 600/7 + 0.30 x 200/3 + 0.25 x 50 = 16.5 + 12.857 + 20 + 12.5 = 61.857
        assertThat(d1.composite()).isEqualTo(d("61.86"));
    }

    @Test
    void definesEveryEmptyDenominator() {
        Ranking byDept = DEFAULT.rank(period(), GroupBy.DEPARTMENT);
        // D2: no bad review, so rectification and satisfaction are 100 (nothing was owed).
        ScoreSheet d2 = entry(byDept, "D2").scores();
        assertThat(d2.rectificationRate()).isEqualTo(d("100.00"));
        assertThat(d2.followUpSatisfactionRate()).isEqualTo(d("100.00"));
        assertThat(d2.composite()).isEqualTo(d("100.00"));
        // D3: adopted G1 (5 points, under review); "未评": G2 invalidated and U2; total 3; nothing rectified.
        // Active: G1's case over it and U2 (G2 not adopted: in neither) = 1 / 2.
        ScoreSheet d3 = entry(byDept, "D3").scores();
        assertThat(d3.serviceQuality()).isEqualTo(d("50.00"));
        assertThat(d3.activeEvaluationRate()).isEqualTo(d("50.00"));
        assertThat(d3.rectificationRate()).isEqualTo(d("0.00"));
        assertThat(d3.followUpSatisfactionRate()).isEqualTo(d("100.00"));
        assertThat(d3.unevaluatedRate()).isEqualTo(d("66.67"));
        // 0.30 x 50 + 0.15 x 50 + 0 + 0.25 x 100 = 15 + 7.5 + 25
        assertThat(d3.composite()).isEqualTo(d("47.50"));
        // Nothing at all: quality and the shares of evaluations are 0, the bad-review rates 100, no composite.
        ScoreSheet empty = DEFAULT.score(ScorecardInput.of(new ArrayList<StatisticsRecord>()));
        assertThat(empty.totalEvaluations()).isZero();
        assertThat(empty.serviceQuality()).isEqualTo(d("0.00"));
        assertThat(empty.activeEvaluationRate()).isEqualTo(d("0.00"));
        assertThat(empty.goodRate()).isEqualTo(d("0.00"));
        assertThat(empty.unevaluatedRate()).isEqualTo(d("0.00"));
        assertThat(empty.badRate()).isEqualTo(d("0.00"));
        assertThat(empty.rectificationRate()).isEqualTo(d("100.00"));
        assertThat(empty.followUpSatisfactionRate()).isEqualTo(d("100.00"));
        assertThat(empty.composite()).isNull();
        // Only unevaluated cases: quality 0 (nothing measured), active 0, nothing to score (Art. 23, 26).
        ScoreSheet silent = DEFAULT.score(ScorecardInput.of(Arrays.asList(unevaluated("U9", "D9", "120101", null, null))));
        assertThat(silent.serviceQuality()).isEqualTo(d("0.00"));
        assertThat(silent.activeEvaluationRate()).isEqualTo(d("0.00"));
        assertThat(silent.unevaluatedRate()).isEqualTo(d("100.00"));
        assertThat(silent.composite()).isNull();
    }

    @Test
    void ranksDepartmentsDistrictsHallsAndStaff() {
        ScorecardInput input = period();
        assertThat(DEFAULT.rank(input, GroupBy.DEPARTMENT).entries()).extracting(Ranking.Entry::toString)
                .containsExactly("1. D2 100.00", "2. D1 61.86", "3. D3 47.50");

        // 120101 = D1 + D3: adopted 7 (7 cases), 38 points; "未评" 4 (2 timed out); total 11; bad 4, rectified 2,
        // satisfied 1. 0.30 x 380/7 + 0.15 x 700/9 + 0.30 x 50 + 0.25 x 50 = 16.2857 + 11.6667 + 15 + 12.5 = 55.4524
        Ranking byArea = DEFAULT.rank(input, GroupBy.DISTRICT);
        ScoreSheet tj = entry(byArea, "120101").scores();
        assertThat(tj.serviceQuality()).isEqualTo(d("54.29"));
        assertThat(tj.activeEvaluationRate()).isEqualTo(d("77.78"));
        assertThat(tj.rectificationRate()).isEqualTo(d("50.00"));
        assertThat(tj.goodRate()).isEqualTo(d("27.27"));
        assertThat(tj.badRate()).isEqualTo(d("36.36"));
        assertThat(tj.composite()).isEqualTo(d("55.45"));
        assertThat(byArea.unattributedRecords()).isZero();

        Ranking byHall = DEFAULT.rank(input, GroupBy.HALL);
        assertThat(byHall.entries()).extracting(Ranking.Entry::key).containsExactly("H2", "H1");
        assertThat(byHall.unattributedRecords()).isEqualTo(3); // G1, G2, U2 are online
        assertThat(entry(byHall, "H1").scores().composite()).isEqualTo(d("61.86"));

        // S1: E1, E2 (20 points), E6 dismissed (in neither side of the active rate): 30 + 15 + 30 + 25 = 100
        // S2: E3, E4, E5 (13 points), rectified 2 of 2, satisfied 1 of 2: 0.30 x 130/3 + 15 + 30 + 12.5 = 70.5
        // S3: E7 (0 points, rectifying) and U1: 0 + 0.15 x 50 + 0 + 25 = 32.5
        Ranking byStaff = DEFAULT.rank(input, GroupBy.STAFF);
        assertThat(byStaff.entries()).extracting(Ranking.Entry::toString)
                .containsExactly("1. S1 100.00", "1. T1 100.00", "3. S2 70.50", "4. S3 32.50");
        assertThat(byStaff.unattributedRecords()).isEqualTo(3);
        assertThat(byStaff.bottom(1)).extracting(Ranking.Entry::key).containsExactly("S3");
        assertThat(byStaff.bottom(2)).extracting(Ranking.Entry::key).containsExactly("S2", "S3");
    }

    @Test
    void tiesShareARank() {
        ScorecardInput input = ScorecardInput.of(Arrays.asList(
                eval("A1", "DB", "120101", null, null, Grade.SATISFIED),
                eval("A2", "DA", "120101", null, null, Grade.VERY_SATISFIED),
                eval("A3", "DC", "120101", null, null, Grade.BASICALLY_SATISFIED),
                eval("A4", "DD", "120101", null, null, Grade.BASICALLY_SATISFIED)));
        Ranking r = DEFAULT.rank(input, GroupBy.DEPARTMENT);
        // 10 points: 30 + 15 + 30 + 25 = 100; 8 points: 24 + 15 + 30 + 25 = 94.
        assertThat(r.entries()).extracting(Ranking.Entry::toString)
                .containsExactly("1. DA 100.00", "1. DB 100.00", "3. DC 94.00", "3. DD 94.00");
        assertThat(r.bottom(1)).extracting(Ranking.Entry::key).containsExactly("DC", "DD");
        assertThat(r.bottom(3)).extracting(Ranking.Entry::key).containsExactly("DA", "DB", "DC", "DD");
    }

    @Test
    void findsStaffConsistentlyRankedLow() {
        // Per period: staff -> grade of their single evaluation. Lower grade, lower rank.
        Ranking p1 = staffPeriod(Grade.VERY_SATISFIED, Grade.BASICALLY_SATISFIED, Grade.DISSATISFIED);
        Ranking p2 = staffPeriod(Grade.BASICALLY_SATISFIED, Grade.SATISFIED, Grade.VERY_DISSATISFIED);
        Ranking p3 = staffPeriod(Grade.SATISFIED, Grade.BASICALLY_SATISFIED, Grade.DISSATISFIED);
        List<Ranking> periods = Arrays.asList(p1, p2, p3);
        assertThat(Ranking.consistentlyLow(periods, 1, 3)).containsExactly("P3");
        assertThat(Ranking.consistentlyLow(periods, 2, 2)).containsExactly("P3");
        assertThat(Ranking.consistentlyLow(periods, 2, 1)).containsExactly("P2", "P3");
        assertThat(Ranking.consistentlyLow(periods, 2, 3)).containsExactly("P3");
        assertThat(Ranking.consistentlyLow(periods, 1, 4)).isEmpty();
        assertThatThrownBy(() -> Ranking.consistentlyLow(Arrays.asList(p1, DEFAULT.rank(period(), GroupBy.HALL)), 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ranking.consistentlyLow(periods, 0, 2)).hasMessageContaining("Art. 26");
    }

    private static Ranking staffPeriod(Grade p1, Grade p2, Grade p3) {
        List<StatisticsRecord> records = new ArrayList<>();
        Grade[] grades = {p1, p2, p3};
        for (int i = 0; i < grades.length; i++) {
            records.add(eval("X" + i, "D1", "120101", "H1", "P" + (i + 1), grades[i]));
        }
        return DEFAULT.rank(ScorecardInput.of(records), GroupBy.STAFF);
    }

    @Test
    void weightsAreTheCallersAndMustSumTo100() {
        ScoreWeights equal = ScoreWeights.parse("25, 25, 25, 25");
        // D1 with equal weights: (55 + 600/7 + 200/3 + 50) / 4 = 64.345...
        assertThat(entry(new Scorecard(equal).rank(period(), GroupBy.DEPARTMENT), "D1").scores().composite())
                .isEqualTo(d("64.35"));
        assertThat(ScoreWeights.parse("30,15,30,25")).isEqualTo(ScoreWeights.DEFAULT);
        assertThat(ScoreWeights.parse("30,12.5,32.5,25").activeEvaluationRate()).isEqualTo(d("12.5"));
        assertThatThrownBy(() -> ScoreWeights.parse("30,15,30,20"))
                .isInstanceOf(InvalidWeightsException.class).hasMessageContaining("95").hasMessageContaining("Art. 23");
        assertThatThrownBy(() -> ScoreWeights.parse("50,-10,30,30")).isInstanceOf(InvalidWeightsException.class)
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> ScoreWeights.parse("30,15,55")).isInstanceOf(InvalidWeightsException.class);
        assertThatThrownBy(() -> ScoreWeights.parse("30,x,30,25")).isInstanceOf(InvalidWeightsException.class)
                .hasMessageContaining("\"x\"");
    }

    @Test
    void roundsHalfUpOnceFromTheExactValue() {
        // 1 good of 32: 3.125 % -> 3.13 (half up; half even would give 3.12).
        List<StatisticsRecord> records = new ArrayList<>();
        records.add(eval("R0", "D1", "120101", null, null, Grade.SATISFIED));
        for (int i = 1; i < 32; i++) {
            records.add(unevaluated("RU" + i, "D1", "120101", null, null));
        }
        ScoreSheet s = DEFAULT.score(ScorecardInput.of(records));
        assertThat(s.goodRate()).isEqualTo(d("3.13"));
        assertThat(s.activeEvaluationRate()).isEqualTo(d("3.13"));
        // 30 + 0.15 x 3.125 + 30 + 25 = 85.46875 -> 85.47
        assertThat(s.composite()).isEqualTo(d("85.47"));
        // With weights 0,100,0,0 the composite is the exact active rate, rounded once: 3.125 -> 3.13, not 3.12 or 3.1300.
        assertThat(new Scorecard(ScoreWeights.parse("0,100,0,0")).score(ScorecardInput.of(records)).composite())
                .isEqualTo(d("3.13"));
    }

    @Test
    void readsJsonLines() throws Exception {
        String jsonl = "{\"kind\":\"evaluation\",\"evaluationId\":\"E1\",\"caseNo\":\"C1\",\"deptCode\":\"D1\",\"areaCode\":\"120101\","
                + "\"hallCode\":\"H1\",\"staffNo\":\"S1\",\"grade\":\"DISSATISFIED\",\"evaluatedAt\":\"2024-10-08T10:00:00+08:00\"}\n"
                + "\n"
                + "{\"kind\":\"unevaluated\",\"caseNo\":\"C2\",\"deptCode\":\"D1\",\"areaCode\":\"120101\",\"completedAt\":\"2024-09-20T10:00:00+08:00\"}\n"
                + "{\"kind\":\"workOrder\",\"orderNo\":\"W1\",\"evaluationId\":\"E1\",\"state\":\"FOLLOWED_UP\",\"followUp\":\"SATISFIED\"}\n";
        ScorecardInput input = ScorecardInput.readJsonLines(new StringReader(jsonl));
        assertThat(input.evaluations()).hasSize(1);
        assertThat(input.unevaluated()).hasSize(1);
        assertThat(input.workOrders()).hasSize(1);
        ScoreSheet s = DEFAULT.score(input);
        // 5 points -> 50; active 1/2; rectified 1/1; satisfied 1/1: 15 + 7.5 + 30 + 25
        assertThat(s.composite()).isEqualTo(d("77.50"));
        // Records write back in the same shape.
        ObjectMapper json = new ObjectMapper();
        JsonNode written = json.readTree(json.writeValueAsString(input.evaluations().get(0)));
        assertThat(written).isEqualTo(json.readTree(jsonl.split("\n")[0]));
        assertThat(json.readTree(json.writeValueAsString(input.workOrders().get(0)))).isEqualTo(json.readTree(jsonl.split("\n")[3]));
    }

    @Test
    void namesTheLineAndTheProblemOfBadRecords() {
        String ok = "{\"kind\":\"evaluation\",\"evaluationId\":\"E1\",\"caseNo\":\"C1\",\"deptCode\":\"D1\",\"areaCode\":\"120101\","
                + "\"grade\":\"SATISFIED\",\"evaluatedAt\":\"2024-10-08T10:00:00+08:00\"}\n";
        assertLineFails(ok + "{\"kind\":\"evaluation\",\"evaluationId\":\"E2\",\"caseNo\":\"C2\",\"deptCode\":\"D1\",\"areaCode\":\"120101\","
                + "\"evaluatedAt\":\"2024-10-08T10:00:00+08:00\"}", 2, "grade is required");
        assertLineFails(ok + "{\"kind\":\"evaluation\",\"evaluationId\":\"E2\",\"caseNo\":\"C2\",\"deptCode\":\"D1\",\"areaCode\":\"120101\","
                + "\"grade\":\"GOOD\",\"evaluatedAt\":\"2024-10-08T10:00:00+08:00\"}", 2, "GOOD");
        assertLineFails(ok + "{\"kind\":\"evaluation\",\"evaluationId\":\"E2\",\"caseNo\":\"C2\",\"deptCode\":\"D1\",\"areaCode\":\"120101\","
                + "\"grade\":\"SATISFIED\",\"evaluatedAt\":\"2024-10-08 10:00:00\"}", 2, "evaluatedAt");
        assertLineFails(ok + "{\"kind\":\"evaluation\",\"evaluationId\":\"E2\",\"caseNo\":\"C2\",\"deptCode\":\"D1\",\"areaCode\":\"120101\","
                + "\"hallcode\":\"H1\",\"grade\":\"SATISFIED\",\"evaluatedAt\":\"2024-10-08T10:00:00+08:00\"}", 2, "hallcode");
        assertLineFails("{\"kind\":\"rating\",\"caseNo\":\"C1\"}", 1, "rating");
        assertLineFails("{\"caseNo\":\"C1\"}", 1, "kind");
        assertLineFails("not json", 1, "");
        assertLineFails(ok + "{\"kind\":\"workOrder\",\"orderNo\":\"W1\",\"evaluationId\":\"E1\",\"state\":\"RECTIFIED\",\"followUp\":\"SATISFIED\"}",
                2, "Art. 22");
        assertThatThrownBy(() -> ScorecardInput.readJsonLines(new StringReader(ok
                + "{\"kind\":\"workOrder\",\"orderNo\":\"W1\",\"evaluationId\":\"E1\",\"state\":\"RECTIFIED\"}")))
                .isInstanceOf(StatisticsRecordException.class).hasMessageContaining("Art. 18").hasMessageContaining("SATISFIED");
        assertThatThrownBy(() -> ScorecardInput.readJsonLines(new StringReader(ok
                + "{\"kind\":\"workOrder\",\"orderNo\":\"W1\",\"evaluationId\":\"E9\",\"state\":\"RECTIFIED\"}")))
                .isInstanceOf(StatisticsRecordException.class).hasMessageContaining("E9");
        assertThatThrownBy(() -> ScorecardInput.readJsonLines(new StringReader(ok + ok)))
                .isInstanceOf(StatisticsRecordException.class).hasMessageContaining("E1").hasMessageContaining("two");
    }

    @Test
    void oneWorkOrderPerEvaluation() {
        assertThatThrownBy(() -> ScorecardInput.of(Arrays.asList(
                eval("E1", "D1", "120101", null, null, Grade.DISSATISFIED),
                WorkOrderRecord.of("W1", "E1", WorkOrderState.RECTIFIED, null),
                WorkOrderRecord.of("W2", "E1", WorkOrderState.RECTIFYING, null))))
                .isInstanceOf(StatisticsRecordException.class).hasMessageContaining("two work orders");
    }

    private static void assertLineFails(String jsonl, int line, String problem) {
        assertThatThrownBy(() -> ScorecardInput.readJsonLines(new StringReader(jsonl)))
                .isInstanceOfSatisfying(StatisticsRecordException.class, e -> assertThat(e.line()).isEqualTo(line))
                .hasMessageStartingWith("line " + line + ": ")
                .hasMessageContaining(problem);
    }
}
