package org.haochaping.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A case (办件): one handling of a government service item for an applicant, as department systems transmit it
 * to the 好差评 system "by one unified specification" (Art. 5). It carries what the evaluation rules need: how it
 * is handled (Art. 6, 11), its batch (Art. 12), the departments of a joint approval (Art. 13) and its theme
 * (Art. 14), and its business kind (Art. 15).
 *
 * <p>Immutable; build with {@link #builder()} and check with {@code org.haochaping.rules.EvaluationPolicy}.
 * Times carry their offset; the rules read them in Asia/Shanghai.
 */
public final class CaseRecord {

    private final String caseNo;
    private final String itemCode;
    private final String itemName;
    private final String handleItem;
    private final String subItem;
    private final String deptCode;
    private final String deptName;
    private final String areaCode;
    private final String hallCode;
    private final String windowNo;
    private final String staffNo;
    private final String staffName;
    private final CaseStatus status;
    private final OffsetDateTime acceptedAt;
    private final OffsetDateTime completedAt;
    private final OffsetDateTime promisedAt;
    private final HandlingMode handlingMode;
    private final BusinessKind businessKind;
    private final String batchNo;
    private final List<String> jointDeptCodes;
    private final String themeCode;
    private final List<String> relatedItemCodes;

    private CaseRecord(Builder b) {
        this.caseNo = b.caseNo;
        this.itemCode = b.itemCode;
        this.itemName = b.itemName;
        this.handleItem = b.handleItem;
        this.subItem = b.subItem;
        this.deptCode = b.deptCode;
        this.deptName = b.deptName;
        this.areaCode = b.areaCode;
        this.hallCode = b.hallCode;
        this.windowNo = b.windowNo;
        this.staffNo = b.staffNo;
        this.staffName = b.staffName;
        this.status = b.status;
        this.acceptedAt = b.acceptedAt;
        this.completedAt = b.completedAt;
        this.promisedAt = b.promisedAt;
        this.handlingMode = b.handlingMode;
        this.businessKind = b.businessKind;
        this.batchNo = b.batchNo;
        this.jointDeptCodes = Collections.unmodifiableList(new ArrayList<>(b.jointDeptCodes));
        this.themeCode = b.themeCode;
        this.relatedItemCodes = Collections.unmodifiableList(new ArrayList<>(b.relatedItemCodes));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.caseNo = caseNo;
        b.itemCode = itemCode;
        b.itemName = itemName;
        b.handleItem = handleItem;
        b.subItem = subItem;
        b.deptCode = deptCode;
        b.deptName = deptName;
        b.areaCode = areaCode;
        b.hallCode = hallCode;
        b.windowNo = windowNo;
        b.staffNo = staffNo;
        b.staffName = staffName;
        b.status = status;
        b.acceptedAt = acceptedAt;
        b.completedAt = completedAt;
        b.promisedAt = promisedAt;
        b.handlingMode = handlingMode;
        b.businessKind = businessKind;
        b.batchNo = batchNo;
        b.jointDeptCodes.addAll(jointDeptCodes);
        b.themeCode = themeCode;
        b.relatedItemCodes.addAll(relatedItemCodes);
        return b;
    }

    /** 办件编号: unique per case, at most 50 characters. */
    public String caseNo() {
        return caseNo;
    }

    /** 事项编码: the service item's (implementation) code. */
    public String itemCode() {
        return itemCode;
    }

    /** 事项名称, which must match the 好差评 item list one to one (Art. 5). */
    public String itemName() {
        return itemName;
    }

    /** 业务办理项, or {@code null}. */
    public String handleItem() {
        return handleItem;
    }

    /** 子事项, or {@code null}. */
    public String subItem() {
        return subItem;
    }

    /** The handling department's 统一社会信用代码 (GB 32100). */
    public String deptCode() {
        return deptCode;
    }

    /** The handling department's name, or {@code null}. */
    public String deptName() {
        return deptName;
    }

    /** 行政区划代码 of the handling area (GB/T 2260). */
    public String areaCode() {
        return areaCode;
    }

    /** The service hall's code, or {@code null}. */
    public String hallCode() {
        return hallCode;
    }

    /** The window number, or {@code null}. */
    public String windowNo() {
        return windowNo;
    }

    /** The handling staff member's number, or {@code null}. */
    public String staffNo() {
        return staffNo;
    }

    /** The handling staff member's name as shown on the window evaluator (Art. 10(一)), or {@code null}. */
    public String staffName() {
        return staffName;
    }

    public CaseStatus status() {
        return status;
    }

    public OffsetDateTime acceptedAt() {
        return acceptedAt;
    }

    public OffsetDateTime completedAt() {
        return completedAt;
    }

    /** The promised completion time (承诺办结时间), or {@code null}. */
    public OffsetDateTime promisedAt() {
        return promisedAt;
    }

    public HandlingMode handlingMode() {
        return handlingMode;
    }

    public BusinessKind businessKind() {
        return businessKind;
    }

    /** The batch this case belongs to (批量业务, Art. 12), or {@code null}. */
    public String batchNo() {
        return batchNo;
    }

    /** The other departments of a joint approval (多部门联合审批, Art. 13); empty when there are none. */
    public List<String> jointDeptCodes() {
        return jointDeptCodes;
    }

    /** Whether this case is a multi-department joint approval (Art. 13). */
    public boolean isJointApproval() {
        return !jointDeptCodes.isEmpty();
    }

    /** The theme (主题业务, Art. 14) this case belongs to, or {@code null}. */
    public String themeCode() {
        return themeCode;
    }

    /** The item codes related by the theme (Art. 14); empty when there is no theme. */
    public List<String> relatedItemCodes() {
        return relatedItemCodes;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CaseRecord)) {
            return false;
        }
        CaseRecord c = (CaseRecord) o;
        return Objects.equals(caseNo, c.caseNo) && Objects.equals(itemCode, c.itemCode)
                && Objects.equals(itemName, c.itemName) && Objects.equals(handleItem, c.handleItem)
                && Objects.equals(subItem, c.subItem) && Objects.equals(deptCode, c.deptCode)
                && Objects.equals(deptName, c.deptName) && Objects.equals(areaCode, c.areaCode)
                && Objects.equals(hallCode, c.hallCode) && Objects.equals(windowNo, c.windowNo)
                && Objects.equals(staffNo, c.staffNo) && Objects.equals(staffName, c.staffName)
                && status == c.status && sameInstant(acceptedAt, c.acceptedAt)
                && sameInstant(completedAt, c.completedAt) && sameInstant(promisedAt, c.promisedAt)
                && handlingMode == c.handlingMode && businessKind == c.businessKind
                && Objects.equals(batchNo, c.batchNo) && jointDeptCodes.equals(c.jointDeptCodes)
                && Objects.equals(themeCode, c.themeCode) && relatedItemCodes.equals(c.relatedItemCodes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caseNo, itemCode, deptCode, status);
    }

    @Override
    public String toString() {
        return "CaseRecord{" + caseNo + ", item " + itemCode + ", dept " + deptCode + ", area " + areaCode + ", "
                + status + ", " + handlingMode + ", " + businessKind
                + (batchNo == null ? "" : ", batch " + batchNo)
                + (jointDeptCodes.isEmpty() ? "" : ", joint " + jointDeptCodes)
                + (themeCode == null ? "" : ", theme " + themeCode) + "}";
    }

    static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.isEqual(b);
    }

    public static final class Builder {
        private String caseNo;
        private String itemCode;
        private String itemName;
        private String handleItem;
        private String subItem;
        private String deptCode;
        private String deptName;
        private String areaCode;
        private String hallCode;
        private String windowNo;
        private String staffNo;
        private String staffName;
        private CaseStatus status;
        private OffsetDateTime acceptedAt;
        private OffsetDateTime completedAt;
        private OffsetDateTime promisedAt;
        private HandlingMode handlingMode;
        private BusinessKind businessKind = BusinessKind.APPLICATION;
        private String batchNo;
        private final List<String> jointDeptCodes = new ArrayList<>();
        private String themeCode;
        private final List<String> relatedItemCodes = new ArrayList<>();

        private Builder() {
        }

        public Builder caseNo(String caseNo) {
            this.caseNo = caseNo;
            return this;
        }

        /** The service item: its code and its name. */
        public Builder item(String itemCode, String itemName) {
            this.itemCode = itemCode;
            this.itemName = itemName;
            return this;
        }

        public Builder handleItem(String handleItem) {
            this.handleItem = handleItem;
            return this;
        }

        public Builder subItem(String subItem) {
            this.subItem = subItem;
            return this;
        }

        /** The handling department: its 统一社会信用代码 and (optionally) its name. */
        public Builder department(String deptCode, String deptName) {
            this.deptCode = deptCode;
            this.deptName = deptName;
            return this;
        }

        public Builder areaCode(String areaCode) {
            this.areaCode = areaCode;
            return this;
        }

        /** Where the case was handled: the hall code and window number (either may be {@code null}). */
        public Builder hallAndWindow(String hallCode, String windowNo) {
            this.hallCode = hallCode;
            this.windowNo = windowNo;
            return this;
        }

        /** The handling staff member: number and name (either may be {@code null}). */
        public Builder staff(String staffNo, String staffName) {
            this.staffNo = staffNo;
            this.staffName = staffName;
            return this;
        }

        public Builder status(CaseStatus status) {
            this.status = status;
            return this;
        }

        public Builder acceptedAt(OffsetDateTime acceptedAt) {
            this.acceptedAt = acceptedAt;
            return this;
        }

        public Builder completedAt(OffsetDateTime completedAt) {
            this.completedAt = completedAt;
            return this;
        }

        public Builder promisedAt(OffsetDateTime promisedAt) {
            this.promisedAt = promisedAt;
            return this;
        }

        public Builder handlingMode(HandlingMode handlingMode) {
            this.handlingMode = handlingMode;
            return this;
        }

        /** Defaults to {@link BusinessKind#APPLICATION}. */
        public Builder businessKind(BusinessKind businessKind) {
            this.businessKind = businessKind;
            return this;
        }

        public Builder batchNo(String batchNo) {
            this.batchNo = batchNo;
            return this;
        }

        /** The other departments of a joint approval (Art. 13), by 统一社会信用代码. */
        public Builder jointDeptCodes(List<String> codes) {
            this.jointDeptCodes.clear();
            if (codes != null) {
                this.jointDeptCodes.addAll(codes);
            }
            return this;
        }

        /** The theme and the item codes it relates (Art. 14). */
        public Builder theme(String themeCode, List<String> relatedItemCodes) {
            this.themeCode = themeCode;
            this.relatedItemCodes.clear();
            if (relatedItemCodes != null) {
                this.relatedItemCodes.addAll(relatedItemCodes);
            }
            return this;
        }

        public CaseRecord build() {
            return new CaseRecord(this);
        }
    }
}
