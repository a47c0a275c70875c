package org.haochaping.tracking;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.haochaping.calendar.ShanghaiTime;
import org.haochaping.model.Target;

/**
 * A completed case (办结) as the tracker keeps it: what it needs to decide Art. 16 and to word a reminder, and
 * nothing personal (the evaluator's mobile stays with the application, Art. 17).
 *
 * <p>{@link #owed()} are the targets an evaluation after completion may still grade (Art. 6, 11, 13, 15);
 * {@link #decisive()} is the one whose evaluation keeps the case from "未评": the service item, or the staff for a
 * query completed in the hall (Art. 15). Immutable; {@link #builder()} for stores that read it back.
 */
public final class TrackedCase {

    private final long linkId;
    private final String caseNo;
    private final String deptCode;
    private final String deptName;
    private final String itemName;
    private final String areaCode;
    private final String hallCode;
    private final String staffNo;
    private final String batchNo;
    private final String themeCode;
    private final OffsetDateTime completedAt;
    private final Set<Target> owed;
    private final Target decisive;
    private final Set<Target> evaluated;
    private final OffsetDateTime remindedAt;
    private final OffsetDateTime unevaluatedAt;

    private TrackedCase(Builder b) {
        if (b.caseNo == null || b.caseNo.isEmpty()) {
            throw new IllegalArgumentException("caseNo is required");
        }
        if (b.completedAt == null) {
            throw new IllegalArgumentException("case " + b.caseNo + ": completedAt is required (Art. 16 runs from completion)");
        }
        if (b.decisive == null || !b.owed.contains(b.decisive)) {
            throw new IllegalArgumentException("case " + b.caseNo + ": the decisive target must be one of the owed targets");
        }
        this.linkId = b.linkId;
        this.caseNo = b.caseNo;
        this.deptCode = b.deptCode;
        this.deptName = b.deptName;
        this.itemName = b.itemName;
        this.areaCode = b.areaCode;
        this.hallCode = b.hallCode;
        this.staffNo = b.staffNo;
        this.batchNo = b.batchNo;
        this.themeCode = b.themeCode;
        this.completedAt = ShanghaiTime.normalize(b.completedAt);
        this.owed = Collections.unmodifiableSet(EnumSet.copyOf(b.owed));
        this.decisive = b.decisive;
        this.evaluated = Collections.unmodifiableSet(b.evaluated.isEmpty()
                ? EnumSet.noneOf(Target.class) : EnumSet.copyOf(b.evaluated));
        this.remindedAt = b.remindedAt == null ? null : ShanghaiTime.normalize(b.remindedAt);
        this.unevaluatedAt = b.unevaluatedAt == null ? null : ShanghaiTime.normalize(b.unevaluatedAt);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().linkId(linkId).caseNo(caseNo).department(deptCode, deptName).itemName(itemName)
                .areaCode(areaCode).hallCode(hallCode).staffNo(staffNo).batchNo(batchNo).themeCode(themeCode)
                .completedAt(completedAt).owed(owed, decisive).remindedAt(remindedAt).unevaluatedAt(unevaluatedAt);
        b.evaluated.addAll(evaluated);
        return b;
    }

    /** The store's number for the case, carried by its reminder link; 0 until the store assigned one. */
    public long linkId() {
        return linkId;
    }

    public String caseNo() {
        return caseNo;
    }

    public String deptCode() {
        return deptCode;
    }

    public String deptName() {
        return deptName;
    }

    public String itemName() {
        return itemName;
    }

    public String areaCode() {
        return areaCode;
    }

    public String hallCode() {
        return hallCode;
    }

    public String staffNo() {
        return staffNo;
    }

    /** The batch (批量业务, Art. 12) the case belongs to, or {@code null}. */
    public String batchNo() {
        return batchNo;
    }

    /** The theme (主题业务, Art. 14) the case belongs to, or {@code null}. */
    public String themeCode() {
        return themeCode;
    }

    public OffsetDateTime completedAt() {
        return completedAt;
    }

    /** The targets an evaluation after completion may grade. */
    public Set<Target> owed() {
        return owed;
    }

    /** The target whose evaluation keeps the case from "未评". */
    public Target decisive() {
        return decisive;
    }

