package org.haochaping.badreview;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.haochaping.deadline.Deadline;
import org.haochaping.deadline.DeadlineRule;

/**
 * The transition table of a work order (Art. 18–22) and the rules each step must keep: which event leads where from
 * which state, who may act, in what order and within which period, and which deadlines each step starts. It acts on
 * {@link WorkOrder} values and knows no calendar: the deadlines come from a {@link DeadlineSource} (the calculator
 * when acting through {@link BadReviewWorkflow}, the stored history when {@link WorkOrderJson} replays one).
 * The kit's {@code WorkOrderStateTable} tabulates what this class allows for docs/interface-spec.md.
 *
 * <pre>
 * CREATED --DISPATCH--> DISPATCHED --VERIFY--> VERIFIED --CLASSIFY--> CLASSIFIED --START_RECTIFICATION--> RECTIFYING
 *                                                 \--DISMISS--> DISMISSED ("未评", Art. 19; not after a VALID verdict)
 * DISPATCHED, VERIFIED, CLASSIFIED, RECTIFYING --APPLY_FOR_REVIEW--> UNDER_REVIEW
 * UNDER_REVIEW --DECIDE_REVIEW(INVALID)--> INVALIDATED ("未评", Art. 21)
 * UNDER_REVIEW --DECIDE_REVIEW(VALID)--> the state appealed from (VERIFIED when appealed from DISPATCHED)
 * RECTIFYING --COMPLETE_RECTIFICATION--> RECTIFIED --FOLLOW_UP--> FOLLOWED_UP
 * CALL_BACK is recorded in CLASSIFIED and RECTIFYING without changing the state.
 * </pre>
 */
final class WorkOrderTransitions {

    /** Where an event's deadlines come from: the calculator when acting, the stored history when replaying. */
    interface DeadlineSource {
        Deadline deadline(DeadlineRule rule, OffsetDateTime startedAt);
    }

    private WorkOrderTransitions() {
    }

    /** The state an event leads to from {@code from}; {@code null} when the rules do not provide for it there. */
    static WorkOrderState target(WorkOrderState from, WorkOrderEventType type, ReviewVerdict verdict) {
        switch (type) {
            case DISPATCH:
                return from == WorkOrderState.CREATED ? WorkOrderState.DISPATCHED : null;
            case VERIFY:
                return from == WorkOrderState.DISPATCHED ? WorkOrderState.VERIFIED : null;
            case DISMISS:
                return from == WorkOrderState.VERIFIED ? WorkOrderState.DISMISSED : null;
            case CLASSIFY:
                return from == WorkOrderState.VERIFIED ? WorkOrderState.CLASSIFIED : null;
            case CALL_BACK:
                return from == WorkOrderState.CLASSIFIED || from == WorkOrderState.RECTIFYING ? from : null;
            case START_RECTIFICATION:
                return from == WorkOrderState.CLASSIFIED ? WorkOrderState.RECTIFYING : null;
            case COMPLETE_RECTIFICATION:
                return from == WorkOrderState.RECTIFYING ? WorkOrderState.RECTIFIED : null;
            case FOLLOW_UP:
                return from == WorkOrderState.RECTIFIED ? WorkOrderState.FOLLOWED_UP : null;
            case APPLY_FOR_REVIEW:
                return isAppealable(from) ? WorkOrderState.UNDER_REVIEW : null;
            case DECIDE_REVIEW:
                if (from != WorkOrderState.UNDER_REVIEW) {
                    return null;
                }
                return verdict == ReviewVerdict.INVALID ? WorkOrderState.INVALIDATED : WorkOrderState.VERIFIED;
            default:
                return null;
        }
    }

    /** Art. 21: an appeal may be made whatever the handling state, until rectification is complete. */
    static boolean isAppealable(WorkOrderState state) {
        return state == WorkOrderState.DISPATCHED || state == WorkOrderState.VERIFIED
                || state == WorkOrderState.CLASSIFIED || state == WorkOrderState.RECTIFYING;
    }

    /** The events the rules provide for in the order's state, whoever acts and whenever. */
    static Set<WorkOrderEventType> allowedEvents(WorkOrder order) {
        Set<WorkOrderEventType> allowed = EnumSet.noneOf(WorkOrderEventType.class);
        for (WorkOrderEventType t : WorkOrderEventType.values()) {
            if (t == WorkOrderEventType.APPLY_FOR_REVIEW && order.firstEvent(t) != null) {
                continue;
            }
            if (t == WorkOrderEventType.DISMISS && order.validVerdict() != null) {
                continue;
            }
            if (t != WorkOrderEventType.OPEN && target(order.state(), t, ReviewVerdict.VALID) != null) {
                allowed.add(t);
            }
        }
        return allowed;
    }

