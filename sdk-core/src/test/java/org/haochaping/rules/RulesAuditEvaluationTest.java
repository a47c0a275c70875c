package org.haochaping.rules;

import org.haochaping.Fixtures;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.CertificateType;
import org.haochaping.model.Channel;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationKind;
import org.haochaping.model.EvaluationStage;
import org.haochaping.model.Evaluator;
import org.haochaping.model.EvaluatorKind;
import org.haochaping.model.Grade;
import org.haochaping.model.HandlingMode;
import org.haochaping.model.Target;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.haochaping.Fixtures.at;
import static org.haochaping.Fixtures.bothEvaluation;
import static org.haochaping.Fixtures.itemEvaluation;
import static org.haochaping.Fixtures.staffEvaluationAtVisit;

/**
 * The corrections of the rules audit (issue 12, points 1-10), article by article. Each nested class holds at least
 * one case the code before the audit decided wrongly, marked "was accepted" or "was refused".
 */
class RulesAuditEvaluationTest {

    /** Checked at a fixed moment, long after the fixtures, so only the rule under test can refuse. */
    private static final EvaluationPolicy POLICY = EvaluationPolicy.standard()
            .withClock(Clock.fixed(at("2026-12-01T00:00:00").toInstant(), Fixtures.BEIJING));

    private static List<Violation> violations(Evaluation.Builder b) {
        return POLICY.violations(b.build());
    }

    private static void accepted(Evaluation.Builder b) {
        assertThat(violations(b)).as("violations of %s", b.build()).isEmpty();
    }

    private static void refused(Evaluation.Builder b, String path, String rule) {
        assertThat(violations(b)).extracting(Violation::path, Violation::rule).containsExactly(tuple(path, rule));
    }

    @Nested
    class Art16LateEvaluations {

        // Completed Thu 2026-03-05 15:30; working days after: Fri 6, Mon 9, Tue 10, Wed 11, Thu 12.
        @Test
        void anEvaluationAfterTheFifthWorkingDayIsRefusedWithTheDeadline() {
            accepted(itemEvaluation(Fixtures.windowCase()).evaluatedAt(at("2026-03-12T23:59:59")));
            Evaluation late = itemEvaluation(Fixtures.windowCase()).evaluatedAt(at("2026-03-13T00:00:00")).build();
            List<Violation> v = POLICY.violations(late); // was accepted
            assertThat(v).extracting(Violation::path, Violation::rule).containsExactly(tuple("evaluatedAt", "Art. 16"));
            assertThat(v.get(0).message()).contains("2026-03-12T23:59:59+08:00").contains("未评");
        }

        @Test
        void holidaysDoNotCountAndMakeUpDaysDo() {
            // Completed Mon 2024-09-30: Oct 1-7 are the National Day holiday, Sat Oct 12 a make-up working day, so
            // the 5th working day is Sat Oct 12 (counting Monday to Friday would give Mon Oct 7).
            CaseRecord c = Fixtures.windowCaseBuilder().acceptedAt(OffsetDateTime.parse("2024-09-30T09:00:00+08:00"))
                    .completedAt(OffsetDateTime.parse("2024-09-30T10:00:00+08:00")).promisedAt(null).build();
            accepted(itemEvaluation(c).evaluatedAt(OffsetDateTime.parse("2024-10-12T20:00:00+08:00")));
            refused(itemEvaluation(c).evaluatedAt(OffsetDateTime.parse("2024-10-13T08:00:00+08:00")),
                    "evaluatedAt", "Art. 16");
        }

        @Test
        void theFollowUpVisitOfArticle22IsExempt() {
            accepted(itemEvaluation(Fixtures.windowCase()).kind(EvaluationKind.FOLLOW_UP).channel(Channel.HOTLINE_12345)
                    .grade(Grade.SATISFIED).evaluatedAt(at("2026-04-20T10:00:00")));
        }

        @Test
        void aCaseNotYetCompletedHasNoWindowYet() {
            accepted(staffEvaluationAtVisit(Fixtures.windowCaseInProgress()).evaluatedAt(at("2026-05-02T10:00:00")));
        }

        @Test
        void theWindowIsPublishedForACompletedCase() {
            assertThat(POLICY.evaluationWindow(Fixtures.windowCase()).dueAt())
                    .isEqualTo(OffsetDateTime.parse("2026-03-12T23:59:59+08:00"));
            assertThat(POLICY.evaluationWindow(Fixtures.windowCaseInProgress())).isNull();
        }
    }

    @Nested
    class Art5EvaluationsFromTheFuture {

        private final EvaluationPolicy atFour = EvaluationPolicy.standard()
                .withClock(Clock.fixed(at("2026-03-05T16:00:00").toInstant(), Fixtures.BEIJING));

