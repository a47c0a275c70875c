package org.haochaping.badreview;

import java.time.OffsetDateTime;
import org.haochaping.calendar.DateNotCoveredException;
import org.haochaping.deadline.DeadlineCalculator;
import org.haochaping.model.Grade;

/**
 * Opens bad-review work orders and moves them through Art. 18–22, attaching the deadlines each step starts:
 * receipt by the handling department ({@code DISPATCH}) starts the appeal period (Art. 21); classification
 * starts the Art. 20 limits of its category, counted from that same receipt.
 *
 * <p>Why it exists beside {@link WorkOrder}: the order is a value that knows no calendar, and the transition table
 * checks steps without computing a deadline; this is the one object that binds the two to a
 * {@link DeadlineCalculator} (the working-day calendar of Art. 20–21), so that every step a system takes starts its
 * deadlines on the same calendar. Build one per calendar and share it.
 *
 * <pre>{@code
 * BadReviewWorkflow flow = new BadReviewWorkflow(DeadlineCalculator.official());
 * WorkOrder o = flow.open("WO-1", "EV-9", "CASE-1", Grade.DISSATISFIED, "D001", "120101", system, t0);
 * o = flow.apply(o, WorkOrderAction.dispatch("D001"), district, t1);
 * o = flow.apply(o, WorkOrderAction.verify(), department, t2);
 * o = flow.apply(o, WorkOrderAction.classify(Category.GENERAL), department, t3);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class BadReviewWorkflow {

    private final DeadlineCalculator deadlines;

    public BadReviewWorkflow(DeadlineCalculator deadlines) {
        if (deadlines == null) {
            throw new IllegalArgumentException("deadline calculator is required");
        }
        this.deadlines = deadlines;
    }

    /**
     * Art. 18: the system opens a work order for a 不满意 or 非常不满意 evaluation.
     *
     * @param evaluationId the bad evaluation's identifier
     * @param deptCode the evaluated department's code
     * @param areaCode the area (行政区划) code of the evaluated service
     * @param by a {@link ActorRole#SYSTEM} actor
     * @throws WorkOrderException (Art. 18) for a good grade or an actor other than the system
     * @throws IllegalArgumentException naming a missing field
     */
    public WorkOrder open(String orderNo, String evaluationId, String caseNo, Grade grade, String deptCode,
                          String areaCode, Actor by, OffsetDateTime at) {
        return WorkOrder.open(orderNo, evaluationId, caseNo, grade, deptCode, areaCode, by, at, null);
    }

    /**
     * Applies an action: the order as it is after the event.
     *
     * @throws IllegalTransitionException naming the state and the article when the rules do not allow it
     * @throws DateNotCoveredException when a deadline it starts runs into a day the calendar has no data for
     */
    public WorkOrder apply(WorkOrder order, WorkOrderAction action, Actor by, OffsetDateTime at) {
        if (order == null) {
            throw new IllegalArgumentException("order is required");
        }
        return WorkOrderTransitions.apply(order, action, by, at, deadlines::calculate);
    }

    public DeadlineCalculator deadlineCalculator() {
        return deadlines;
    }
}