    /** The owed targets already graded by an active evaluation made in time. */
    public Set<Target> evaluated() {
        return evaluated;
    }

    /** The owed targets still waiting for an evaluation. */
    public Set<Target> stillOwed() {
        EnumSet<Target> left = EnumSet.copyOf(owed);
        left.removeAll(evaluated);
        return left;
    }

    /** Whether the decisive target has been evaluated in time: nothing more is due. */
    public boolean isEvaluated() {
        return evaluated.contains(decisive);
    }

    /** When a reminder was sent (claimed), or {@code null}. */
    public OffsetDateTime remindedAt() {
        return remindedAt;
    }

    /** When the case was marked "未评" (claimed), or {@code null}. */
    public OffsetDateTime unevaluatedAt() {
        return unevaluatedAt;
    }

    /** Whether nothing can be due any more: evaluated, or already marked "未评". */
    public boolean isClosed() {
        return isEvaluated() || unevaluatedAt != null;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TrackedCase)) {
            return false;
        }
        TrackedCase t = (TrackedCase) o;
        return linkId == t.linkId && caseNo.equals(t.caseNo) && Objects.equals(deptCode, t.deptCode)
                && Objects.equals(deptName, t.deptName) && Objects.equals(itemName, t.itemName)
                && Objects.equals(areaCode, t.areaCode) && Objects.equals(hallCode, t.hallCode)
                && Objects.equals(staffNo, t.staffNo) && Objects.equals(batchNo, t.batchNo)
                && Objects.equals(themeCode, t.themeCode) && completedAt.isEqual(t.completedAt)
                && owed.equals(t.owed) && decisive == t.decisive && evaluated.equals(t.evaluated)
                && sameInstant(remindedAt, t.remindedAt) && sameInstant(unevaluatedAt, t.unevaluatedAt);
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.isEqual(b);
    }

    @Override
    public int hashCode() {
        return caseNo.hashCode() * 31 + completedAt.toInstant().hashCode();
    }

    @Override
    public String toString() {
        return "TrackedCase{" + caseNo + ", completed " + ShanghaiTime.format(completedAt) + ", owed " + stillOwed()
                + (remindedAt != null ? ", reminded" : "") + (unevaluatedAt != null ? ", 未评" : "") + "}";
    }

    public static final class Builder {
        private long linkId;
        private String caseNo;
        private String deptCode;
        private String deptName;
        private String itemName;
        private String areaCode;
        private String hallCode;
        private String staffNo;
        private String batchNo;
        private String themeCode;
        private OffsetDateTime completedAt;
        private final Set<Target> owed = EnumSet.noneOf(Target.class);
        private Target decisive;
        private final Set<Target> evaluated = EnumSet.noneOf(Target.class);
        private OffsetDateTime remindedAt;
        private OffsetDateTime unevaluatedAt;

        private Builder() {
        }

        public Builder linkId(long linkId) {
            this.linkId = linkId;
            return this;
        }

        public Builder caseNo(String caseNo) {
            this.caseNo = caseNo;
            return this;
        }

        public Builder department(String deptCode, String deptName) {
            this.deptCode = deptCode;
            this.deptName = deptName;
            return this;
        }

        public Builder itemName(String itemName) {
            this.itemName = itemName;
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

        public Builder batchNo(String batchNo) {
            this.batchNo = batchNo;
            return this;
        }

        public Builder themeCode(String themeCode) {
            this.themeCode = themeCode;
            return this;
        }

        public Builder completedAt(OffsetDateTime completedAt) {
            this.completedAt = completedAt;
            return this;
        }

        /** The targets owed after completion and the decisive one among them. */
        public Builder owed(Set<Target> owed, Target decisive) {
            this.owed.clear();
            this.owed.addAll(owed);
            this.decisive = decisive;
            return this;
        }

        public Builder evaluated(Set<Target> evaluated) {
            this.evaluated.clear();
            this.evaluated.addAll(evaluated);
            return this;
        }

        public Builder remindedAt(OffsetDateTime remindedAt) {
            this.remindedAt = remindedAt;
            return this;
        }

        public Builder unevaluatedAt(OffsetDateTime unevaluatedAt) {
            this.unevaluatedAt = unevaluatedAt;
            return this;
        }

        public TrackedCase build() {
            return new TrackedCase(this);
        }
    }
}
