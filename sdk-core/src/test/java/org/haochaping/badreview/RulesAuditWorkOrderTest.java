package org.haochaping.badreview;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haochaping.deadline.Deadline;
import org.haochaping.deadline.DeadlineCalculator;
import org.haochaping.deadline.DeadlineRule;
import org.haochaping.model.Grade;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The corrections of the rules audit (issue 12, points 12-16) to bad-review work orders, article by article. Each
 * nested class holds at least one case the code before the audit decided wrongly ("was ...").
 */
class RulesAuditWorkOrderTest {

    static final BadReviewWorkflow FLOW = new BadReviewWorkflow(DeadlineCalculator.official());
    static final Actor SYSTEM = Actor.of(ActorRole.SYSTEM, "hcp-platform");
    static final Actor DISTRICT = Actor.of(ActorRole.DISTRICT_GOVERNMENT, "120101");
    static final Actor DEPARTMENT = Actor.of(ActorRole.HANDLING_DEPARTMENT, "D001");
    static final Actor OTHER_DEPARTMENT = Actor.of(ActorRole.HANDLING_DEPARTMENT, "D002");
    static final Actor REVIEWER = Actor.of(ActorRole.REVIEWER, "ZWFWB");
    static final Evidence VIDEO = Evidence.referenced("窗口录像 10:00-10:30", "VID-20240930-A12");

    static OffsetDateTime at(String text) {
        return OffsetDateTime.parse(text + "+08:00");
    }

    /** A district order received Mon 2024-09-30 10:00 (the National Day holiday follows: appeal due Oct 8). */
    static WorkOrder received() {
        WorkOrder o = FLOW.open("WO-9", "EV-9", "CASE-9", Grade.DISSATISFIED, "D001", "120101", SYSTEM,
                at("2024-09-30T09:00:00"));
        return FLOW.apply(o, WorkOrderAction.dispatch("D001"), DISTRICT, at("2024-09-30T10:00:00"));
    }

    static WorkOrder classified(Category category) {
        WorkOrder o = FLOW.apply(received(), WorkOrderAction.verify(), DEPARTMENT, at("2024-09-30T10:10:00"));
        return FLOW.apply(o, WorkOrderAction.classify(category), DEPARTMENT, at("2024-09-30T10:20:00"));
    }

    static DeadlineCheck check(WorkOrder o, DeadlineRule rule, String now) {
        DeadlineCheck found = null;
        for (DeadlineCheck c : o.checkDeadlines(at(now))) {
            if (c.deadline().rule() == rule) {
                found = c;
            }
        }
        assertThat(found).as("a %s deadline on %s", rule, o).isNotNull();
        return found;
    }

    @Nested
    class Art21TheVerdictIsFinal {

