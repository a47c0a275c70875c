package org.haochaping.scorecard;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.haochaping.badreview.FollowUpResult;
import org.haochaping.badreview.WorkOrder;
import org.haochaping.badreview.WorkOrderState;

/**
 * Where the work order of a bad evaluation stands at the end of the period, as the scorecard counts it:
 * dismissed or invalidated orders make their evaluation "未评" (Art. 19, 21); rectified orders count for the
 * rectification rate, their follow-ups for the satisfaction rate (Art. 23). Immutable.
 */
@JsonTypeName("workOrder")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"orderNo", "evaluationId", "state", "followUp"})
public final class WorkOrderRecord implements StatisticsRecord {

    private final String orderNo;
    private final String evaluationId;
    private final WorkOrderState state;
    private final FollowUpResult followUp;

    private WorkOrderRecord(String orderNo, String evaluationId, WorkOrderState state, FollowUpResult followUp) {
        this.orderNo = orderNo;
        this.evaluationId = evaluationId;
        this.state = state;
        this.followUp = followUp;
    }

    /**
     * @param followUp the 12345 follow-up answer: required when {@code state} is {@code FOLLOWED_UP}, absent otherwise (Art. 22)
     * @throws StatisticsRecordException naming a missing or inconsistent field
     */
    @JsonCreator
    public static WorkOrderRecord of(@JsonProperty("orderNo") String orderNo,
                                     @JsonProperty("evaluationId") String evaluationId,
                                     @JsonProperty("state") WorkOrderState state,
                                     @JsonProperty("followUp") FollowUpResult followUp) {
        String what = "work order record";
        Fields.required(orderNo, what, "orderNo");
        what += " " + orderNo;
        Fields.required(evaluationId, what, "evaluationId");
        Fields.required(state, what, "state", "a work order state, e.g. RECTIFIED");
        if ((state == WorkOrderState.FOLLOWED_UP) != (followUp != null)) {
            throw new StatisticsRecordException(what + ": followUp (SATISFIED or DISSATISFIED) is given exactly when "
                    + "the state is FOLLOWED_UP (Art. 22); state " + state + ", followUp " + followUp);
        }
        return new WorkOrderRecord(orderNo, evaluationId, state, followUp);
    }

    /** The record of a work order as it stands. */
    public static WorkOrderRecord from(WorkOrder order) {
        return of(order.orderNo(), order.evaluationId(), order.state(), order.followUp());
    }

    @JsonProperty("orderNo")
    public String orderNo() {
        return orderNo;
    }

    /** The {@link EvaluationRecord#evaluationId()} of the bad evaluation that opened the order. */
    @JsonProperty("evaluationId")
    public String evaluationId() {
        return evaluationId;
    }

    @JsonProperty("state")
    public WorkOrderState state() {
        return state;
    }

    /** {@code null} unless the state is {@code FOLLOWED_UP}. */
    @JsonProperty("followUp")
    public FollowUpResult followUp() {
        return followUp;
    }

    @Override
    public String toString() {
        return "WorkOrderRecord{" + orderNo + ", evaluation " + evaluationId + ", " + state
                + (followUp == null ? "" : ", " + followUp) + "}";
    }
}
