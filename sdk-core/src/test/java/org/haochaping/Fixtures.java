package org.haochaping;

import org.haochaping.model.BusinessKind;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.CertificateType;
import org.haochaping.model.Channel;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationStage;
import org.haochaping.model.Evaluator;
import org.haochaping.model.EvaluatorKind;
import org.haochaping.model.Grade;
import org.haochaping.model.HandlingMode;
import org.haochaping.model.Target;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Shared test data: valid cases for each way of handling (window, online, self-service, batch, joint approval,
 * theme, query), a valid real-name evaluator and evaluations that the policy accepts as they are. Tests change one
 * thing with {@code toBuilder()} and assert what that change does.
 */
public final class Fixtures {

    public static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    /** GB 11643-1999's own example of a 公民身份号码 (check character X). */
    public static final String ID_NUMBER = "11010519491231002X";
    /** A Tianjin (120101) number, check digit computed independently of the SDK. */
    public static final String TIANJIN_ID_NUMBER = "120101199003071235";
    /** GB 32100-2015's published example of a 统一社会信用代码. */
    public static final String CREDIT_CODE_EXAMPLE = "91350100M000100Y43";
    /** A Tianjin government department (registration authority 1, kind 1); check character computed independently. */
    public static final String DEPT_CODE = "11120000MB01234566";
    /** Two more departments, for joint approvals (Art. 13). */
    public static final String JOINT_DEPT_A = "11120101MB1234567B";
    public static final String JOINT_DEPT_B = "12120000401234567W";
    public static final String AREA_CODE = "120101";

    public static final String NAME = "张三丰";
    public static final String MOBILE = "13812345678";
    public static final String FREE_TEXT = "材料清单与窗口要求不一致，来回跑了三趟";
    public static final String STAFF_NO = "S0012";
    public static final String STAFF_NAME = "李四";

    public static final OffsetDateTime ACCEPTED_AT = at("2026-03-02T09:00:00");
    public static final OffsetDateTime VISIT_EVALUATED_AT = at("2026-03-02T09:20:00");
    public static final OffsetDateTime COMPLETED_AT = at("2026-03-05T15:30:00");
    public static final OffsetDateTime EVALUATED_AT = at("2026-03-05T16:00:00");
    public static final OffsetDateTime PROMISED_AT = at("2026-03-12T17:00:00");

    private Fixtures() {
    }

    /** A local Beijing time, e.g. {@code at("2026-03-02T09:00:00")}. */
    public static OffsetDateTime at(String localBeijingTime) {
        return LocalDateTime.parse(localBeijingTime).atOffset(BEIJING);
    }

    // ---- evaluators (Art. 17) ----

    /** A natural person with a valid 居民身份证号码 and mobile. */
    public static Evaluator evaluator() {
        return Evaluator.builder()
                .kind(EvaluatorKind.NATURAL_PERSON)
                .name(NAME)
                .certificate(CertificateType.RESIDENT_ID_CARD, ID_NUMBER)
                .mobile(MOBILE)
                .build();
    }

    /** An enterprise identified by its 统一社会信用代码. */
    public static Evaluator enterpriseEvaluator() {
        return Evaluator.builder()
                .kind(EvaluatorKind.ENTERPRISE_LEGAL_PERSON)
                .name("福建某某科技有限公司")
                .certificate(CertificateType.UNIFIED_SOCIAL_CREDIT_CODE, CREDIT_CODE_EXAMPLE)
                .build();
    }

    // ---- cases ----

    /** A completed case handled at a hall window, with its staff. */
    public static CaseRecord windowCase() {
        return windowCaseBuilder().build();
    }

    public static CaseRecord.Builder windowCaseBuilder() {
        return CaseRecord.builder()
                .caseNo("TJ20260302000001")
                .item("11120000MB0123456612000101", "食品经营许可证核发")
                .handleItem("食品经营许可证核发（新办）")
                .subItem("食品销售经营者")
                .department(DEPT_CODE, "天津市和平区市场监督管理局")
                .areaCode(AREA_CODE)
                .hallAndWindow("TJHP-ZWFW-01", "A12")
                .staff(STAFF_NO, STAFF_NAME)
                .status(CaseStatus.COMPLETED)
                .acceptedAt(ACCEPTED_AT)
                .completedAt(COMPLETED_AT)
                .promisedAt(PROMISED_AT)
                .handlingMode(HandlingMode.WINDOW)
                .businessKind(BusinessKind.APPLICATION);
    }

