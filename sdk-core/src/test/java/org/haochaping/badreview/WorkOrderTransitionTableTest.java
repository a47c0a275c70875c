package org.haochaping.badreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.haochaping.deadline.DeadlineCalculator;
import org.haochaping.model.Grade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every state × every event: the legal ones lead where the rules say, the others throw the typed error. */
class WorkOrderTransitionTableTest {

    static final Actor SYSTEM = Actor.of(ActorRole.SYSTEM, "hcp-platform");
    static final Actor DISTRICT = Actor.of(ActorRole.DISTRICT_GOVERNMENT, "120101");
    static final Actor DEPARTMENT = Actor.of(ActorRole.HANDLING_DEPARTMENT, "D001");
    static final Actor REVIEWER = Actor.of(ActorRole.REVIEWER, "ZWFWB");
    static final Actor HOTLINE = Actor.of(ActorRole.HOTLINE_12345, "12345-07");
    static final OffsetDateTime T0 = OffsetDateTime.parse("2024-09-30T09:00:00+08:00");
    static final Evidence EVIDENCE = Evidence.referenced("窗口录像 09:00-09:30", "VID-20240930-A12");

    static final BadReviewWorkflow FLOW = new BadReviewWorkflow(DeadlineCalculator.official());

    /** The table of Art. 18–22, written out by hand: state -> event -> next state. Missing = illegal. */
    static final Map<WorkOrderState, Map<WorkOrderEventType, WorkOrderState>> LEGAL = new EnumMap<>(WorkOrderState.class);

    static {
        for (WorkOrderState s : WorkOrderState.values()) {
            LEGAL.put(s, new EnumMap<>(WorkOrderEventType.class));
        }
        LEGAL.get(WorkOrderState.CREATED).put(WorkOrderEventType.DISPATCH, WorkOrderState.DISPATCHED);
        LEGAL.get(WorkOrderState.DISPATCHED).put(WorkOrderEventType.VERIFY, WorkOrderState.VERIFIED);
        LEGAL.get(WorkOrderState.DISPATCHED).put(WorkOrderEventType.APPLY_FOR_REVIEW, WorkOrderState.UNDER_REVIEW);
        LEGAL.get(WorkOrderState.VERIFIED).put(WorkOrderEventType.DISMISS, WorkOrderState.DISMISSED);
        LEGAL.get(WorkOrderState.VERIFIED).put(WorkOrderEventType.CLASSIFY, WorkOrderState.CLASSIFIED);
        LEGAL.get(WorkOrderState.VERIFIED).put(WorkOrderEventType.APPLY_FOR_REVIEW, WorkOrderState.UNDER_REVIEW);
        LEGAL.get(WorkOrderState.CLASSIFIED).put(WorkOrderEventType.CALL_BACK, WorkOrderState.CLASSIFIED);
        LEGAL.get(WorkOrderState.CLASSIFIED).put(WorkOrderEventType.APPLY_FOR_REVIEW, WorkOrderState.UNDER_REVIEW);
        LEGAL.get(WorkOrderState.RECTIFYING).put(WorkOrderEventType.APPLY_FOR_REVIEW, WorkOrderState.UNDER_REVIEW);
        LEGAL.get(WorkOrderState.CLASSIFIED).put(WorkOrderEventType.START_RECTIFICATION, WorkOrderState.RECTIFYING);
        LEGAL.get(WorkOrderState.RECTIFYING).put(WorkOrderEventType.CALL_BACK, WorkOrderState.RECTIFYING);
        LEGAL.get(WorkOrderState.RECTIFYING).put(WorkOrderEventType.COMPLETE_RECTIFICATION, WorkOrderState.RECTIFIED);
        LEGAL.get(WorkOrderState.RECTIFIED).put(WorkOrderEventType.FOLLOW_UP, WorkOrderState.FOLLOWED_UP);
        LEGAL.get(WorkOrderState.UNDER_REVIEW).put(WorkOrderEventType.DECIDE_REVIEW, WorkOrderState.VERIFIED);
    }

