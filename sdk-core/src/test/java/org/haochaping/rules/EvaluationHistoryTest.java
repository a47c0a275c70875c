package org.haochaping.rules;

import org.haochaping.Fixtures;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.Channel;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationKind;
import org.haochaping.model.EvaluationScope;
import org.haochaping.model.EvaluationStage;
import org.haochaping.model.Grade;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.haochaping.Fixtures.bothEvaluation;
import static org.haochaping.Fixtures.itemEvaluation;
import static org.haochaping.Fixtures.staffEvaluationAtVisit;

/**
 * The cadence rules that compare an evaluation with the accepted ones: 一事一评 online (Art. 9), 一次一评 offline
 * (Art. 10), one staff evaluation per visit and one item evaluation per case (Art. 11), one evaluation per batch
 * (Art. 12), a theme overall or item by item (Art. 14).
 */
class EvaluationHistoryTest {

    private static EvaluationHistory after(Evaluation.Builder... accepted) {
        EvaluationHistory h = EvaluationHistory.empty();
        for (Evaluation.Builder b : accepted) {
            Evaluation e = b.build();
            assertThat(EvaluationPolicy.standard().violations(e)).as("fixture %s", e).isEmpty();
            h = h.with(e);
        }
        return h;
    }

    private static void accepted(EvaluationHistory h, Evaluation.Builder candidate) {
        Evaluation e = candidate.build();
        assertThat(EvaluationPolicy.standard().violations(e)).as("policy on %s", e).isEmpty();
        assertThat(h.violations(e)).isEmpty();
        assertThat(h.with(e).accepted()).hasSize(h.accepted().size() + 1).endsWith(e);
    }

    private static void refused(EvaluationHistory h, Evaluation.Builder candidate, String path, String rule) {
        Evaluation e = candidate.build();
        assertThat(EvaluationPolicy.standard().violations(e)).as("policy on %s", e).isEmpty();
        assertThat(h.violations(e)).isNotEmpty().extracting(Violation::path, Violation::rule)
                .containsOnly(tuple(path, rule));
        assertThatThrownBy(() -> h.with(e)).isInstanceOf(ValidationException.class);
    }

    @Nested
    class Art9OnlineOncePerCase {

        @Test
        void theItemOfAnOnlineCaseIsEvaluatedOnce() {
            CaseRecord c = Fixtures.onlineCase();
            accepted(EvaluationHistory.empty(), itemEvaluation(c));
            EvaluationHistory h = after(itemEvaluation(c));
            refused(h, itemEvaluation(c).grade(Grade.DISSATISFIED).indicators("1205"), "targets", "Art. 9, 11");
            refused(h, itemEvaluation(c).channel(Channel.MOBILE_APP), "targets", "Art. 9, 11");
        }

        @Test
        void anotherCaseIsAnotherEvaluation() {
            EvaluationHistory h = after(itemEvaluation(Fixtures.onlineCase()));
            accepted(h, itemEvaluation(Fixtures.onlineCaseBuilder().caseNo("TJWB20260302000778").build()));
        }

        @Test
        void anAppendedEvaluationFollowsOneActiveEvaluationOnce() {
            CaseRecord c = Fixtures.onlineCase();
            Evaluation.Builder appended = itemEvaluation(c).evaluationId("EV-0009").kind(EvaluationKind.APPENDED)
                    .appendsTo("EV-0001").evaluatedAt(Fixtures.at("2026-03-08T10:00:00")).freeText("补充：邮寄很快");
            refused(EvaluationHistory.empty(), appended, "appendsTo", "Art. 9(四), 11");
            EvaluationHistory h = after(itemEvaluation(c));
            accepted(h, appended);
            refused(h.with(appended.build()), appended, "appendsTo", "Art. 9(四), 11");
        }

        @Test
        void followUpVisitsAreNotCounted() {
            CaseRecord c = Fixtures.onlineCase();
            Evaluation.Builder followUp = itemEvaluation(c).kind(EvaluationKind.FOLLOW_UP)
                    .channel(Channel.HOTLINE_12345).grade(Grade.SATISFIED)
                    .evaluatedAt(Fixtures.at("2026-03-10T10:00:00"));
            EvaluationHistory h = after(itemEvaluation(c).grade(Grade.DISSATISFIED).indicators("1205"), followUp);
            accepted(h, followUp);
            refused(h, itemEvaluation(c), "targets", "Art. 9, 11");
        }
    }

    @Nested
    class Art10And11OfflineOncePerVisitAndOnceForTheItem {

        @Test
        void staffOncePerVisit() {
            CaseRecord inProgress = Fixtures.windowCaseInProgress();
            EvaluationHistory h = after(staffEvaluationAtVisit(inProgress));
            refused(h, staffEvaluationAtVisit(inProgress).grade(Grade.VERY_SATISFIED), "targets", "Art. 10, 11");
            accepted(h, staffEvaluationAtVisit(inProgress).visitNo(2)
                    .servedAt(Fixtures.at("2026-03-03T10:00:00")).evaluatedAt(Fixtures.at("2026-03-03T10:05:00")));
        }

