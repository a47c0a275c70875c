package org.haochaping.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.haochaping.badreview.WorkOrderState;
import org.haochaping.model.Grade;
import org.junit.jupiter.api.Test;

/**
 * The scorecard corrections of the rules audit (issue 12, points 17–20), each with a case the old code got
 * wrong. Expected figures are worked by hand in the comments.
 */
class ScorecardAuditTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2024-10-08T10:00:00+08:00");

    private static EvaluationRecord eval(String id, String caseNo, String dept, Grade grade) {
        return EvaluationRecord.builder().evaluationId(id).caseNo(caseNo).deptCode(dept).areaCode("120101")
                .grade(grade).evaluatedAt(AT).build();
    }

    private static UnevaluatedRecord overdue(String caseNo, String dept) {
        return UnevaluatedRecord.builder().caseNo(caseNo).deptCode(dept).areaCode("120101").completedAt(AT.minusDays(9))
                .build();
    }

    private static WorkOrderRecord order(String evaluationId, WorkOrderState state) {
        return WorkOrderRecord.of("WO-" + evaluationId, evaluationId, state, null);
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void art23ActiveRateCountsOnlyTimedOutUnevaluatedNotTheNotAdoptedEvaluations() {
        // 3 good cases, 1 bad evaluation dismissed (Art. 19), 1 invalidated on review (Art. 21), 1 timed-out 未评.
        ScorecardInput input = ScorecardInput.of(Arrays.asList(
                eval("E1", "C1", "D1", Grade.SATISFIED), eval("E2", "C2", "D1", Grade.SATISFIED),
                eval("E3", "C3", "D1", Grade.SATISFIED), eval("E4", "C4", "D1", Grade.DISSATISFIED),
                eval("E5", "C5", "D1", Grade.VERY_DISSATISFIED), overdue("C6", "D1"),
                order("E4", WorkOrderState.DISMISSED), order("E5", WorkOrderState.INVALIDATED)));
        ScoreSheet s = new Scorecard(ScoreWeights.DEFAULT).score(input);
        // 3 / (3 + 1) = 75; the old code divided by 3 + 1 + 2 not adopted = 50.
        assertThat(s.activeEvaluationRate()).isEqualTo(d("75.00"));
        // Art. 24: the not-adopted still count as 未评 in the shares: (1 + 2) / 6 = 50.
        assertThat(s.unevaluated()).isEqualTo(3);
        assertThat(s.unevaluatedRate()).isEqualTo(d("50.00"));
        assertThat(s.goodRate()).isEqualTo(d("50.00"));
        // 30 + 0.15 x 75 + 30 + 25 = 96.25
        assertThat(s.composite()).isEqualTo(d("96.25"));
    }

    @Test
    void art23ActiveRateBasisIsANamedOptionAndCasesByDefault() {
        // Case C1 evaluated at two visits (receipt and completion, Art. 13), case C2 timed out.
        List<StatisticsRecord> records = Arrays.asList(
                eval("V1", "C1", "D1", Grade.SATISFIED), eval("V2", "C1", "D1", Grade.VERY_SATISFIED), overdue("C2", "D1"));
        ScorecardInput input = ScorecardInput.of(records);
        // Cases: 1 evaluated case of 2 = 50 (the old code: evaluations 2 / 3 = 66.67, raised by the second visit).
        assertThat(new Scorecard(ScoreWeights.DEFAULT).score(input).activeEvaluationRate()).isEqualTo(d("50.00"));
        assertThat(new Scorecard(ScoreWeights.DEFAULT).activeRateBasis()).isEqualTo(ActiveRateBasis.CASES);
        // The literal text: 1 evaluated case / (2 evaluations + 1 未评) = 33.33.
        assertThat(new Scorecard(ScoreWeights.DEFAULT, ActiveRateBasis.LITERAL).score(input).activeEvaluationRate())
                .isEqualTo(d("33.33"));
        // Evaluations: 2 / 3 = 66.67.
        assertThat(new Scorecard(ScoreWeights.DEFAULT, ActiveRateBasis.EVALUATIONS).score(input).activeEvaluationRate())
                .isEqualTo(d("66.67"));
        assertThat(ActiveRateBasis.fromCliName("literal")).isEqualTo(ActiveRateBasis.LITERAL);
        assertThat(ActiveRateBasis.fromCliName("mixed")).isNull();
    }

    @Test
    void art23ACaseWithOneAdoptedEvaluationIsEvaluatedEvenIfAnotherWasDismissed() {
        ScorecardInput input = ScorecardInput.of(Arrays.asList(
                eval("A1", "C1", "D1", Grade.DISSATISFIED), eval("A2", "C1", "D1", Grade.SATISFIED),
                eval("B1", "C2", "D1", Grade.DISSATISFIED), overdue("C3", "D1"),
                order("A1", WorkOrderState.DISMISSED), order("B1", WorkOrderState.DISMISSED)));
        ScoreSheet s = new Scorecard(ScoreWeights.DEFAULT).score(input);
        // C1 evaluated (A2 adopted); C2's only evaluation not adopted: in neither; C3 timed out: 1 / 2.
        assertThat(s.evaluatedCases()).isEqualTo(1);
        assertThat(s.activeEvaluationRate()).isEqualTo(d("50.00"));
    }

    @Test
    void art26UnitsWithNothingToScoreAreListedUnrankedAfterTheRankedOnes() {
        ScorecardInput input = ScorecardInput.of(Arrays.asList(
                // DB handled its evaluations: one very dissatisfied, no order yet: 0 + 15 + 0 + 25 = 40.
                eval("B1", "CB1", "DB", Grade.VERY_DISSATISFIED),
                // DS never had its evaluators asked: only timed-out cases. The old code scored it 55, ahead of DB.
                overdue("CS1", "DS"), overdue("CS2", "DS"),
                // DA: a very good unit.
                eval("A1", "CA1", "DA", Grade.VERY_SATISFIED)));
        Ranking r = new Scorecard(ScoreWeights.DEFAULT).rank(input, GroupBy.DEPARTMENT);
        assertThat(r.entries()).extracting(Ranking.Entry::toString)
                .containsExactly("1. DA 100.00", "2. DB 40.00", "- DS unranked");
        Ranking.Entry ds = r.entries().get(2);
        assertThat(ds.ranked()).isFalse();
        assertThat(ds.rank()).isZero();
        assertThat(ds.scores().composite()).isNull();
        assertThat(ds.scores().unevaluatedRate()).isEqualTo(d("100.00"));
        // An unranked unit is not "ranked low" either (Art. 26 names restricting evaluation as misconduct instead).
        assertThat(r.bottom(1)).extracting(Ranking.Entry::key).containsExactly("DB");
    }

    @Test
    void anEmptyInputHasNothingToScore() throws Exception {
        PartialScorecard none = ScorecardInput.of(new ArrayList<StatisticsRecord>()).tally(null);
        assertThat(none.records()).isZero();
        assertThat(new Scorecard(ScoreWeights.DEFAULT).score(none).composite()).isNull();
        assertThat(ScorecardInput.readJsonLines(new StringReader("\n\n")).evaluations()).isEmpty();
    }

    private static final String E1 = "{\"kind\":\"evaluation\",\"evaluationId\":\"E1\",\"caseNo\":\"C1\",\"deptCode\":\"D1\","
            + "\"areaCode\":\"120101\",\"grade\":\"SATISFIED\",\"evaluatedAt\":\"2024-10-08T10:00:00+08:00\"}";
    private static final String E2 = "{\"kind\":\"evaluation\",\"evaluationId\":\"E2\",\"caseNo\":\"C2\",\"deptCode\":\"D1\","
            + "\"areaCode\":\"120101\",\"grade\":\"SATISFIED\",\"evaluatedAt\":\"2024-10-08T10:00:00+08:00\"}";
    private static final String U1 = "{\"kind\":\"unevaluated\",\"caseNo\":\"C1\",\"deptCode\":\"D1\",\"areaCode\":\"120101\","
            + "\"completedAt\":\"2024-09-27T16:00:00+08:00\"}";

    @Test
    void art16ACaseBothEvaluatedAndUnevaluatedIsRefusedWithBothLines() {
        // The old code counted C1 twice: once active, once 未评.
        assertThatThrownBy(() -> ScorecardInput.readJsonLines(new StringReader(E1 + "\n" + E2 + "\n" + U1 + "\n")))
                .isInstanceOfSatisfying(StatisticsRecordException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("case C1").hasMessageContaining("line 1").hasMessageContaining("line 3")
                .hasMessageContaining("Art. 16");
        // The same when the 未评 record comes first.
        assertThatThrownBy(() -> ScorecardInput.readJsonLines(new StringReader(U1 + "\n\n" + E1 + "\n")))
                .hasMessageContaining("evaluated (line 3)").hasMessageContaining("未评 (line 1)");
    }

    @Test
    void art16ACaseUnevaluatedTwiceIsRefusedWithBothLines() {
        assertThatThrownBy(() -> ScorecardInput.readJsonLines(new StringReader(U1 + "\n" + E2 + "\n" + U1 + "\n")))
                .isInstanceOf(StatisticsRecordException.class)
                .hasMessageContaining("case C1 is marked 未评 twice (lines 1 and 3)");
        assertThatThrownBy(() -> ScorecardInput.of(Arrays.asList(overdue("C1", "D1"), overdue("C1", "D2"))))
                .hasMessageContaining("records 1 and 2");
    }
}
