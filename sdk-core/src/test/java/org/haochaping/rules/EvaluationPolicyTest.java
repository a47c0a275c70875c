package org.haochaping.rules;

import org.assertj.core.groups.Tuple;
import org.haochaping.Fixtures;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.CertificateType;
import org.haochaping.model.Channel;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationKind;
import org.haochaping.model.EvaluationScope;
import org.haochaping.model.EvaluationStage;
import org.haochaping.model.EvaluatorKind;
import org.haochaping.model.Grade;
import org.haochaping.model.HandlingMode;
import org.haochaping.model.Target;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.haochaping.Fixtures.bothEvaluation;
import static org.haochaping.Fixtures.itemEvaluation;
import static org.haochaping.Fixtures.staffEvaluationAtVisit;

/**
 * The evaluation policy article by article: for each, evaluations that are accepted and evaluations that are
 * refused, with the exact path and article of every violation.
 */
class EvaluationPolicyTest {

    private static final EvaluationPolicy POLICY = EvaluationPolicy.standard();

    static void accepted(Evaluation.Builder b) {
        Evaluation e = b.build();
        assertThat(POLICY.violations(e)).as("violations of %s", e).isEmpty();
        assertThat(POLICY.check(e)).isSameAs(e);
    }

    /** Exactly these (path, rule) pairs, in any order. */
    static void refused(Evaluation.Builder b, Tuple... pathAndRule) {
        Evaluation e = b.build();
        List<Violation> violations = POLICY.violations(e);
        assertThat(violations).extracting(Violation::path, Violation::rule).containsExactlyInAnyOrder(pathAndRule);
        ValidationException x = catchThrowableOfType(ValidationException.class, () -> POLICY.check(e));
        assertThat(x.violations()).isEqualTo(violations);
    }

    @Nested
    class Art6WhatIsEvaluated {

        @Test
        void anOnlineCaseIsEvaluatedOnItsItem() {
            accepted(itemEvaluation(Fixtures.onlineCase()));
        }

        @Test
        void anOnlineCaseHasNoStaffToEvaluate() {
            refused(itemEvaluation(Fixtures.onlineCase()).targets(Target.SERVICE_ITEM, Target.SERVICE_STAFF),
                    tuple("targets", "Art. 6"));
            refused(itemEvaluation(Fixtures.onlineCase()).targets(Target.SERVICE_STAFF),
                    tuple("targets", "Art. 6"));
        }

        @Test
        void anOnlineCaseHasNoHallVisitToEvaluateThrough() {
            refused(itemEvaluation(Fixtures.onlineCase()).channel(Channel.WINDOW_EVALUATOR),
                    tuple("channel", "Art. 6, 10"));
        }

        @Test
        void anOfflineCaseIsEvaluatedOnItemAndStaff() {
            accepted(bothEvaluation(Fixtures.windowCase()));
            accepted(itemEvaluation(Fixtures.windowCase()));
            accepted(staffEvaluationAtVisit(Fixtures.windowCaseInProgress()));
        }

        @Test
        void anEvaluationGradesAtLeastOneTarget() {
            refused(itemEvaluation(Fixtures.windowCase()).targets(List.of()), tuple("targets", "Art. 6"));
        }
    }

    @Nested
    class Art7GradeAndContent {

        @ParameterizedTest
        @EnumSource(value = Grade.class, names = {"VERY_SATISFIED", "SATISFIED", "BASICALLY_SATISFIED"})
        void aGoodGradeMayOmitIndicators(Grade grade) {
            accepted(itemEvaluation(Fixtures.windowCase()).grade(grade));
        }

        @ParameterizedTest
        @EnumSource(value = Grade.class, names = {"DISSATISFIED", "VERY_DISSATISFIED"})
        void aBadGradeNeedsAnIndicatorOrFreeText(Grade grade) {
            refused(itemEvaluation(Fixtures.windowCase()).grade(grade), tuple("indicators", "Art. 7"));
            refused(itemEvaluation(Fixtures.windowCase()).grade(grade).freeText("  \n"),
                    tuple("indicators", "Art. 7"));
            accepted(itemEvaluation(Fixtures.windowCase()).grade(grade).freeText(Fixtures.FREE_TEXT));
        }