        @Test
        void anEvaluationLaterThanTheClockPlusTheSkewIsRefused() {
            assertThat(EvaluationPolicy.ALLOWED_CLOCK_SKEW).hasMinutes(5);
            assertThat(atFour.violations(itemEvaluation(Fixtures.windowCase()).evaluatedAt(at("2026-03-05T16:05:00"))
                    .build())).isEmpty();
            assertThat(atFour.violations(itemEvaluation(Fixtures.windowCase()).evaluatedAt(at("2026-03-05T16:05:01"))
                    .build())).extracting(Violation::path, Violation::rule)
                    .containsExactly(tuple("evaluatedAt", "Art. 5")); // was accepted
        }
    }

    @Nested
    class Art12BatchesAreEvaluatedThroughTheirBatch {

        @Test
        void aCaseScopedEvaluationOfABatchCaseIsRefusedNamingTheBatch() {
            Evaluation e = itemEvaluation(Fixtures.batchCase("TJ20260302000011")).build(); // was accepted
            List<Violation> v = POLICY.violations(e);
            assertThat(v).extracting(Violation::path, Violation::rule).containsExactly(tuple("scope", "Art. 12"));
            assertThat(v.get(0).message()).contains("PL20260302001");
        }
    }

    @Nested
    class Art13JointApprovalsHandledOnline {

        private CaseRecord jointOnline(HandlingMode mode) {
            return Fixtures.jointCase(CaseStatus.COMPLETED).toBuilder().handlingMode(mode).hallAndWindow(null, null)
                    .staff(null, null).build();
        }

        @Test
        void aJointApprovalHandledWhollyOnlineIsEvaluatedOnTheItemOnceAfterCompletion() {
            accepted(itemEvaluation(jointOnline(HandlingMode.FULLY_ONLINE))); // was refused (Art. 13 wanted both)
            accepted(itemEvaluation(jointOnline(HandlingMode.SELF_SERVICE)));
            refused(itemEvaluation(jointOnline(HandlingMode.FULLY_ONLINE)).targets(Target.SERVICE_ITEM,
                    Target.SERVICE_STAFF), "targets", "Art. 6");
        }

        @Test
        void atTheWindowArticle13StillApplies() {
            refused(itemEvaluation(Fixtures.jointCase(CaseStatus.COMPLETED)), "targets", "Art. 13");
        }
    }

    @Nested
    class Art13TwoOccasions {

        @Test
        void theStaffAtReceiptAndAtCompletionAreTwoOccasionsWithTheDefaultVisit() {
            Evaluation receipt = staffEvaluationAtVisit(Fixtures.jointCase(CaseStatus.ACCEPTED)).build();
            Evaluation completion = bothEvaluation(Fixtures.jointCase(CaseStatus.COMPLETED)).visitNo(1).build();
            assertThat(POLICY.violations(receipt)).isEmpty();
            assertThat(POLICY.violations(completion)).isEmpty();
            EvaluationHistory h = EvaluationHistory.empty().with(receipt);
            assertThat(h.violations(completion)).isEmpty(); // was refused: same visit 1
            assertThat(h.violations(receipt.toBuilder().evaluationId("EV-0003").build()))
                    .extracting(Violation::path, Violation::rule).containsExactly(tuple("targets", "Art. 10, 11"));
        }

        @Test
        void elsewhereOneVisitIsOneOccasion() {
            Evaluation atVisit = staffEvaluationAtVisit(Fixtures.windowCaseInProgress()).build();
            Evaluation atCompletion = bothEvaluation(Fixtures.windowCase()).visitNo(1).build();
            assertThat(EvaluationHistory.empty().with(atVisit).violations(atCompletion))
                    .extracting(Violation::path).containsExactly("targets");
        }
    }

    @Nested
    class Art15QueriesOnceCompletedInTheHall {

        @Test
        void aQueryIsNotEvaluatedBeforeItIsCompleted() {
            CaseRecord open = Fixtures.queryCase(HandlingMode.WINDOW).toBuilder().status(CaseStatus.ACCEPTED)
                    .completedAt(null).build();
            refused(staffEvaluationAtVisit(open), "stage", "Art. 15"); // was accepted
            accepted(staffEvaluationAtVisit(Fixtures.queryCase(HandlingMode.WINDOW))
                    .stage(EvaluationStage.AT_COMPLETION).evaluatedAt(Fixtures.EVALUATED_AT));
        }
    }

    @Nested
    class Art10And26TheStaffMemberIsNamed {

        @Test
        void aStaffEvaluationWithoutAStaffNumberIsRefused() {
            CaseRecord noStaff = Fixtures.windowCaseBuilder().staff(null, "李四").build();
            refused(bothEvaluation(noStaff).staffNo(null), "staffNo", "Art. 10(一), 26"); // was accepted
            accepted(bothEvaluation(noStaff)); // the evaluation's own staffNo
            accepted(bothEvaluation(Fixtures.windowCase()).staffNo(null)); // the case's staffNo
            accepted(itemEvaluation(noStaff)); // no staff graded, none needed
        }
    }

