package org.haochaping.badreview;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.haochaping.deadline.Deadline;
import org.haochaping.deadline.DeadlineRule;
import org.haochaping.model.Grade;

/**
 * The wire form of a {@link WorkOrder} (Art. 18–22 records, spec 5.5): {@code {"orderNo":..., "evaluationId":...,
 * "caseNo":..., "grade":"DISSATISFIED", "deptCode":..., "areaCode":..., "state":"RECTIFYING", "history":[events]}}.
 * Jackson binds this form ({@link WorkOrder} delegates to it both ways); reading it back replays the history through
 * {@link WorkOrderTransitions} with the deadlines it carries, so an order that the rules would not have produced
 * cannot be read.
 */
@JsonPropertyOrder({"orderNo", "evaluationId", "caseNo", "grade", "deptCode", "areaCode", "state", "history"})
final class WorkOrderJson {

    @JsonProperty("orderNo")
    final String orderNo;
    @JsonProperty("evaluationId")
    final String evaluationId;
    @JsonProperty("caseNo")
    final String caseNo;
    @JsonProperty("grade")
    final Grade grade;
    @JsonProperty("deptCode")
    final String deptCode;
    @JsonProperty("areaCode")
    final String areaCode;
    @JsonProperty("state")
    final WorkOrderState state;
    @JsonProperty("history")
    final List<WorkOrderEvent> history;

    @JsonCreator
    WorkOrderJson(@JsonProperty("orderNo") String orderNo,
                  @JsonProperty("evaluationId") String evaluationId,
                  @JsonProperty("caseNo") String caseNo,
                  @JsonProperty("grade") Grade grade,
                  @JsonProperty("deptCode") String deptCode,
                  @JsonProperty("areaCode") String areaCode,
                  @JsonProperty("state") WorkOrderState state,
                  @JsonProperty("history") List<WorkOrderEvent> history) {
        this.orderNo = orderNo;
        this.evaluationId = evaluationId;
        this.caseNo = caseNo;
        this.grade = grade;
        this.deptCode = deptCode;
        this.areaCode = areaCode;
        this.state = state;
        this.history = history;
    }

    static WorkOrderJson of(WorkOrder order) {
        return new WorkOrderJson(order.orderNo(), order.evaluationId(), order.caseNo(), order.grade(),
                order.deptCode(), order.areaCode(), order.state(), order.history());
    }

    /**
     * The order this form describes, its history replayed through the rules.
     *
     * @throws WorkOrderException naming the event and the article when the history is not one the rules produce
     */
    WorkOrder replay() {
        if (history == null || history.isEmpty() || history.get(0).type() != WorkOrderEventType.OPEN) {
            throw new WorkOrderException("Art. 18", "work order " + orderNo + ": its history must start with OPEN");
        }
        WorkOrderEvent first = history.get(0);
        WorkOrder order = WorkOrder.open(orderNo, evaluationId, caseNo, grade, deptCode, areaCode, first.actor(),
                first.at(), first.note());
        if (first.from() != null || first.to() != WorkOrderState.CREATED || !first.deadlines().isEmpty()) {
            throw new WorkOrderException("Art. 18", "work order " + orderNo + ": OPEN leads to CREATED and starts no deadline");
        }
        for (int i = 1; i < history.size(); i++) {
            final WorkOrderEvent stored = history.get(i);
            final String article = stored.type().article();
            final String ref = "work order " + orderNo + ", event " + (i + 1) + " (" + stored.type() + ")";
            final Map<DeadlineRule, Deadline> byRule = new EnumMap<>(DeadlineRule.class);
            final OffsetDateTime receipt = order.receivedAt();
            for (Deadline d : stored.deadlines()) {
                if (byRule.put(d.rule(), d) != null) {
                    throw new WorkOrderException(article, ref + ": deadline " + d.rule() + " listed twice");
                }
            }
            order = WorkOrderTransitions.apply(order, stored.action(), stored.actor(), stored.at(), (rule, startedAt) -> {
                Deadline d = byRule.get(rule);
                // Histories recorded before appeals suspended the limits (Art. 21) counted them from receipt.
                boolean legacy = d != null && rule != DeadlineRule.APPEAL && receipt != null
                        && d.startedAt().isEqual(receipt);
                if (d == null || (!d.startedAt().isEqual(startedAt) && !legacy)) {
                    throw new WorkOrderException(article, ref + ": must carry the " + rule + " deadline ("
                            + rule.article() + ") started at " + startedAt);
                }
                return d;
            });
            WorkOrderEvent replayed = order.history().get(i);
            if (replayed.from() != stored.from() || replayed.to() != stored.to()) {
                throw new WorkOrderException(article, ref + ": recorded as " + stored.from() + "->" + stored.to()
                        + " but the rules lead " + replayed.from() + "->" + replayed.to());
            }
            if (replayed.deadlines().size() != stored.deadlines().size()) {
                throw new WorkOrderException(article, ref + ": carries deadlines " + byRule.keySet()
                        + " but starts only " + replayed.deadlines().size());
            }
        }
        if (state != null && state != order.state()) {
            throw new WorkOrderException(order.state().article(), "work order " + orderNo + ": state says " + state
                    + " but its history leads to " + order.state());
        }
        return order;
    }
}
