package org.haochaping.scorecard;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.OffsetDateTime;
import org.haochaping.calendar.ShanghaiTime;

/**
 * A case marked "未评" because nobody evaluated it within 5 working days after completion (超时未评,
 * Art. 16; see {@code DeadlineRule.UNEVALUATED}). Immutable; build with {@link #builder()}.
 */
@JsonTypeName("unevaluated")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"caseNo", "deptCode", "areaCode", "hallCode", "staffNo", "completedAt"})
public final class UnevaluatedRecord implements StatisticsRecord, Attributed {

    private static final String WHAT = "unevaluated record";

    private final String caseNo;
    private final String deptCode;
    private final String areaCode;
    private final String hallCode;
    private final String staffNo;
    private final OffsetDateTime completedAt;

    private UnevaluatedRecord(Builder b) {
        this.caseNo = Fields.required(b.caseNo, WHAT, "caseNo");
        String what = WHAT + " " + caseNo;
        this.deptCode = Fields.required(b.deptCode, what, "deptCode");
        this.areaCode = Fields.required(b.areaCode, what, "areaCode");
        this.hallCode = Fields.optional(b.hallCode);
        this.staffNo = Fields.optional(b.staffNo);
        this.completedAt = ShanghaiTime.normalize(Fields.required(b.completedAt, what, "completedAt", "a date-time with offset"));
    }

    public static Builder builder() {
        return new Builder();
    }

    @JsonCreator
    static UnevaluatedRecord fromJson(@JsonProperty("caseNo") String caseNo,
                                      @JsonProperty("deptCode") String deptCode,
                                      @JsonProperty("areaCode") String areaCode,
                                      @JsonProperty("hallCode") String hallCode,
                                      @JsonProperty("staffNo") String staffNo,
                                      @JsonProperty("completedAt") String completedAt) {
        OffsetDateTime at;
        try {
            at = completedAt == null ? null : ShanghaiTime.parse(completedAt, "completedAt");
        } catch (IllegalArgumentException e) {
            throw new StatisticsRecordException(WHAT + " " + caseNo + ": " + e.getMessage());
        }
        return builder().caseNo(caseNo).deptCode(deptCode).areaCode(areaCode).hallCode(hallCode).staffNo(staffNo)
                .completedAt(at).build();
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

    @JsonProperty("hallCode")
    @Override
    public String hallCode() {
        return hallCode;
    }

    @JsonProperty("staffNo")
    @Override
    public String staffNo() {
        return staffNo;
    }

    /** When the case was completed (办结); the 5 working days ran from then. */
    public OffsetDateTime completedAt() {
        return completedAt;
    }

    @JsonProperty("completedAt")
    private String completedAtText() {
        return ShanghaiTime.format(completedAt);
    }

    @Override
    public String toString() {
        return "UnevaluatedRecord{case " + caseNo + ", dept " + deptCode + "}";
    }

    /** Collects the fields; {@link #build()} checks them. */
    public static final class Builder {
        private String caseNo;
        private String deptCode;
        private String areaCode;
        private String hallCode;
        private String staffNo;
        private OffsetDateTime completedAt;

        private Builder() {
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

        public Builder completedAt(OffsetDateTime completedAt) {
            this.completedAt = completedAt;
            return this;
        }

        /** @throws StatisticsRecordException naming a missing field */
        public UnevaluatedRecord build() {
            return new UnevaluatedRecord(this);
        }
    }
}
