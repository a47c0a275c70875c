package org.haochaping.scorecard;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.OffsetDateTime;
import org.haochaping.calendar.ShanghaiTime;
import org.haochaping.model.Grade;

/**
 * An active evaluation (主动评价) of a case, as the scorecard counts it (Art. 23): its grade and score
 * (Art. 7–8) and whom it is attributed to. Immutable; build with {@link #builder()}.
 *
 * <p>{@code evaluationId} identifies the evaluation within the input, so that a {@link WorkOrderRecord} can
 * point at it. {@code hallCode} and {@code staffNo} are absent for online evaluations (Art. 6); such records
 * are left out of groupings by hall or staff.
 */
@JsonTypeName("evaluation")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"evaluationId", "caseNo", "deptCode", "areaCode", "hallCode", "staffNo", "grade", "evaluatedAt"})
public final class EvaluationRecord implements StatisticsRecord, Attributed {

    private static final String WHAT = "evaluation record";

    private final String evaluationId;
    private final String caseNo;
    private final String deptCode;
    private final String areaCode;
    private final String hallCode;
    private final String staffNo;
    private final Grade grade;
    private final OffsetDateTime evaluatedAt;

    private EvaluationRecord(Builder b) {
        this.evaluationId = Fields.required(b.evaluationId, WHAT, "evaluationId");
        String what = WHAT + " " + evaluationId;
        this.caseNo = Fields.required(b.caseNo, what, "caseNo");
        this.deptCode = Fields.required(b.deptCode, what, "deptCode");
        this.areaCode = Fields.required(b.areaCode, what, "areaCode");
        this.hallCode = Fields.optional(b.hallCode);
        this.staffNo = Fields.optional(b.staffNo);
        this.grade = Fields.required(b.grade, what, "grade", "one of the Art. 7 grades, e.g. VERY_SATISFIED");
        this.evaluatedAt = ShanghaiTime.normalize(Fields.required(b.evaluatedAt, what, "evaluatedAt", "a date-time with offset"));
    }

    public static Builder builder() {
        return new Builder();
    }

    @JsonCreator
    static EvaluationRecord fromJson(@JsonProperty("evaluationId") String evaluationId,
                                     @JsonProperty("caseNo") String caseNo,
                                     @JsonProperty("deptCode") String deptCode,
                                     @JsonProperty("areaCode") String areaCode,
                                     @JsonProperty("hallCode") String hallCode,
                                     @JsonProperty("staffNo") String staffNo,
                                     @JsonProperty("grade") Grade grade,
                                     @JsonProperty("evaluatedAt") String evaluatedAt) {
        OffsetDateTime at;
        try {
            at = evaluatedAt == null ? null : ShanghaiTime.parse(evaluatedAt, "evaluatedAt");
        } catch (IllegalArgumentException e) {
            throw new StatisticsRecordException(WHAT + " " + evaluationId + ": " + e.getMessage());
        }
        return builder().evaluationId(evaluationId).caseNo(caseNo).deptCode(deptCode).areaCode(areaCode)
                .hallCode(hallCode).staffNo(staffNo).grade(grade).evaluatedAt(at).build();
    }

    @JsonProperty("evaluationId")
    public String evaluationId() {
        return evaluationId;
    }

    @JsonProperty("caseNo")
    public String caseNo() {
        return caseNo;
    }

    @JsonProperty("deptCode")
    @Override
    public String deptCode() {
        return deptCode;
    }

    @JsonProperty("areaCode")
    @Override
    public String areaCode() {
        return areaCode;
    }

    /** The hall (政务服务大厅) code; {@code null} for online evaluations. */
    @JsonProperty("hallCode")
    @Override
    public String hallCode() {
        return hallCode;
    }

    /** The window staff's number; {@code null} when no staff is concerned. */
    @JsonProperty("staffNo")
    @Override
    public String staffNo() {
        return staffNo;
    }

    @JsonProperty("grade")
    public Grade grade() {
        return grade;
    }

    public OffsetDateTime evaluatedAt() {
        return evaluatedAt;
    }

    @JsonProperty("evaluatedAt")
    private String evaluatedAtText() {
        return ShanghaiTime.format(evaluatedAt);
    }

    @Override
    public String toString() {
        return "EvaluationRecord{" + evaluationId + ", case " + caseNo + ", dept " + deptCode + ", " + grade + "}";
    }

    /** Collects the fields; {@link #build()} checks them. */
    public static final class Builder {
        private String evaluationId;
        private String caseNo;
        private String deptCode;
        private String areaCode;
        private String hallCode;
        private String staffNo;
        private Grade grade;
        private OffsetDateTime evaluatedAt;

        private Builder() {
        }

        public Builder evaluationId(String evaluationId) {
            this.evaluationId = evaluationId;
            return this;
        }

        public Builder caseNo(String caseNo) {
            this.caseNo = caseNo;
            return this;
        }

        public Builder deptCode(String deptCode) {
            this.deptCode = deptCode;
            return this;
        }

        public Builder areaCode(String areaCode) {
            this.areaCode = areaCode;
            return this;
        }

        public Builder hallCode(String hallCode) {
            this.hallCode = hallCode;
            return this;
        }

        public Builder staffNo(String staffNo) {
            this.staffNo = staffNo;
            return this;
        }

        public Builder grade(Grade grade) {
            this.grade = grade;
            return this;
        }

        public Builder evaluatedAt(OffsetDateTime evaluatedAt) {
            this.evaluatedAt = evaluatedAt;
            return this;
        }

        /** @throws StatisticsRecordException naming a missing field */
        public EvaluationRecord build() {
            return new EvaluationRecord(this);
        }
    }
}