        @Test
        void afterAValidVerdictTheOrderCannotBeDismissed() {
            WorkOrder o = FLOW.apply(received(), WorkOrderAction.applyForReview(VIDEO), DEPARTMENT, at("2024-09-30T11:00:00"));
            WorkOrder valid = FLOW.apply(o, WorkOrderAction.decideReview(ReviewVerdict.VALID), REVIEWER, at("2024-10-08T09:00:00"));
            assertThatThrownBy(() -> FLOW.apply(valid, WorkOrderAction.dismiss(Dismissal.UNTRUE), DEPARTMENT,
                    at("2024-10-08T10:00:00"))) // was accepted
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.article()).isEqualTo("Art. 21"))
                    .hasMessageContaining("final");
            assertThat(valid.allowedEvents()).containsExactly(WorkOrderEventType.CLASSIFY);
            assertThat(FLOW.apply(valid, WorkOrderAction.classify(Category.SIMPLE), DEPARTMENT, at("2024-10-08T10:00:00"))
                    .state()).isEqualTo(WorkOrderState.CLASSIFIED);
        }
    }

    @Nested
    class Art21WhenAnAppealMayBeMade {

        @Test
        void aClassifiedOrderMayBeAppealedWithinTheDay() {
            WorkOrder appealed = FLOW.apply(classified(Category.GENERAL), WorkOrderAction.applyForReview(VIDEO), DEPARTMENT,
                    at("2024-10-08T18:00:00")); // was refused once classified
            assertThat(appealed.state()).isEqualTo(WorkOrderState.UNDER_REVIEW);
            WorkOrder back = FLOW.apply(appealed, WorkOrderAction.decideReview(ReviewVerdict.VALID), REVIEWER,
                    at("2024-10-09T09:00:00"));
            assertThat(back.state()).as("handling continues where it was").isEqualTo(WorkOrderState.CLASSIFIED);
        }

        @Test
        void duringRectificationToo_butNotOnceRectified() {
            WorkOrder rectifying = FLOW.apply(classified(Category.COMPLEX), WorkOrderAction.startRectification(), DEPARTMENT,
                    at("2024-09-30T11:00:00"));
            assertThat(FLOW.apply(rectifying, WorkOrderAction.applyForReview(VIDEO), DEPARTMENT, at("2024-09-30T12:00:00"))
                    .state()).isEqualTo(WorkOrderState.UNDER_REVIEW);
            WorkOrder rectified = FLOW.apply(rectifying, WorkOrderAction.completeRectification(), DEPARTMENT,
                    at("2024-09-30T12:00:00"));
            assertThatThrownBy(() -> FLOW.apply(rectified, WorkOrderAction.applyForReview(VIDEO), DEPARTMENT,
                    at("2024-09-30T13:00:00"))).isInstanceOf(IllegalTransitionException.class);
        }

        @Test
        void notAfterTheWorkingDay() {
            assertThatThrownBy(() -> FLOW.apply(classified(Category.GENERAL), WorkOrderAction.applyForReview(VIDEO),
                    DEPARTMENT, at("2024-10-09T00:00:00")))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.article()).isEqualTo("Art. 21"))
                    .hasMessageContaining("2024-10-08T23:59:59+08:00");
        }

        @Test
        void anAppealCarriesEvidence() {
            assertThatThrownBy(WorkOrderAction::applyForReview) // was accepted without evidence
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Art. 21").hasMessageContaining("evidence");
            assertThatThrownBy(() -> Evidence.of("通话录音", null, null)).hasMessageContaining("reference or a digest");
            assertThatThrownBy(() -> Evidence.of(" ", "REC-1", null)).hasMessageContaining("description");
            assertThatThrownBy(() -> Evidence.of("通话录音", null, "abc")).hasMessageContaining("64 hex");
            Evidence digest = Evidence.of("通话录音 张三", null,
                    "66C7F0F462EEEDD9D1F2D46BDC10E4E24167C4875CF2F7A2297DA02B8F4BA8E0");
            assertThat(digest.digest()).startsWith("66c7f0");
            assertThat(digest.toString()).doesNotContain("张三");
            WorkOrder o = FLOW.apply(received(), WorkOrderAction.applyForReview(VIDEO, digest), DEPARTMENT,
                    at("2024-09-30T11:00:00"));
            assertThat(o.history().get(2).evidence()).containsExactly(VIDEO, digest);
        }
    }

    @Nested
    class Art20And21ClocksDuringAnAppeal {

        @Test
        void theLimitsAreSuspendedDuringTheAppealAndRunFromAValidVerdict() {
            // Classified GENERAL at receipt: call back due Tue Oct 8. Appealed the same day; decided Thu Oct 10.
            WorkOrder appealed = FLOW.apply(classified(Category.GENERAL), WorkOrderAction.applyForReview(VIDEO), DEPARTMENT,
                    at("2024-09-30T11:00:00"));
            assertThat(check(appealed, DeadlineRule.GENERAL_CALLBACK, "2024-10-09T12:00:00").status())
                    .isEqualTo(DeadlineStatus.OPEN); // was OVERDUE
            WorkOrder valid = FLOW.apply(appealed, WorkOrderAction.decideReview(ReviewVerdict.VALID), REVIEWER,
                    at("2024-10-10T09:00:00"));
            Deadline callBack = check(valid, DeadlineRule.GENERAL_CALLBACK, "2024-10-10T12:00:00").deadline();
            assertThat(callBack.startedAt()).isEqualTo(at("2024-10-10T09:00:00"));
            assertThat(callBack.dueAt()).isEqualTo(at("2024-10-11T23:59:59"));
            // 5 working days after Thu Oct 10: Fri 11, the make-up Saturday 12, Mon 14, Tue 15, Wed 16.
            assertThat(check(valid, DeadlineRule.GENERAL_RESULT, "2024-10-10T12:00:00").deadline().dueAt())
                    .isEqualTo(at("2024-10-16T23:59:59"));
            assertThat(valid.isOverdueAt(at("2024-10-10T12:00:00"))).as("not already overdue").isFalse();
            assertThat(valid.isOverdueAt(at("2024-10-12T00:00:00"))).isTrue();
        }

        @Test
        void aValidVerdictBeforeClassificationStartsTheLimitsAtTheVerdict() {
            WorkOrder o = FLOW.apply(received(), WorkOrderAction.applyForReview(VIDEO), DEPARTMENT, at("2024-09-30T11:00:00"));
            o = FLOW.apply(o, WorkOrderAction.decideReview(ReviewVerdict.VALID), REVIEWER, at("2024-10-10T09:00:00"));
            o = FLOW.apply(o, WorkOrderAction.classify(Category.COMPLEX), DEPARTMENT, at("2024-10-10T10:00:00"));
            assertThat(check(o, DeadlineRule.COMPLEX_RESULT, "2024-10-10T12:00:00").deadline().startedAt())
                    .isEqualTo(at("2024-10-10T09:00:00")); // was the receipt, Sep 30
        }

        @Test
        void anInvalidVerdictLeavesNoLimitOverdue() {
            WorkOrder appealed = FLOW.apply(classified(Category.SIMPLE), WorkOrderAction.applyForReview(VIDEO), DEPARTMENT,
                    at("2024-09-30T11:00:00"));
            WorkOrder invalid = FLOW.apply(appealed, WorkOrderAction.decideReview(ReviewVerdict.INVALID), REVIEWER,
                    at("2024-10-10T09:00:00"));
            assertThat(check(invalid, DeadlineRule.SIMPLE_CALLBACK, "2024-10-20T00:00:00").status())
                    .isEqualTo(DeadlineStatus.LAPSED);
            assertThat(invalid.isOverdueAt(at("2024-10-20T00:00:00"))).isFalse();
        }
    }

    @Nested
    class Art20SimpleResultWithinOneWorkingDay {

        @Test
        void aCallBackWithoutTheResultDoesNotMeetTheLimit() {
            WorkOrder called = FLOW.apply(classified(Category.SIMPLE), WorkOrderAction.callBack(), DEPARTMENT,
                    at("2024-09-30T12:00:00"));
            assertThat(check(called, DeadlineRule.SIMPLE_CALLBACK, "2024-10-09T00:00:00").status())
                    .isEqualTo(DeadlineStatus.OVERDUE); // was MET
            WorkOrder done = FLOW.apply(FLOW.apply(called, WorkOrderAction.startRectification(), DEPARTMENT,
                    at("2024-10-08T09:00:00")), WorkOrderAction.completeRectification(), DEPARTMENT, at("2024-10-08T16:00:00"));
            assertThat(check(done, DeadlineRule.SIMPLE_CALLBACK, "2024-10-09T00:00:00").status()).isEqualTo(DeadlineStatus.MET);
        }

        @Test
        void theGeneralCallBackIsStillMetByACallBack() {
            WorkOrder called = FLOW.apply(classified(Category.GENERAL), WorkOrderAction.callBack(), DEPARTMENT,
                    at("2024-09-30T12:00:00"));
            assertThat(check(called, DeadlineRule.GENERAL_CALLBACK, "2024-10-09T00:00:00").status()).isEqualTo(DeadlineStatus.MET);
        }
    }

    @Nested
    class Art18DispatchByLevelAndActors {

        @Test
        void aCityLevelOrderGoesFromTheSystemToTheEvaluatedDepartment() {
            WorkOrder city = FLOW.open("WO-C", "EV-C", "CASE-C", Grade.DISSATISFIED, "D100", "120000", SYSTEM,
                    at("2024-09-30T09:00:00"));
            assertThat(city.isCityLevel()).isTrue();
            assertThatThrownBy(() -> FLOW.apply(city, WorkOrderAction.dispatch("D100"), DISTRICT, at("2024-09-30T09:01:00")))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.article()).isEqualTo("Art. 18"));
            assertThatThrownBy(() -> FLOW.apply(city, WorkOrderAction.dispatch("D999"), SYSTEM, at("2024-09-30T09:01:00")))
                    .hasMessageContaining("evaluated department D100"); // was accepted
            assertThat(FLOW.apply(city, WorkOrderAction.dispatch("D100"), SYSTEM, at("2024-09-30T09:01:00")).handlingDeptCode())
                    .isEqualTo("D100");
        }

        @Test
        void aDistrictLevelOrderIsSentOnByTheDistrictGovernment() {
            WorkOrder district = FLOW.open("WO-D", "EV-D", "CASE-D", Grade.DISSATISFIED, "D001", "120101", SYSTEM,
                    at("2024-09-30T09:00:00"));
            assertThat(district.isCityLevel()).isFalse();
            assertThatThrownBy(() -> FLOW.apply(district, WorkOrderAction.dispatch("D001"), SYSTEM, at("2024-09-30T09:01:00")))
                    .hasMessageContaining("district government"); // was accepted
            assertThatThrownBy(() -> FLOW.apply(district, WorkOrderAction.dispatch("D002"), DISTRICT, at("2024-09-30T09:01:00")))
                    .isInstanceOf(IllegalTransitionException.class);
        }

        @Test
        void onlyTheReceivingDepartmentActsOnTheOrder() {
            assertThatThrownBy(() -> FLOW.apply(received(), WorkOrderAction.verify(), OTHER_DEPARTMENT, at("2024-09-30T11:00:00")))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.article()).isEqualTo("Art. 19"))
                    .hasMessageContaining("D001"); // was accepted
            assertThatThrownBy(() -> FLOW.apply(received(), WorkOrderAction.applyForReview(VIDEO), OTHER_DEPARTMENT,
                    at("2024-09-30T11:00:00"))).isInstanceOf(IllegalTransitionException.class);
        }
    }

    @Nested
    class WireCompatibility {

        private final ObjectMapper json = new ObjectMapper();

        @Test
        void evidenceTravelsAndHistoriesRecordedBeforeTheAuditStillRead() throws Exception {
            WorkOrder o = FLOW.apply(received(), WorkOrderAction.applyForReview(VIDEO), DEPARTMENT, at("2024-09-30T11:00:00"));
            o = FLOW.apply(o, WorkOrderAction.decideReview(ReviewVerdict.VALID), REVIEWER, at("2024-10-08T09:00:00"));
            o = FLOW.apply(o, WorkOrderAction.classify(Category.GENERAL), DEPARTMENT, at("2024-10-08T09:30:00"));
            String text = json.writeValueAsString(o);
            assertThat(text).contains("\"evidence\":[{\"description\":\"窗口录像 10:00-10:30\",\"reference\":\"VID-20240930-A12\"}]");
            assertThat(text).doesNotContain("cityLevel");
            assertThat(json.readValue(text, WorkOrder.class)).isEqualTo(o);

            // Before the audit: an appeal without evidence, and limits counted from receipt after the verdict.
            ObjectNode tree = (ObjectNode) json.readTree(text);
            ArrayNode history = (ArrayNode) tree.get("history");
            ((ObjectNode) history.get(2)).remove("evidence");
            for (com.fasterxml.jackson.databind.JsonNode d : history.get(4).get("deadlines")) {
                ((ObjectNode) d).put("startedAt", "2024-09-30T10:00:00+08:00");
            }
            WorkOrder legacy = json.readValue(json.writeValueAsString(tree), WorkOrder.class);
            assertThat(legacy.state()).isEqualTo(WorkOrderState.CLASSIFIED);
            assertThat(legacy.history().get(2).evidence()).isEmpty();
        }
    }
}
