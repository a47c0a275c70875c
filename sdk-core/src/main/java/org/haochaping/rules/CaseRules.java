package org.haochaping.rules;

import org.haochaping.model.CaseRecord;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.id.AreaCode;
import org.haochaping.model.id.CreditCode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a case record (办件) against the unified specification (Art. 5) and the shape the evaluation rules need
 * of batches (Art. 12), joint approvals (Art. 13) and themes (Art. 14).
 */
public final class CaseRules {

    static final int MAX_CASE_NO = 50;
    static final int MAX_CODE = 64;
    static final int MAX_NAME = 200;

    private CaseRules() {
    }

    /** Every violation of the case, empty when it is valid. Paths are relative to the case object. */
    public static List<Violation> violations(CaseRecord c) {
        Checks k = new Checks();
        if (c == null) {
            k.add("case", Checks.SPEC, "is required: the case (办件) evaluated");
            return k.result();
        }
        if (k.required("caseNo", c.caseNo(), "办件编号")) {
            k.code("caseNo", c.caseNo(), MAX_CASE_NO);
        }
        if (k.required("itemCode", c.itemCode(), "事项编码")) {
            k.code("itemCode", c.itemCode(), MAX_CODE);
        }
        if (k.required("itemName", c.itemName(), "事项名称")) {
            k.text("itemName", c.itemName(), MAX_NAME);
        }
        k.text("handleItem", c.handleItem(), MAX_NAME);
        k.text("subItem", c.subItem(), MAX_NAME);
        if (k.required("deptCode", c.deptCode(), "the department's 统一社会信用代码")) {
            String p = CreditCode.problem(c.deptCode());
            if (p != null) {
                k.add("deptCode", "Art. 5; GB 32100", "is not a valid 统一社会信用代码: " + p);
            }
        }
        k.text("deptName", c.deptName(), 100);
        if (k.required("areaCode", c.areaCode(), "行政区划代码")) {
            String p = AreaCode.problem(c.areaCode());
            if (p != null) {
                k.add("areaCode", "Art. 5; GB/T 2260", "is not a 行政区划代码: " + p);
            }
        }
        k.code("hallCode", c.hallCode(), 50);
        k.code("windowNo", c.windowNo(), 20);
        k.code("staffNo", c.staffNo(), 32);
        k.text("staffName", c.staffName(), 50);
        k.required("handlingMode", c.handlingMode(), "办理方式");
        k.required("businessKind", c.businessKind(), "业务类型");
        times(c, k);
        k.code("batchNo", c.batchNo(), MAX_CASE_NO);
        jointApproval(c, k);
        theme(c, k);
        return k.result();
    }

    private static void times(CaseRecord c, Checks k) {
        if (!k.required("status", c.status(), "办件状态")) {
            return;
        }
        if (c.status() != CaseStatus.PENDING && c.acceptedAt() == null) {
            k.add("acceptedAt", Checks.SPEC, "is required once a case is " + c.status().chineseName());
        }
        if (c.status() == CaseStatus.COMPLETED && c.completedAt() == null) {
            k.add("completedAt", "Art. 16", "is required for a 已办结 case: the 5-working-day 未评 clock starts there");
        }
        if (c.status() != CaseStatus.COMPLETED && c.completedAt() != null) {
            k.add("completedAt", Checks.SPEC, "is set but the status is " + c.status().chineseName() + ", not 已办结");
        }
        if (c.acceptedAt() != null && c.completedAt() != null && c.completedAt().isBefore(c.acceptedAt())) {
            k.add("completedAt", Checks.SPEC, "is before acceptedAt");
        }
        if (c.acceptedAt() != null && c.promisedAt() != null && c.promisedAt().isBefore(c.acceptedAt())) {
            k.add("promisedAt", Checks.SPEC, "is before acceptedAt");
        }
    }

    private static void jointApproval(CaseRecord c, Checks k) {
        Set<String> seen = new HashSet<>();
        List<String> codes = c.jointDeptCodes();
        for (int i = 0; i < codes.size(); i++) {
            String path = "jointDeptCodes[" + i + "]";
            String p = CreditCode.problem(codes.get(i));
            if (p != null) {
                k.add(path, "Art. 13; GB 32100", "is not a valid 统一社会信用代码: " + p);
            } else if (codes.get(i).equals(c.deptCode())) {
                k.add(path, "Art. 13", "repeats the handling department; list only the other departments of the joint approval");
            } else if (!seen.add(codes.get(i))) {
                k.add(path, "Art. 13", "names the same department twice");
            }
        }
    }

    private static void theme(CaseRecord c, Checks k) {
        k.code("themeCode", c.themeCode(), MAX_CODE);
        if (c.themeCode() == null && !c.relatedItemCodes().isEmpty()) {
            k.add("relatedItemCodes", "Art. 14", "are given without a themeCode (主题业务)");
        }
        for (int i = 0; i < c.relatedItemCodes().size(); i++) {
            k.code("relatedItemCodes[" + i + "]", c.relatedItemCodes().get(i), MAX_CODE);
        }
    }
}
