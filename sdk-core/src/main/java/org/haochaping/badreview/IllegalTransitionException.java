package org.haochaping.badreview;

/**
 * An event the work order cannot take in its state: not provided for in that state, by that role, at that
 * time (before the previous event, or an appeal after its deadline), or a second appeal.
 */
public final class IllegalTransitionException extends WorkOrderException {

    private final WorkOrderState state;
    private final WorkOrderEventType eventType;

    IllegalTransitionException(String orderNo, WorkOrderState state, WorkOrderEventType eventType, String article, String reason) {
        super(article, "work order " + orderNo + ": " + eventType + " refused in state " + state + " ("
                + state.chineseName() + "): " + reason);
        this.state = state;
        this.eventType = eventType;
    }

    /** The state the order was in. */
    public WorkOrderState state() {
        return state;
    }

    /** The event refused. */
    public WorkOrderEventType eventType() {
        return eventType;
    }
}