    /** The same window case after the first visit, accepted and not completed. */
    public static CaseRecord windowCaseInProgress() {
        return windowCaseBuilder().status(CaseStatus.ACCEPTED).completedAt(null).build();
    }

    /** A completed 全程网办 case: no hall, window or staff. */
    public static CaseRecord onlineCase() {
        return onlineCaseBuilder().build();
    }

    public static CaseRecord.Builder onlineCaseBuilder() {
        return windowCaseBuilder()
                .caseNo("TJWB20260302000777")
                .hallAndWindow(null, null)
                .staff(null, null)
                .handlingMode(HandlingMode.FULLY_ONLINE);
    }

    /** A completed case handled at a self-service terminal. */
    public static CaseRecord selfServiceCase() {
        return onlineCaseBuilder().caseNo("TJZZ20260302000042").handlingMode(HandlingMode.SELF_SERVICE).build();
    }

    /** A completed window case of batch {@code PL20260302001} (Art. 12). */
    public static CaseRecord batchCase(String caseNo) {
        return windowCaseBuilder().caseNo(caseNo).batchNo("PL20260302001").build();
    }

    /** A joint approval (Art. 13) of the handling department with two others, in the given status. */
    public static CaseRecord jointCase(CaseStatus status) {
        CaseRecord.Builder b = windowCaseBuilder().caseNo("TJLH20260302000003")
                .jointDeptCodes(List.of(JOINT_DEPT_A, JOINT_DEPT_B)).status(status);
        return (status == CaseStatus.COMPLETED ? b : b.completedAt(null)).build();
    }

    /** A completed case of the theme {@code ZT-KBFD} (opening a restaurant) relating three items (Art. 14). */
    public static CaseRecord themeCase(String caseNo, String itemCode) {
        return windowCaseBuilder().caseNo(caseNo).item(itemCode, "我要开饭店")
                .theme("ZT-KBFD", List.of("ITEM-FOOD", "ITEM-FIRE", "ITEM-SIGN")).build();
    }

    /** A completed 查询咨询 (Art. 15), handled as given. */
    public static CaseRecord queryCase(HandlingMode mode) {
        CaseRecord.Builder b = windowCaseBuilder().caseNo("TJZX20260302000010")
                .businessKind(BusinessKind.QUERY_CONSULTATION).handlingMode(mode);
        return (mode == HandlingMode.WINDOW ? b : b.hallAndWindow(null, null).staff(null, null)).build();
    }

    // ---- evaluations that the policy accepts as they are ----

    /** A 非常满意 of the service item after completion, online for an online case, at the window otherwise. */
    public static Evaluation.Builder itemEvaluation(CaseRecord c) {
        boolean online = c.handlingMode() == HandlingMode.FULLY_ONLINE;
        return Evaluation.builder()
                .evaluationId("EV-0001")
                .caseRecord(c)
                .targets(Target.SERVICE_ITEM)
                .channel(online ? Channel.ONLINE_HALL
                        : c.handlingMode() == HandlingMode.SELF_SERVICE ? Channel.SELF_SERVICE_TERMINAL
                        : Channel.WINDOW_EVALUATOR)
                .grade(Grade.VERY_SATISFIED)
                .evaluatedAt(EVALUATED_AT)
                .stage(EvaluationStage.AT_COMPLETION)
                .evaluator(evaluator());
    }

    /** A 满意 of the window staff on the first visit, before completion, on the window evaluator. */
    public static Evaluation.Builder staffEvaluationAtVisit(CaseRecord c) {
        return Evaluation.builder()
                .evaluationId("EV-0002")
                .caseRecord(c)
                .targets(Target.SERVICE_STAFF)
                .channel(Channel.WINDOW_EVALUATOR)
                .grade(Grade.SATISFIED)
                .evaluatedAt(VISIT_EVALUATED_AT)
                .servedAt(ACCEPTED_AT)
                .visitNo(1)
                .stage(EvaluationStage.AT_RECEIPT)
                .staffNo(STAFF_NO)
                .evaluator(evaluator());
    }

    /** A 非常满意 of staff and item together after completion, on the window evaluator. */
    public static Evaluation.Builder bothEvaluation(CaseRecord c) {
        return itemEvaluation(c).targets(Target.SERVICE_ITEM, Target.SERVICE_STAFF)
                .channel(Channel.WINDOW_EVALUATOR).staffNo(STAFF_NO).servedAt(COMPLETED_AT).visitNo(2);
    }
}
