package org.haochaping.scorecard;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One input line of the scorecard: an evaluation, a case marked "未评", or the state of a work order. On
 * the wire the {@code kind} field tells which: {@code evaluation}, {@code unevaluated}, {@code workOrder}
 * (see {@code docs/interface-spec.md}, "Statistics records").
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = EvaluationRecord.class, name = "evaluation"),
    @JsonSubTypes.Type(value = UnevaluatedRecord.class, name = "unevaluated"),
    @JsonSubTypes.Type(value = WorkOrderRecord.class, name = "workOrder")
})
public interface StatisticsRecord {
}