        @Test
        void aBadGradeWithAnIndicatorOfItsTargetAndGrade() {
            accepted(itemEvaluation(Fixtures.windowCase()).grade(Grade.DISSATISFIED).indicators("1201", "1203"));
            accepted(staffEvaluationAtVisit(Fixtures.windowCaseInProgress()).grade(Grade.VERY_DISSATISFIED)
                    .indicators("2101"));
        }

        @Test
        void aGoodGradeMayChooseIndicatorsOfItsGrade() {
            accepted(itemEvaluation(Fixtures.windowCase()).grade(Grade.VERY_SATISFIED).indicators("1501", "1507"));
            accepted(bothEvaluation(Fixtures.windowCase()).grade(Grade.BASICALLY_SATISFIED).indicators("1301", "2302"));
        }

        @Test
        void eachGradedTargetOfABadReviewIsJustified() {
            refused(bothEvaluation(Fixtures.windowCase()).grade(Grade.DISSATISFIED).indicators("1201"),
                    tuple("indicators", "Art. 7"));
            accepted(bothEvaluation(Fixtures.windowCase()).grade(Grade.DISSATISFIED).indicators("1201", "2202"));
            accepted(bothEvaluation(Fixtures.windowCase()).grade(Grade.DISSATISFIED).freeText(Fixtures.FREE_TEXT));
        }

        @Test
        void anIndicatorBelongsToAGradedTarget() {
            refused(itemEvaluation(Fixtures.windowCase()).grade(Grade.DISSATISFIED).indicators("2201"),
                    tuple("indicators[0]", "Art. 6-7"), tuple("indicators", "Art. 7"));
            refused(itemEvaluation(Fixtures.windowCase()).grade(Grade.VERY_SATISFIED).indicators("2501"),
                    tuple("indicators[0]", "Art. 6-7"));
        }

        @Test
        void anIndicatorBelongsToTheGrade() {
            // A 差评 justified only by an indicator of another grade is not justified at all.
            refused(itemEvaluation(Fixtures.windowCase()).grade(Grade.VERY_DISSATISFIED).indicators("1201"),
                    tuple("indicators[0]", "Art. 7"), tuple("indicators", "Art. 7"));
            refused(itemEvaluation(Fixtures.windowCase()).grade(Grade.SATISFIED).indicators("1401", "1501"),
                    tuple("indicators[1]", "Art. 7"));
            refused(itemEvaluation(Fixtures.windowCase()).grade(Grade.BASICALLY_SATISFIED).indicators("1201"),
                    tuple("indicators[0]", "Art. 7"));
        }

        @Test
        void theOtherEntryNeedsFreeText() {
            refused(itemEvaluation(Fixtures.windowCase()).grade(Grade.DISSATISFIED).indicators("1207"),
                    tuple("freeText", "Art. 7"));
            refused(staffEvaluationAtVisit(Fixtures.windowCaseInProgress()).grade(Grade.VERY_DISSATISFIED)
                    .indicators("2104"), tuple("freeText", "Art. 7"));
            accepted(itemEvaluation(Fixtures.windowCase()).grade(Grade.DISSATISFIED).indicators("1207")
                    .freeText(Fixtures.FREE_TEXT));
        }

        @Test
        void unknownAndRepeatedIndicators() {
            refused(itemEvaluation(Fixtures.windowCase()).indicators("1509"), tuple("indicators[0]", "Art. 7"));
            refused(itemEvaluation(Fixtures.windowCase()).indicators("1501", "1502", "1501"),
                    tuple("indicators[2]", "Art. 7"));
            Violation v = POLICY.violations(itemEvaluation(Fixtures.windowCase()).indicators("510").build()).get(0);
            assertThat(v.message()).isEqualTo("'510' is not an indicator code of the annex (附表)");
        }

        @Test
        void freeTextIsBounded() {
            accepted(itemEvaluation(Fixtures.windowCase()).freeText("好".repeat(500)));
            refused(itemEvaluation(Fixtures.windowCase()).freeText("好".repeat(501)), tuple("freeText", "Art. 5"));
        }
    }

    @Nested
    class Art11WhenTheItemAndTheStaffAreEvaluated {

