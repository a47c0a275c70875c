package org.haochaping.badreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haochaping.badreview.WorkOrderTransitionTableTest.DEPARTMENT;
import static org.haochaping.badreview.WorkOrderTransitionTableTest.DISTRICT;
import static org.haochaping.badreview.WorkOrderTransitionTableTest.FLOW;
import static org.haochaping.badreview.WorkOrderTransitionTableTest.HOTLINE;
import static org.haochaping.badreview.WorkOrderTransitionTableTest.REVIEWER;
import static org.haochaping.badreview.WorkOrderTransitionTableTest.SYSTEM;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.haochaping.deadline.Deadline;
import org.haochaping.deadline.DeadlineRule;
import org.haochaping.model.Grade;
import org.junit.jupiter.api.Test;

class BadReviewWorkflowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static OffsetDateTime at(String text) {
        return OffsetDateTime.parse(text);
    }

    /** Opened Monday 2024-09-30 09:00, received by the department at 10:00 (the National Day holiday follows). */
    private static WorkOrder received() {
        WorkOrder o = FLOW.open("WO-7", "EV-7", "CASE-7", Grade.VERY_DISSATISFIED, "D001", "120101", SYSTEM,
                at("2024-09-30T09:00:00+08:00"));
        return FLOW.apply(o, WorkOrderAction.dispatch("D001"), DISTRICT, at("2024-09-30T10:00:00+08:00"));
    }

    private static DeadlineStatus status(WorkOrder o, DeadlineRule rule, String now) {
        for (DeadlineCheck c : o.checkDeadlines(at(now))) {
            if (c.deadline().rule() == rule) {
                return c.status();
            }
        }
        throw new AssertionError("no " + rule + " deadline on " + o);
    }

    private static OffsetDateTime due(WorkOrder o, DeadlineRule rule) {
        for (Deadline d : o.deadlines()) {
            if (d.rule() == rule) {
                return d.dueAt();
            }
        }
        throw new AssertionError("no " + rule + " deadline on " + o);
    }

    @Test
    void receiptStartsTheAppealPeriod() {
        WorkOrder o = received();
        assertThat(o.receivedAt()).isEqualTo(at("2024-09-30T10:00:00+08:00"));
        assertThat(o.handlingDeptCode()).isEqualTo("D001");
        assertThat(o.history().get(1).deadlines()).extracting(Deadline::rule).containsExactly(DeadlineRule.APPEAL);
        assertThat(due(o, DeadlineRule.APPEAL)).isEqualTo(at("2024-10-08T23:59:59+08:00"));
        assertThat(status(o, DeadlineRule.APPEAL, "2024-10-08T12:00:00+08:00")).isEqualTo(DeadlineStatus.OPEN);
        assertThat(status(o, DeadlineRule.APPEAL, "2024-10-09T00:00:00+08:00")).isEqualTo(DeadlineStatus.LAPSED);
    }

    @Test
    void anAppealAfterOneWorkingDayIsRefused() {
        WorkOrder o = received();
        assertThatThrownBy(() -> FLOW.apply(o, WorkOrderAction.applyForReview(WorkOrderTransitionTableTest.EVIDENCE), DEPARTMENT, at("2024-10-09T00:00:00+08:00")))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.article()).isEqualTo("Art. 21");
                    assertThat(e.state()).isEqualTo(WorkOrderState.DISPATCHED);
                })
                .hasMessageContaining("2024-10-08T23:59:59+08:00");
        WorkOrder appealed = FLOW.apply(o, WorkOrderAction.applyForReview(WorkOrderTransitionTableTest.EVIDENCE), DEPARTMENT, at("2024-10-08T23:59:59.500+08:00"));
        assertThat(appealed.state()).isEqualTo(WorkOrderState.UNDER_REVIEW);
        assertThat(status(appealed, DeadlineRule.APPEAL, "2024-12-01T00:00:00+08:00")).isEqualTo(DeadlineStatus.MET);
    }

    @Test
    void aBadReviewIsAppealedOnlyOnce() {
        WorkOrder o = FLOW.apply(received(), WorkOrderAction.applyForReview(WorkOrderTransitionTableTest.EVIDENCE), DEPARTMENT, at("2024-09-30T11:00:00+08:00"));
        WorkOrder valid = FLOW.apply(o, WorkOrderAction.decideReview(ReviewVerdict.VALID), REVIEWER, at("2024-10-08T09:00:00+08:00"));
        assertThat(valid.state()).isEqualTo(WorkOrderState.VERIFIED);
        // Art. 21: the VALID verdict is final; the order can no longer be dismissed.
        assertThat(valid.allowedEvents()).containsExactlyInAnyOrder(WorkOrderEventType.CLASSIFY);
        assertThatThrownBy(() -> FLOW.apply(valid, WorkOrderAction.applyForReview(WorkOrderTransitionTableTest.EVIDENCE), DEPARTMENT, at("2024-10-08T10:00:00+08:00")))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("already appealed");
    }

    @Test
    void aGeneralBadReviewRunsItsArticle20Deadlines() {
        WorkOrder o = FLOW.apply(received(), WorkOrderAction.verify(), DEPARTMENT, at("2024-09-30T15:00:00+08:00"));
        o = FLOW.apply(o, WorkOrderAction.classify(Category.GENERAL).withNote("窗口流程说明不清"), DEPARTMENT,
                at("2024-09-30T16:00:00+08:00"));
        // From receipt (Mon 09-30): 1 working day is Oct 8; 5 are Oct 8, 9, 10, 11 and the make-up Saturday Oct 12.
        assertThat(o.category()).isEqualTo(Category.GENERAL);
        assertThat(due(o, DeadlineRule.GENERAL_CALLBACK)).isEqualTo(at("2024-10-08T23:59:59+08:00"));
        assertThat(due(o, DeadlineRule.GENERAL_RESULT)).isEqualTo(at("2024-10-12T23:59:59+08:00"));
        // Art. 21: classified, the order may still be appealed until the end of the appeal day.
        assertThat(status(o, DeadlineRule.APPEAL, "2024-10-01T00:00:00+08:00")).isEqualTo(DeadlineStatus.OPEN);
        assertThat(status(o, DeadlineRule.APPEAL, "2024-10-09T00:00:00+08:00")).isEqualTo(DeadlineStatus.LAPSED);
        assertThat(status(o, DeadlineRule.GENERAL_CALLBACK, "2024-10-08T20:00:00+08:00")).isEqualTo(DeadlineStatus.OPEN);
        assertThat(status(o, DeadlineRule.GENERAL_CALLBACK, "2024-10-09T08:00:00+08:00")).isEqualTo(DeadlineStatus.OVERDUE);
        assertThat(o.isOverdueAt(at("2024-10-09T08:00:00+08:00"))).isTrue();
        assertThat(o.isOverdueAt(at("2024-10-08T08:00:00+08:00"))).isFalse();

        o = FLOW.apply(o, WorkOrderAction.callBack(), DEPARTMENT, at("2024-10-09T09:00:00+08:00"));
        o = FLOW.apply(o, WorkOrderAction.startRectification(), DEPARTMENT, at("2024-10-09T10:00:00+08:00"));
        o = FLOW.apply(o, WorkOrderAction.completeRectification(), DEPARTMENT, at("2024-10-12T17:00:00+08:00"));
        assertThat(status(o, DeadlineRule.GENERAL_CALLBACK, "2024-10-20T00:00:00+08:00")).isEqualTo(DeadlineStatus.MET_LATE);
        assertThat(status(o, DeadlineRule.GENERAL_RESULT, "2024-10-20T00:00:00+08:00")).isEqualTo(DeadlineStatus.MET);
        assertThat(o.isOverdueAt(at("2024-10-20T00:00:00+08:00"))).isFalse();

        o = FLOW.apply(o, WorkOrderAction.followUp(FollowUpResult.SATISFIED), HOTLINE, at("2024-10-14T09:00:00+08:00"));
        assertThat(o.state()).isEqualTo(WorkOrderState.FOLLOWED_UP);
        assertThat(o.followUp()).isEqualTo(FollowUpResult.SATISFIED);
        assertThat(o.history()).extracting(WorkOrderEvent::type).containsExactly(WorkOrderEventType.OPEN,
                WorkOrderEventType.DISPATCH, WorkOrderEventType.VERIFY, WorkOrderEventType.CLASSIFY,
                WorkOrderEventType.CALL_BACK, WorkOrderEventType.START_RECTIFICATION,
                WorkOrderEventType.COMPLETE_RECTIFICATION, WorkOrderEventType.FOLLOW_UP);
    }

    @Test
    void simpleAndComplexCategoriesStartTheirOwnLimits() {
        WorkOrder verified = FLOW.apply(received(), WorkOrderAction.verify(), DEPARTMENT, at("2024-09-30T11:00:00+08:00"));
        WorkOrder simple = FLOW.apply(verified, WorkOrderAction.classify(Category.SIMPLE), DEPARTMENT, at("2024-09-30T11:05:00+08:00"));
        assertThat(simple.deadlines()).extracting(Deadline::rule).containsExactly(DeadlineRule.APPEAL, DeadlineRule.SIMPLE_CALLBACK);
        assertThat(due(simple, DeadlineRule.SIMPLE_CALLBACK)).isEqualTo(at("2024-10-08T23:59:59+08:00"));
        // Solved on the spot: completing the rectification is the call back with the result.
        WorkOrder onTheSpot = FLOW.apply(FLOW.apply(simple, WorkOrderAction.startRectification(), DEPARTMENT,
                at("2024-09-30T11:10:00+08:00")), WorkOrderAction.completeRectification(), DEPARTMENT, at("2024-09-30T11:10:00+08:00"));
        assertThat(status(onTheSpot, DeadlineRule.SIMPLE_CALLBACK, "2024-11-01T00:00:00+08:00")).isEqualTo(DeadlineStatus.MET);

        WorkOrder complex = FLOW.apply(verified, WorkOrderAction.classify(Category.COMPLEX), DEPARTMENT, at("2024-09-30T11:05:00+08:00"));
        // 15 working days after Mon 09-30: Oct 8-11 (4), Sat 12 (5), Oct 14-18 (10), Oct 21-25 (15).
        assertThat(due(complex, DeadlineRule.COMPLEX_RESULT)).isEqualTo(at("2024-10-25T23:59:59+08:00"));
        assertThat(status(complex, DeadlineRule.COMPLEX_RESULT, "2024-10-26T00:00:00+08:00")).isEqualTo(DeadlineStatus.OVERDUE);
    }

    @Test
    void eventsCannotGoBackInTime() {
        WorkOrder o = received();
        assertThatThrownBy(() -> FLOW.apply(o, WorkOrderAction.verify(), DEPARTMENT, at("2024-09-30T09:59:59+08:00")))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("before the previous event");
    }

    @Test
    void onlyBadReviewsOpenAWorkOrderAndOnlyTheSystemOpensOne() {
        assertThatThrownBy(() -> FLOW.open("WO-1", "EV-1", "CASE-1", Grade.BASICALLY_SATISFIED, "D001", "120101", SYSTEM,
                at("2024-09-30T09:00:00+08:00")))
                .isInstanceOfSatisfying(WorkOrderException.class, e -> assertThat(e.article()).isEqualTo("Art. 18"))
                .hasMessageContaining("BASICALLY_SATISFIED");
        assertThatThrownBy(() -> FLOW.open("WO-1", "EV-1", "CASE-1", Grade.DISSATISFIED, "D001", "120101", DEPARTMENT,
                at("2024-09-30T09:00:00+08:00")))
                .isInstanceOf(WorkOrderException.class).hasMessageContaining("Art. 18");
        assertThatThrownBy(() -> FLOW.open("WO-1", "EV-1", " ", Grade.DISSATISFIED, "D001", "120101", SYSTEM,
                at("2024-09-30T09:00:00+08:00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("caseNo");
        assertThatThrownBy(() -> WorkOrderAction.classify(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Art. 20");
    }

    @Test
    void notesStayOutOfToString() {
        WorkOrder o = FLOW.apply(received(), WorkOrderAction.verify().withNote("张三 13800000000"), DEPARTMENT,
                at("2024-09-30T11:00:00+08:00"));
        assertThat(o.history().get(2).note()).isEqualTo("张三 13800000000");
        assertThat(o.toString()).doesNotContain("张三").doesNotContain("138");
        assertThat(o.history().get(2).toString()).doesNotContain("张三").doesNotContain("138");
        assertThat(WorkOrderAction.verify().withNote("张三").toString()).doesNotContain("张三");
    }

    private static WorkOrder everyKindOfEvent() {
        WorkOrder o = FLOW.apply(received(), WorkOrderAction.applyForReview(WorkOrderTransitionTableTest.EVIDENCE).withNote("录像显示已一次告知"), DEPARTMENT,
                at("2024-09-30T11:00:00+08:00"));
        o = FLOW.apply(o, WorkOrderAction.decideReview(ReviewVerdict.VALID), REVIEWER, at("2024-10-08T09:00:00+08:00"));
        o = FLOW.apply(o, WorkOrderAction.classify(Category.GENERAL), DEPARTMENT, at("2024-10-08T09:30:00+08:00"));
        o = FLOW.apply(o, WorkOrderAction.callBack(), DEPARTMENT, at("2024-10-08T10:00:00+08:00"));
        o = FLOW.apply(o, WorkOrderAction.startRectification(), DEPARTMENT, at("2024-10-08T10:30:00+08:00"));
        o = FLOW.apply(o, WorkOrderAction.completeRectification(), DEPARTMENT, at("2024-10-11T16:00:00+08:00"));
        return FLOW.apply(o, WorkOrderAction.followUp(FollowUpResult.DISSATISFIED), HOTLINE, at("2024-10-12T09:00:00+08:00"));
    }

    @Test
    void travelsAsJsonAndReadsBackEqual() throws Exception {
        WorkOrder o = everyKindOfEvent();
        String text = JSON.writeValueAsString(o);
        assertThat(text).startsWith("{\"orderNo\":\"WO-7\",\"evaluationId\":\"EV-7\",\"caseNo\":\"CASE-7\","
                + "\"grade\":\"VERY_DISSATISFIED\",\"deptCode\":\"D001\",\"areaCode\":\"120101\",\"state\":\"FOLLOWED_UP\"");
        assertThat(text).contains("{\"type\":\"DISPATCH\",\"from\":\"CREATED\",\"to\":\"DISPATCHED\","
                + "\"actor\":{\"role\":\"DISTRICT_GOVERNMENT\",\"id\":\"120101\"},\"at\":\"2024-09-30T10:00:00+08:00\","
                + "\"toDeptCode\":\"D001\",\"deadlines\":[{\"rule\":\"APPEAL\",\"startedAt\":\"2024-09-30T10:00:00+08:00\","
                + "\"dueAt\":\"2024-10-08T23:59:59+08:00\"}]}");
        assertThat(text).doesNotContain("\"from\":null").doesNotContain("\"deadlines\":[]");
        WorkOrder back = JSON.readValue(text, WorkOrder.class);
        assertThat(back).isEqualTo(o);
        assertThat(back.state()).isEqualTo(WorkOrderState.FOLLOWED_UP);
        assertThat(back.deadlines()).isEqualTo(o.deadlines());
        assertThat(JSON.writeValueAsString(back)).isEqualTo(text);
        // Other offsets are read and normalised to +08:00.
        String utc = text.replace("\"2024-10-12T09:00:00+08:00\"", "\"2024-10-12T01:00:00Z\"");
        assertThat(JSON.readValue(utc, WorkOrder.class)).isEqualTo(o);
    }

    @Test
    void aHistoryTheRulesWouldNotProduceCannotBeRead() throws Exception {
        String text = JSON.writeValueAsString(everyKindOfEvent());
        // A recorded state that is not where the history leads.
        assertReadFails(text.replace("\"state\":\"FOLLOWED_UP\"", "\"state\":\"RECTIFIED\""), "state says RECTIFIED");
        // An event whose recorded target differs from the rules'.
        assertReadFails(text.replace("\"to\":\"UNDER_REVIEW\"", "\"to\":\"INVALIDATED\""), "the rules lead");
        // A classification stripped of its deadlines.
        ObjectNode tree = (ObjectNode) JSON.readTree(text);
        ObjectNode classify = (ObjectNode) tree.get("history").get(4);
        assertThat(classify.get("type").asText()).isEqualTo("CLASSIFY");
        classify.remove("deadlines");
        assertReadFails(JSON.writeValueAsString(tree), "GENERAL_CALLBACK");
        // A follow-up by the department instead of 12345.
        tree = (ObjectNode) JSON.readTree(text);
        ArrayNode history = (ArrayNode) tree.get("history");
        ((ObjectNode) history.get(history.size() - 1).get("actor")).put("role", "HANDLING_DEPARTMENT");
        assertReadFails(JSON.writeValueAsString(tree), "HOTLINE_12345");
        // A history that does not start with OPEN.
        tree = (ObjectNode) JSON.readTree(text);
        ((ArrayNode) tree.get("history")).remove(0);
        assertReadFails(JSON.writeValueAsString(tree), "must start with OPEN");
        // A time without offset.
        assertReadFails(text.replace("\"2024-10-12T09:00:00+08:00\"", "\"2024-10-12T09:00:00\""), "offset");
    }

    private static void assertReadFails(String json, String expected) {
        assertThatThrownBy(() -> JSON.readValue(json, WorkOrder.class)).hasStackTraceContaining(expected);
    }

    @Test
    void theDeadlinesOfAHistoryAreAllListed() {
        WorkOrder o = everyKindOfEvent();
        List<DeadlineRule> rules = new ArrayList<>();
        for (Deadline d : o.deadlines()) {
            rules.add(d.rule());
        }
        assertThat(rules).containsExactly(DeadlineRule.APPEAL, DeadlineRule.GENERAL_CALLBACK, DeadlineRule.GENERAL_RESULT);
        // Art. 20, 21: classified after the valid review, counted from the verdict on Tue 10-08: 5 working days are
        // Oct 9, 10, 11, the make-up Saturday Oct 12 and Oct 14.
        assertThat(due(o, DeadlineRule.GENERAL_RESULT)).isEqualTo(at("2024-10-14T23:59:59+08:00"));
        assertThat(status(o, DeadlineRule.GENERAL_CALLBACK, "2024-10-30T00:00:00+08:00")).isEqualTo(DeadlineStatus.MET);
        assertThat(status(o, DeadlineRule.GENERAL_RESULT, "2024-10-30T00:00:00+08:00")).isEqualTo(DeadlineStatus.MET);
        assertThat(status(o, DeadlineRule.APPEAL, "2024-10-30T00:00:00+08:00")).isEqualTo(DeadlineStatus.MET);
    }
}