        @Test
        void theItemOnceAfterCompletion() {
            CaseRecord done = Fixtures.windowCase();
            EvaluationHistory h = after(staffEvaluationAtVisit(done), itemEvaluation(done));
            refused(h, itemEvaluation(done), "targets", "Art. 10, 11");
            refused(h, itemEvaluation(done).channel(Channel.ONLINE_HALL), "targets", "Art. 9, 11");
            // The last visit's staff may still be evaluated, with the item already done: only the item is refused.
            Evaluation both = bothEvaluation(done).visitNo(2).build();
            assertThat(h.violations(both)).extracting(Violation::path, Violation::rule, Violation::message)
                    .containsExactly(tuple("targets", "Art. 10, 11",
                            "the service item (服务事项) of this case has already been evaluated once (1次评价)"));
            accepted(h, staffEvaluationAtVisit(done).visitNo(2).stage(EvaluationStage.AT_COMPLETION)
                    .servedAt(Fixtures.COMPLETED_AT).evaluatedAt(Fixtures.EVALUATED_AT));
        }

        @Test
        void selfServiceItemOnceAfterCompletion() {
            CaseRecord c = Fixtures.selfServiceCase();
            EvaluationHistory h = after(itemEvaluation(c));
            refused(h, itemEvaluation(c), "targets", "Art. 10, 11");
        }
    }

    @Nested
    class Art12BatchEvaluatedOnce {

        private Evaluation.Builder batch(String caseNo) {
            return bothEvaluation(Fixtures.batchCase(caseNo)).scope(EvaluationScope.BATCH);
        }

        @Test
        void oneEvaluationForTheWholeBatch() {
            EvaluationHistory h = after(batch("TJ20260302000011"));
            refused(h, batch("TJ20260302000012"), "targets", "Art. 12");
            refused(h, batch("TJ20260302000011"), "targets", "Art. 12");
        }

        @Test
        void aCaseOfAnEvaluatedBatchIsNotEvaluatedAgain() {
            EvaluationHistory h = after(batch("TJ20260302000011"));
            refused(h, batch("TJ20260302000012"), "targets", "Art. 12");
        }

        @Test
        void anotherBatchIsAnotherEvaluation() {
            EvaluationHistory h = after(batch("TJ20260302000011"));
            accepted(h, bothEvaluation(Fixtures.windowCaseBuilder().caseNo("TJ20260302000021")
                    .batchNo("PL20260302002").build()).scope(EvaluationScope.BATCH));
        }
    }

    @Nested
    class Art14ThemeOverallOrItemByItem {

        private Evaluation.Builder overall(String caseNo, String itemCode) {
            return itemEvaluation(Fixtures.themeCase(caseNo, itemCode)).scope(EvaluationScope.THEME);
        }

        @Test
        void oneOverallEvaluation() {
            EvaluationHistory h = after(overall("TJZT000001", "ITEM-FOOD"));
            refused(h, overall("TJZT000002", "ITEM-FIRE"), "targets", "Art. 14");
        }

        @Test
        void itemByItemInstead() {
            EvaluationHistory h = after(itemEvaluation(Fixtures.themeCase("TJZT000001", "ITEM-FOOD")));
            accepted(h, itemEvaluation(Fixtures.themeCase("TJZT000002", "ITEM-FIRE")));
        }

        @Test
        void notBothOverallAndItemByItem() {
            EvaluationHistory overallFirst = after(overall("TJZT000001", "ITEM-FOOD"));
            refused(overallFirst, itemEvaluation(Fixtures.themeCase("TJZT000002", "ITEM-FIRE")), "targets", "Art. 14");
            EvaluationHistory itemFirst = after(itemEvaluation(Fixtures.themeCase("TJZT000001", "ITEM-FOOD")));
            refused(itemFirst, overall("TJZT000002", "ITEM-FIRE"), "targets", "Art. 14");
        }

        @Test
        void anotherThemeIsAnotherEvaluation() {
            EvaluationHistory h = after(overall("TJZT000001", "ITEM-FOOD"));
            accepted(h, itemEvaluation(Fixtures.windowCaseBuilder().caseNo("TJZT000009")
                    .theme("ZT-XSRX", List.of("ITEM-A", "ITEM-B")).build()).scope(EvaluationScope.THEME));
        }
    }

    @Test
    void historiesAreImmutable() {
        EvaluationHistory empty = EvaluationHistory.empty();
        Evaluation e = itemEvaluation(Fixtures.onlineCase()).build();
        EvaluationHistory one = empty.with(e);
        assertThat(empty.accepted()).isEmpty();
        assertThat(one.accepted()).containsExactly(e);
        assertThatThrownBy(() -> one.accepted().clear()).isInstanceOf(UnsupportedOperationException.class);
        List<Evaluation> source = new java.util.ArrayList<>(List.of(e));
        EvaluationHistory copy = EvaluationHistory.of(source);
        source.clear();
        assertThat(copy.accepted()).containsExactly(e);
        assertThat(copy.violations(e)).extracting(Violation::path).containsExactly("targets");
    }

    @Test
    void aCandidateForTwoTargetsMayBreakBothRules() {
        CaseRecord done = Fixtures.windowCase();
        EvaluationHistory h = after(bothEvaluation(done));
        assertThat(h.violations(bothEvaluation(done).build())).extracting(Violation::message).containsExactly(
                "the service item (服务事项) of this case has already been evaluated once (1次评价)",
                "the staff (服务人员) of visit 2 has already been evaluated (一次一评)");
        assertThat(h.violations(bothEvaluation(done).build())).allMatch(v -> v.rule().equals("Art. 10, 11"));
    }
}