        @Test
        void theItemIsEvaluatedAfterCompletion() {
            refused(itemEvaluation(Fixtures.windowCase()).stage(EvaluationStage.AT_RECEIPT),
                    tuple("stage", "Art. 11"));
            refused(itemEvaluation(Fixtures.windowCaseInProgress()), tuple("stage", "Art. 11"));
        }

        @Test
        void staffIsEvaluatedOnEachVisit() {
            accepted(staffEvaluationAtVisit(Fixtures.windowCaseInProgress()));
            accepted(staffEvaluationAtVisit(Fixtures.windowCase()).visitNo(3).stage(EvaluationStage.AT_COMPLETION)
                    .servedAt(Fixtures.COMPLETED_AT).evaluatedAt(Fixtures.EVALUATED_AT));
        }

        @Test
        void aCaseHandledPartlyOnlineIsEvaluatedAsAWindowCase() {
            CaseRecord mixed = Fixtures.windowCaseBuilder().handlingMode(HandlingMode.ONLINE_AND_OFFLINE).build();
            accepted(bothEvaluation(mixed));
            accepted(staffEvaluationAtVisit(mixed.toBuilder().status(CaseStatus.ACCEPTED).completedAt(null).build()));
            refused(itemEvaluation(mixed).stage(EvaluationStage.AT_RECEIPT), tuple("stage", "Art. 11"));
        }

        @Test
        void onlineAndSelfServiceCasesOnceAfterCompletion() {
            for (CaseRecord c : List.of(Fixtures.onlineCase(), Fixtures.selfServiceCase())) {
                accepted(itemEvaluation(c));
                Evaluation atReceipt = itemEvaluation(c).stage(EvaluationStage.AT_RECEIPT).build();
                assertThat(POLICY.violations(atReceipt)).extracting(Violation::path, Violation::rule)
                        .as("reported once").containsExactly(tuple("stage", "Art. 11"));
                refused(itemEvaluation(c).visitNo(2), tuple("visitNo", "Art. 9, 11"));
            }
        }

        @Test
        void aSelfServiceCaseHasNoStaff() {
            refused(itemEvaluation(Fixtures.selfServiceCase()).targets(Target.SERVICE_STAFF),
                    tuple("targets", "Art. 11"));
        }

        @Test
        void anEvaluationFollowsTheServiceItGrades() {
            refused(itemEvaluation(Fixtures.windowCase()).evaluatedAt(Fixtures.at("2026-03-01T12:00:00")),
                    tuple("evaluatedAt", "Art. 11"), tuple("evaluatedAt", "Art. 11"));
            refused(itemEvaluation(Fixtures.windowCase()).evaluatedAt(Fixtures.at("2026-03-04T12:00:00")),
                    tuple("evaluatedAt", "Art. 11"));
            refused(staffEvaluationAtVisit(Fixtures.windowCaseInProgress()).servedAt(Fixtures.at("2026-03-02T10:00:00")),
                    tuple("evaluatedAt", "Art. 11"));
        }

        @Test
        void visitNumbersRunFromOneTo99() {
            refused(staffEvaluationAtVisit(Fixtures.windowCaseInProgress()).visitNo(0), tuple("visitNo", "Art. 11"));
            refused(staffEvaluationAtVisit(Fixtures.windowCaseInProgress()).visitNo(100), tuple("visitNo", "Art. 11"));
            accepted(staffEvaluationAtVisit(Fixtures.windowCaseInProgress()).visitNo(99));
        }
    }

    @Nested
    class Art12Batches {

        private Evaluation.Builder batch() {
            return bothEvaluation(Fixtures.batchCase("TJ20260302000011")).scope(EvaluationScope.BATCH);
        }

        @Test
        void oneGoodEvaluationForBothTargets() {
            accepted(batch());
        }

        @Test
        void theResultAppliesToStaffAndItem() {
            refused(batch().targets(Target.SERVICE_ITEM), tuple("targets", "Art. 12"));
            refused(batch().targets(Target.SERVICE_STAFF), tuple("targets", "Art. 12"));
        }

        @Test
        void aBatchEvaluationNeedsABatch() {
            refused(bothEvaluation(Fixtures.windowCase()).scope(EvaluationScope.BATCH),
                    tuple("case.batchNo", "Art. 12"));
        }