    /** An order in the given state, reached by the shortest path, one minute per step from T0. */
    static WorkOrder orderIn(WorkOrderState state) {
        List<Object[]> steps = new ArrayList<>();
        switch (state) {
            case FOLLOWED_UP:
                steps.add(0, new Object[] {WorkOrderAction.followUp(FollowUpResult.SATISFIED), HOTLINE});
                // fall through
            case RECTIFIED:
                steps.add(0, new Object[] {WorkOrderAction.completeRectification(), DEPARTMENT});
                // fall through
            case RECTIFYING:
                steps.add(0, new Object[] {WorkOrderAction.startRectification(), DEPARTMENT});
                // fall through
            case CLASSIFIED:
                steps.add(0, new Object[] {WorkOrderAction.classify(Category.GENERAL), DEPARTMENT});
                steps.add(0, new Object[] {WorkOrderAction.verify(), DEPARTMENT});
                break;
            case DISMISSED:
                steps.add(new Object[] {WorkOrderAction.verify(), DEPARTMENT});
                steps.add(new Object[] {WorkOrderAction.dismiss(Dismissal.UNTRUE), DEPARTMENT});
                break;
            case VERIFIED:
                steps.add(new Object[] {WorkOrderAction.verify(), DEPARTMENT});
                break;
            case UNDER_REVIEW:
                steps.add(new Object[] {WorkOrderAction.applyForReview(EVIDENCE), DEPARTMENT});
                break;
            case INVALIDATED:
                steps.add(new Object[] {WorkOrderAction.applyForReview(EVIDENCE), DEPARTMENT});
                steps.add(new Object[] {WorkOrderAction.decideReview(ReviewVerdict.INVALID), REVIEWER});
                break;
            default:
                break;
        }
        WorkOrder order = FLOW.open("WO-1", "EV-1", "CASE-1", Grade.DISSATISFIED, "D001", "120101", SYSTEM, T0);
        if (state == WorkOrderState.CREATED) {
            return order;
        }
        order = FLOW.apply(order, WorkOrderAction.dispatch("D001"), DISTRICT, T0.plusMinutes(1));
        for (int i = 0; i < steps.size(); i++) {
            order = FLOW.apply(order, (WorkOrderAction) steps.get(i)[0], (Actor) steps.get(i)[1], T0.plusMinutes(2 + i));
        }
        assertThat(order.state()).isEqualTo(state);
        return order;
    }

    /** A well-formed action of each type, with the role its article gives it to. */
    static Object[] sample(WorkOrderEventType type) {
        switch (type) {
            case DISPATCH: return new Object[] {WorkOrderAction.dispatch("D001"), DISTRICT};
            case VERIFY: return new Object[] {WorkOrderAction.verify(), DEPARTMENT};
            case DISMISS: return new Object[] {WorkOrderAction.dismiss(Dismissal.MISTAKEN), DEPARTMENT};
            case CLASSIFY: return new Object[] {WorkOrderAction.classify(Category.SIMPLE), DEPARTMENT};
            case CALL_BACK: return new Object[] {WorkOrderAction.callBack(), DEPARTMENT};
            case START_RECTIFICATION: return new Object[] {WorkOrderAction.startRectification(), DEPARTMENT};
            case COMPLETE_RECTIFICATION: return new Object[] {WorkOrderAction.completeRectification(), DEPARTMENT};
            case FOLLOW_UP: return new Object[] {WorkOrderAction.followUp(FollowUpResult.DISSATISFIED), HOTLINE};
            case APPLY_FOR_REVIEW: return new Object[] {WorkOrderAction.applyForReview(EVIDENCE), DEPARTMENT};
            case DECIDE_REVIEW: return new Object[] {WorkOrderAction.decideReview(ReviewVerdict.VALID), REVIEWER};
            default: throw new IllegalArgumentException(type + " is not an action");
        }
    }