    @Nested
    class Art17CertificateFitsTheEvaluator {

        private Evaluator person(CertificateType type, String number) {
            return Fixtures.evaluator().toBuilder().certificate(type, number).build();
        }

        @Test
        void aNaturalPersonIsNotIdentifiedByAnOrganisationCode() {
            refused(itemEvaluation(Fixtures.windowCase()).evaluator(person(CertificateType.UNIFIED_SOCIAL_CREDIT_CODE,
                    Fixtures.CREDIT_CODE_EXAMPLE)), "evaluator.certificateType", "Art. 17"); // was accepted
            accepted(itemEvaluation(Fixtures.windowCase()).evaluator(person(CertificateType.PASSPORT, "E12345678")));
            accepted(itemEvaluation(Fixtures.windowCase()).evaluator(person(CertificateType.OTHER, "X-1")));
        }

        @Test
        void anOrganisationIsNotIdentifiedByAPersonalCertificate() {
            Evaluator company = Fixtures.enterpriseEvaluator();
            refused(itemEvaluation(Fixtures.windowCase()).evaluator(company.toBuilder()
                    .certificate(CertificateType.RESIDENT_ID_CARD, Fixtures.ID_NUMBER).build()),
                    "evaluator.certificateType", "Art. 17"); // was accepted
            refused(itemEvaluation(Fixtures.windowCase()).evaluator(company.toBuilder().kind(EvaluatorKind.ADMINISTRATIVE_ORGAN)
                    .certificate(CertificateType.PASSPORT, "E12345678").build()), "evaluator.certificateType", "Art. 17");
            accepted(itemEvaluation(Fixtures.windowCase()).evaluator(company.toBuilder().kind(EvaluatorKind.OTHER_ORGANIZATION)
                    .certificate(CertificateType.OTHER, "ORG-77").build()));
        }
    }

    @Nested
    class Art6And10TheDynamicReceiptCodeIsAHallChannel {

        @Test
        void aFullyOnlineCaseIsNotEvaluatedThroughTheReceiptCode() {
            refused(itemEvaluation(Fixtures.onlineCase()).channel(Channel.DYNAMIC_QR_CODE), "channel", "Art. 6, 10"); // was accepted
            accepted(itemEvaluation(Fixtures.windowCase()).channel(Channel.DYNAMIC_QR_CODE));
        }
    }

    @Nested
    class Art9And11AppendedEvaluations {

        private final Evaluation original = itemEvaluation(Fixtures.onlineCase()).indicators("1504").build();

        private Evaluation.Builder appended() {
            return original.toBuilder().evaluationId("EV-0009").kind(EvaluationKind.APPENDED).appendsTo("EV-0001")
                    .indicators("1504", "1505").freeText("补充：邮寄很快").evaluatedAt(at("2026-03-09T10:00:00"));
        }

        @Test
        void anAppendedEvaluationNamesTheEvaluationItAddsTo() {
            refused(appended().appendsTo(null), "appendsTo", "Art. 9(四), 11");
            refused(itemEvaluation(Fixtures.onlineCase()).appendsTo("EV-0001"), "appendsTo", "Art. 9(四), 11");
            accepted(appended());
            assertThat(EvaluationHistory.empty().with(original).violations(appended().build())).isEmpty();
        }

        @Test
        void itCannotChangeTheGrade() {
            Evaluation regraded = appended().grade(Grade.SATISFIED).indicators("1401").build();
            assertThat(POLICY.violations(regraded)).isEmpty();
            List<EvaluationHistory.Conflict> c = EvaluationHistory.empty().with(original).conflicts(regraded); // was accepted
            assertThat(c).extracting(x -> x.violation().path(), x -> x.violation().rule())
                    .containsExactly(tuple("grade", "Art. 9(四), 11"));
            assertThat(c.get(0).earlier()).isSameAs(original);
        }

        @Test
        void itStaysWithinTheArticle16Window() {
            // Completed Thu 2026-03-05; the window ended Thu 2026-03-12.
            refused(appended().evaluatedAt(at("2026-03-13T09:00:00")), "evaluatedAt", "Art. 16");
        }

        @Test
        void itAddsToAnActiveEvaluationOfTheSameCaseOnly() {
            EvaluationHistory h = EvaluationHistory.empty().with(original);
            assertThat(h.violations(appended().appendsTo("EV-0404").build())).extracting(Violation::path)
                    .containsExactly("appendsTo");
            Evaluation otherCase = appended().caseRecord(Fixtures.onlineCaseBuilder().caseNo("TJWB-OTHER").build()).build();
            assertThat(h.violations(otherCase)).extracting(Violation::path).containsExactly("appendsTo");
        }
    }
}