        @Test
        void aBadReviewNamesSpecificStaffAndItemContent() {
            accepted(batch().grade(Grade.DISSATISFIED).indicators("1203", "2201"));
            refused(batch().grade(Grade.DISSATISFIED).indicators("1203"), tuple("indicators", "Art. 12"));
            refused(batch().grade(Grade.DISSATISFIED).indicators("2201").freeText(Fixtures.FREE_TEXT),
                    tuple("indicators", "Art. 12"));
            refused(batch().grade(Grade.VERY_DISSATISFIED).freeText(Fixtures.FREE_TEXT),
                    tuple("indicators", "Art. 12"), tuple("indicators", "Art. 12"));
        }
    }

    @Nested
    class Art13JointApprovals {

        @Test
        void atReceiptTheWindowStaffOnly() {
            accepted(staffEvaluationAtVisit(Fixtures.jointCase(CaseStatus.ACCEPTED)));
            refused(staffEvaluationAtVisit(Fixtures.jointCase(CaseStatus.ACCEPTED))
                            .targets(Target.SERVICE_STAFF, Target.SERVICE_ITEM),
                    tuple("targets", "Art. 13"), tuple("stage", "Art. 11"));
        }

        @Test
        void atCompletionStaffAndItem() {
            accepted(bothEvaluation(Fixtures.jointCase(CaseStatus.COMPLETED)));
            refused(bothEvaluation(Fixtures.jointCase(CaseStatus.COMPLETED)).targets(Target.SERVICE_ITEM),
                    tuple("targets", "Art. 13"));
            refused(bothEvaluation(Fixtures.jointCase(CaseStatus.COMPLETED)).targets(Target.SERVICE_STAFF),
                    tuple("targets", "Art. 13"));
        }

        @Test
        void aBadReviewNamesSpecificStaffAndItemContent() {
            accepted(bothEvaluation(Fixtures.jointCase(CaseStatus.COMPLETED)).grade(Grade.VERY_DISSATISFIED)
                    .indicators("1106", "2103"));
            refused(bothEvaluation(Fixtures.jointCase(CaseStatus.COMPLETED)).grade(Grade.VERY_DISSATISFIED)
                    .indicators("2103"), tuple("indicators", "Art. 13"));
        }

        @Test
        void theOtherDepartmentsAreValidAndDistinct() {
            CaseRecord repeated = Fixtures.windowCaseBuilder()
                    .jointDeptCodes(List.of(Fixtures.JOINT_DEPT_A, Fixtures.JOINT_DEPT_A, Fixtures.DEPT_CODE,
                            "11120101MB1234567C"))
                    .build();
            refused(bothEvaluation(repeated), tuple("case.jointDeptCodes[1]", "Art. 13"),
                    tuple("case.jointDeptCodes[2]", "Art. 13"), tuple("case.jointDeptCodes[3]", "Art. 13; GB 32100"));
        }
    }

    @Nested
    class Art14Themes {

        @Test
        void anOverallEvaluationOfTheTheme() {
            accepted(itemEvaluation(Fixtures.themeCase("TJZT000001", "ITEM-FOOD")).scope(EvaluationScope.THEME));
        }

        @Test
        void orEachRelatedItemOnItsOwn() {
            accepted(itemEvaluation(Fixtures.themeCase("TJZT000001", "ITEM-FOOD")));
            accepted(itemEvaluation(Fixtures.themeCase("TJZT000002", "ITEM-FIRE")));
        }

        @Test
        void anOverallEvaluationNeedsAThemeWithItsItems() {
            refused(itemEvaluation(Fixtures.windowCase()).scope(EvaluationScope.THEME),
                    tuple("case.themeCode", "Art. 14"));
            refused(itemEvaluation(Fixtures.windowCaseBuilder().theme("ZT-KBFD", List.of()).build())
                    .scope(EvaluationScope.THEME), tuple("case.relatedItemCodes", "Art. 14"));
            refused(itemEvaluation(Fixtures.windowCaseBuilder().theme(null, List.of("ITEM-FOOD")).build()),
                    tuple("case.relatedItemCodes", "Art. 14"));
        }
    }