    static Stream<Arguments> everyStateTimesEveryEvent() {
        List<Arguments> all = new ArrayList<>();
        for (WorkOrderState s : WorkOrderState.values()) {
            for (WorkOrderEventType t : WorkOrderEventType.values()) {
                if (t != WorkOrderEventType.OPEN) {
                    all.add(Arguments.of(s, t));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("everyStateTimesEveryEvent")
    void followsTheTable(WorkOrderState state, WorkOrderEventType type) {
        WorkOrder order = orderIn(state);
        Object[] sample = sample(type);
        WorkOrderAction action = (WorkOrderAction) sample[0];
        Actor actor = (Actor) sample[1];
        OffsetDateTime at = T0.plusHours(1);
        WorkOrderState expected = LEGAL.get(state).get(type);
        if (expected != null) {
            WorkOrder next = FLOW.apply(order, action, actor, at);
            assertThat(next.state()).isEqualTo(expected);
            WorkOrderEvent event = next.history().get(next.history().size() - 1);
            assertThat(event.type()).isEqualTo(type);
            assertThat(event.from()).isEqualTo(state);
            assertThat(event.to()).isEqualTo(expected);
            assertThat(event.actor()).isEqualTo(actor);
            assertThat(event.at()).isEqualTo(at);
            assertThat(next.history()).hasSize(order.history().size() + 1);
            assertThat(order.state()).as("the original order is unchanged").isEqualTo(state);
            assertThat(order.allowedEvents()).contains(type);
        } else {
            assertThatThrownBy(() -> FLOW.apply(order, action, actor, at))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.state()).isEqualTo(state);
                        assertThat(e.eventType()).isEqualTo(type);
                        assertThat(e.article()).isEqualTo(type.article());
                    })
                    .hasMessageContaining(state.name())
                    .hasMessageContaining(type.article());
            assertThat(order.allowedEvents()).doesNotContain(type);
        }
    }

    @ParameterizedTest(name = "{0} x {1} by the wrong role")
    @MethodSource("everyStateTimesEveryEvent")
    void legalEventsNeedTheRoleTheirArticleNames(WorkOrderState state, WorkOrderEventType type) {
        if (LEGAL.get(state).get(type) == null) {
            return;
        }
        WorkOrder order = orderIn(state);
        WorkOrderAction action = (WorkOrderAction) sample(type)[0];
        for (ActorRole role : ActorRole.values()) {
            if (type.roles().contains(role)) {
                continue;
            }
            Actor wrong = Actor.of(role, "X1");
            assertThatThrownBy(() -> FLOW.apply(order, action, wrong, T0.plusHours(1)))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.article()).isEqualTo(type.article()))
                    .hasMessageContaining(role.name());
        }
    }

    @Test
    void anInvalidVerdictEndsTheOrderAsUnevaluated() {
        WorkOrder invalid = FLOW.apply(orderIn(WorkOrderState.UNDER_REVIEW), WorkOrderAction.decideReview(ReviewVerdict.INVALID),
                REVIEWER, T0.plusHours(1));
        assertThat(invalid.state()).isEqualTo(WorkOrderState.INVALIDATED);
        assertThat(invalid.state().countsAsUnevaluated()).isTrue();
        assertThat(invalid.allowedEvents()).isEmpty();
        assertThat(orderIn(WorkOrderState.DISMISSED).state().countsAsUnevaluated()).isTrue();
        assertThat(orderIn(WorkOrderState.FOLLOWED_UP).state().countsAsUnevaluated()).isFalse();
    }

    @Test
    void theTableCoversEveryStateAndTheFinalStatesAcceptNothing() {
        for (WorkOrderState s : WorkOrderState.values()) {
            assertThat(LEGAL.get(s).isEmpty()).as(s.name()).isEqualTo(s.isFinal());
            assertThat(orderIn(s).allowedEvents()).isEqualTo(LEGAL.get(s).keySet());
        }
    }
}