    /** The order after {@code action}, or the article it breaks. */
    static WorkOrder apply(WorkOrder order, WorkOrderAction action, Actor by, OffsetDateTime at,
                           DeadlineSource deadlines) {
        String orderNo = order.orderNo();
        WorkOrderState state = order.state();
        if (action == null || by == null || at == null) {
            throw new IllegalArgumentException("work order " + orderNo + ": action, who (actor) and when (at) are required");
        }
        WorkOrderEventType type = action.type();
        WorkOrderState to = target(state, type, action.verdict());
        if (to == null) {
            throw new IllegalTransitionException(orderNo, state, type, type.article(), "not provided for in this state ("
                    + state.article() + "); allowed here: " + (state.isFinal() ? "nothing, the order is closed"
                    : allowedEvents(order)));
        }
        if (!type.roles().contains(by.role())) {
            throw new IllegalTransitionException(orderNo, state, type, type.article(), "only " + type.roles()
                    + " may do this, not " + by.role());
        }
        checkActor(order, type, action, by);
        if (type == WorkOrderEventType.DISMISS && order.validVerdict() != null) {
            throw new IllegalTransitionException(orderNo, state, type, "Art. 21", "a review found the bad review valid "
                    + "(认定差评有效): the verdict is final and handling continues with rectification");
        }
        WorkOrderEvent last = order.lastEvent();
        if (at.isBefore(last.at())) {
            throw new IllegalTransitionException(orderNo, state, type, type.article(), "its time " + at
                    + " is before the previous event (" + last.type() + " at " + last.at() + ")");
        }
        if (type == WorkOrderEventType.APPLY_FOR_REVIEW) {
            if (order.firstEvent(WorkOrderEventType.APPLY_FOR_REVIEW) != null) {
                throw new IllegalTransitionException(orderNo, state, type, type.article(), "the bad review was already appealed once");
            }
            Deadline appeal = order.deadline(DeadlineRule.APPEAL);
            if (appeal != null && !appeal.isMetBy(at)) {
                throw new IllegalTransitionException(orderNo, state, type, type.article(), "the appeal period (1 working day "
                        + "after receipt) ended at " + appeal.dueAt());
            }
        }
        if (type == WorkOrderEventType.DECIDE_REVIEW && action.verdict() == ReviewVerdict.VALID) {
            // Handling continues where the appeal found it; an appeal before verification counts as verified,
            // since the review itself checked the bad review (Art. 21).
            WorkOrderState appealedFrom = last.from();
            to = appealedFrom == WorkOrderState.DISPATCHED ? WorkOrderState.VERIFIED : appealedFrom;
        }
        List<Deadline> started = new ArrayList<>();
        if (type == WorkOrderEventType.DISPATCH) {
            started.add(deadlines.deadline(DeadlineRule.APPEAL, at));
        } else if (type == WorkOrderEventType.CLASSIFY) {
            OffsetDateTime from = order.limitsStartAt();
            for (DeadlineRule rule : action.category().deadlineRules()) {
                started.add(deadlines.deadline(rule, from));
            }
        } else if (type == WorkOrderEventType.DECIDE_REVIEW && action.verdict() == ReviewVerdict.VALID
                && order.category() != null) {
            // Art. 20, 21: the appeal suspended the limits of the category; they run again from the verdict.
            for (DeadlineRule rule : order.category().deadlineRules()) {
                started.add(deadlines.deadline(rule, at));
            }
        }
        return order.with(new WorkOrderEvent(action, state, to, by, at, started), to);
    }

    /** Who is checked against the order (Art. 18–21): the dispatcher by level, the department by being the recipient. */
    private static void checkActor(WorkOrder order, WorkOrderEventType type, WorkOrderAction action, Actor by) {
        String orderNo = order.orderNo();
        WorkOrderState state = order.state();
        if (type == WorkOrderEventType.DISPATCH) {
            boolean city = order.isCityLevel();
            ActorRole expected = city ? ActorRole.SYSTEM : ActorRole.DISTRICT_GOVERNMENT;
            if (by.role() != expected) {
                throw new IllegalTransitionException(orderNo, state, type, "Art. 18", (city
                        ? "a city-level order (area " + order.areaCode() + ") goes from the system (好差评系统) straight to the department"
                        : "a district-level order (area " + order.areaCode() + ") is sent on by the district government (区人民政府)")
                        + ", not by " + by.role());
            }
            if (!order.deptCode().equals(action.toDeptCode())) {
                throw new IllegalTransitionException(orderNo, state, type, "Art. 18", "the order goes to the evaluated "
                        + "department " + order.deptCode() + ", not to " + action.toDeptCode());
            }
        } else if (by.role() == ActorRole.HANDLING_DEPARTMENT) {
            String recipient = order.handlingDeptCode();
            if (recipient != null && !recipient.equals(by.id())) {
                throw new IllegalTransitionException(orderNo, state, type, type.article(), "only the department that "
                        + "received the order (" + recipient + ") may act on it, not " + by.id());
            }
        }
    }
}