    @Nested
    class Art15Queries {

        @ParameterizedTest
        @EnumSource(value = HandlingMode.class, names = {"FULLY_ONLINE", "SELF_SERVICE"})
        void aQueryCompletedOnlineIsNotEvaluated(HandlingMode mode) {
            refused(itemEvaluation(Fixtures.queryCase(mode)), tuple("case.businessKind", "Art. 15"));
        }

        @Test
        void aQueryInTheHallIsEvaluatedOnTheWindowStaffOnly() {
            accepted(staffEvaluationAtVisit(Fixtures.queryCase(HandlingMode.WINDOW))
                    .stage(EvaluationStage.AT_COMPLETION).servedAt(Fixtures.COMPLETED_AT)
                    .evaluatedAt(Fixtures.EVALUATED_AT));
            refused(bothEvaluation(Fixtures.queryCase(HandlingMode.WINDOW)), tuple("targets", "Art. 15"));
            refused(itemEvaluation(Fixtures.queryCase(HandlingMode.WINDOW)), tuple("targets", "Art. 15"));
        }

        @Test
        void aQueryInTheHallIsEvaluatedAtCompletionOnlyOnceCompleted() {
            CaseRecord open = Fixtures.queryCase(HandlingMode.WINDOW).toBuilder().status(CaseStatus.ACCEPTED)
                    .completedAt(null).build();
            // Art. 15 "在政务大厅办结的": not at receipt (the old code accepted this one).
            refused(staffEvaluationAtVisit(open), tuple("stage", "Art. 15"));
            refused(staffEvaluationAtVisit(open).stage(EvaluationStage.AT_COMPLETION), tuple("stage", "Art. 11"));
        }
    }

    @Nested
    class Art17RealName {

        @Test
        void aNaturalPersonOrAnEnterpriseWithACheckedCertificate() {
            accepted(itemEvaluation(Fixtures.windowCase()));
            accepted(itemEvaluation(Fixtures.windowCase()).evaluator(Fixtures.enterpriseEvaluator()));
            accepted(itemEvaluation(Fixtures.windowCase()).evaluator(Fixtures.evaluator().toBuilder()
                    .certificate(CertificateType.PASSPORT, "E12345678").mobile(null).build()));
        }

        @Test
        void noEvaluatorNoEvaluation() {
            refused(itemEvaluation(Fixtures.windowCase()).evaluator(null), tuple("evaluator", "Art. 17"));
        }

        @Test
        void nameCertificateTypeAndNumberAreRequired() {
            refused(itemEvaluation(Fixtures.windowCase()).evaluator(Fixtures.evaluator().toBuilder().name(" ")
                    .certificate(null, null).kind(null).build()),
                    tuple("evaluator.kind", "Art. 5"), tuple("evaluator.name", "Art. 17"),
                    tuple("evaluator.certificateType", "Art. 17"), tuple("evaluator.certificateNumber", "Art. 17"));
        }

        @Test
        void theCertificateNumberIsChecked() {
            refused(itemEvaluation(Fixtures.windowCase()).evaluator(Fixtures.evaluator().toBuilder()
                    .certificate(CertificateType.RESIDENT_ID_CARD, "110105194912310021").build()),
                    tuple("evaluator.certificateNumber", "Art. 17; GB 11643"));
            refused(itemEvaluation(Fixtures.windowCase()).evaluator(Fixtures.enterpriseEvaluator().toBuilder()
                    .certificate(CertificateType.UNIFIED_SOCIAL_CREDIT_CODE, "91350100M000100Y42").build()),
                    tuple("evaluator.certificateNumber", "Art. 17; GB 32100"));
            refused(itemEvaluation(Fixtures.windowCase()).evaluator(Fixtures.evaluator().toBuilder()
                    .certificate(CertificateType.PASSPORT, "E 1234567").build()),
                    tuple("evaluator.certificateNumber", "Art. 5"));
        }

        @Test
        void theMobileIsOptionalButWellFormed() {
            accepted(itemEvaluation(Fixtures.windowCase()).evaluator(Fixtures.evaluator().toBuilder().mobile(null)
                    .build()));
            refused(itemEvaluation(Fixtures.windowCase()).evaluator(Fixtures.evaluator().toBuilder()
                    .mobile("12812345678").build()), tuple("evaluator.mobile", "Art. 16-17"));
            refused(itemEvaluation(Fixtures.windowCase()).evaluator(Fixtures.evaluator().toBuilder()
                    .mobile("022-23456789").build()), tuple("evaluator.mobile", "Art. 16-17"));
        }

        @Test
        void evaluatorRulesOnTheirOwnUseRelativePaths() {
            assertThat(EvaluatorRules.violations(Fixtures.evaluator())).isEmpty();
            assertThat(EvaluatorRules.violations(Fixtures.enterpriseEvaluator().toBuilder().mobile("1").build()))
                    .extracting(Violation::path, Violation::rule).containsExactly(tuple("mobile", "Art. 16-17"));
        }
    }

    @Nested
    class Art22FollowUpVisits {

        private Evaluation.Builder followUp() {
            return itemEvaluation(Fixtures.windowCase()).kind(EvaluationKind.FOLLOW_UP)
                    .channel(Channel.HOTLINE_12345).evaluatedAt(Fixtures.at("2026-03-10T10:00:00"));
        }

        @Test
        void satisfiedOrDissatisfiedThroughThe12345Hotline() {
            accepted(followUp().grade(Grade.SATISFIED));
            accepted(followUp().grade(Grade.DISSATISFIED).freeText("整改后仍需两次到现场"));
        }

        @ParameterizedTest
        @EnumSource(value = Grade.class, names = {"VERY_SATISFIED", "BASICALLY_SATISFIED", "VERY_DISSATISFIED"})
        void noOtherGrade(Grade grade) {
            refused(followUp().grade(grade).freeText(Fixtures.FREE_TEXT), tuple("grade", "Art. 22"));
        }

        @Test
        void aDissatisfiedFollowUpNeedsNoArticle7Reason() {
            accepted(followUp().grade(Grade.DISSATISFIED));
        }

        @Test
        void noOtherChannel() {
            refused(followUp().grade(Grade.SATISFIED).channel(Channel.MOBILE_APP), tuple("channel", "Art. 22"));
        }
    }

    @Nested
    class AllViolationsAtOnce {

        @Test
        void aPayloadWithSeveralProblemsYieldsAllOfThem() {
            Evaluation e = itemEvaluation(Fixtures.windowCaseBuilder().department("11120000MB01234567", null)
                    .areaCode("990101").caseNo("").build())
                    .channel(null)
                    .grade(Grade.DISSATISFIED)
                    .indicators("1509", "1207")
                    .visitNo(0)
                    .stage(null)
                    .evaluator(Fixtures.evaluator().toBuilder().mobile("1380000").build())
                    .build();
            List<Violation> all = POLICY.violations(e);
            assertThat(all).extracting(Violation::path, Violation::rule).containsExactlyInAnyOrder(
                    tuple("case.caseNo", "Art. 5"),
                    tuple("case.deptCode", "Art. 5; GB 32100"),
                    tuple("case.areaCode", "Art. 5; GB/T 2260"),
                    tuple("channel", "Art. 5"),
                    tuple("stage", "Art. 5"),
                    tuple("visitNo", "Art. 11"),
                    tuple("evaluator.mobile", "Art. 16-17"),
                    tuple("indicators[0]", "Art. 7"),
                    tuple("freeText", "Art. 7"));
            ValidationException x = catchThrowableOfType(ValidationException.class, () -> POLICY.check(e));
            assertThat(x.violations()).isEqualTo(all);
            assertThat(x.getMessage()).startsWith("9 violations: ").endsWith("; and 4 more")
                    .contains("case.caseNo: is required: 办件编号 (Art. 5)");
        }

        @Test
        void aSingleViolationIsNamedInTheMessage() {
            ValidationException x = catchThrowableOfType(ValidationException.class,
                    () -> POLICY.check(itemEvaluation(Fixtures.onlineCase()).targets(Target.SERVICE_STAFF).build()));
            assertThat(x).hasMessage("1 violation: targets: a case handled by 全程网办 is evaluated on the service "
                    + "item (服务事项) only (Art. 6)");
        }
    }
}
