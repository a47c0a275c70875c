package org.haochaping.conformance;

import org.haochaping.model.BusinessKind;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.CertificateType;
import org.haochaping.model.Channel;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationKind;
import org.haochaping.model.EvaluationScope;
import org.haochaping.model.EvaluationStage;
import org.haochaping.model.Evaluator;
import org.haochaping.model.EvaluatorKind;
import org.haochaping.model.Grade;
import org.haochaping.model.HandlingMode;
import org.haochaping.model.Target;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Realistic, rule-valid sample payloads: one evaluation for every channel of Art. 9-10, and one for each
 * evaluation rule of chapter 4 (window visit and completion, batch, joint approval, theme, query, follow-up).
 * All identifiers are fictitious but pass their check digits. Used by {@code hcp demo} and the kit's tests.
 */
public final class SamplePayloads {

    /** A sample with the rule it illustrates. */
    public static final class Sample {
        private final String title;
        private final String rule;
        private final Evaluation evaluation;

        Sample(String title, String rule, Evaluation evaluation) {
            this.title = title;
            this.rule = rule;
            this.evaluation = evaluation;
        }

        public String title() {
            return title;
        }

        /** The article(s) the sample illustrates. */
        public String rule() {
            return rule;
        }

        public Evaluation evaluation() {
            return evaluation;
        }
    }

    static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    /** 天津市市场监督管理委员会 (fictitious code). */
    static final String MARKET_REGULATION = "111200000001234561";
    /** 天津市公安局 (fictitious code). */
    static final String PUBLIC_SECURITY = "111201010002345670";
    /** 天津市规划和自然资源局 (fictitious code). */
    static final String PLANNING = "11120000MB0123451N";

    private SamplePayloads() {
    }

    static OffsetDateTime at(String localDateTime) {
        return OffsetDateTime.of(java.time.LocalDateTime.parse(localDateTime), BEIJING);
    }

    static Evaluator person() {
        return Evaluator.builder().kind(EvaluatorKind.NATURAL_PERSON).name("张三")
                .certificate(CertificateType.RESIDENT_ID_CARD, "120101198506121236").mobile("13812345678").build();
    }

    static Evaluator company() {
        return Evaluator.builder().kind(EvaluatorKind.ENTERPRISE_LEGAL_PERSON).name("天津市滨海新区某某科技有限公司")
                .certificate(CertificateType.UNIFIED_SOCIAL_CREDIT_CODE, "91120116MA05ABCDEP").mobile("13987654321")
                .build();
    }

    /** A business-licence case handled at a window of the 天津市政务服务中心, completed on the spot. */
    static CaseRecord windowCase(String caseNo) {
        return CaseRecord.builder().caseNo(caseNo)
                .item("11120000000123456100012011700001", "企业设立登记").handleItem("有限责任公司设立登记")
                .department(MARKET_REGULATION, "天津市市场监督管理委员会").areaCode("120000")
                .hallAndWindow("TJZWFW-01", "A12").staff("S1024", "李四")
                .status(CaseStatus.COMPLETED).acceptedAt(at("2026-11-26T09:05:00"))
                .completedAt(at("2026-11-26T09:40:00")).promisedAt(at("2026-11-27T17:00:00"))
                .handlingMode(HandlingMode.WINDOW).businessKind(BusinessKind.APPLICATION).build();
    }

    /** A case handled wholly online through the 天津网上办事大厅. */
    static CaseRecord onlineCase(String caseNo) {
        return CaseRecord.builder().caseNo(caseNo)
                .item("11120101000234567200012011700002", "户籍证明开具")
                .department(PUBLIC_SECURITY, "天津市公安局").areaCode("120101")
                .status(CaseStatus.COMPLETED).acceptedAt(at("2026-11-25T20:11:00"))
                .completedAt(at("2026-11-26T10:02:00"))
                .handlingMode(HandlingMode.FULLY_ONLINE).build();
    }

    private static Evaluation.Builder itemEvaluation(CaseRecord c, Channel channel, Grade grade) {
        return Evaluation.builder().caseRecord(c).targets(Target.SERVICE_ITEM).channel(channel).grade(grade)
                .stage(EvaluationStage.AT_COMPLETION).evaluatedAt(c.completedAt().plusMinutes(20))
                .evaluator(person());
    }

    /** Every sample, in a stable order. */
    public static List<Sample> all() {
        List<Sample> out = new ArrayList<>();
        CaseRecord online = onlineCase("TJ2026112600001");
        out.add(new Sample("网上办事大厅: a 全程网办 case, item only, 一事一评", "Art. 6, 9(一), 11",
                itemEvaluation(online, Channel.ONLINE_HALL, Grade.VERY_SATISFIED)
                        .evaluationId("EV-0001").indicators("1504").build()));
        out.add(new Sample("专网业务系统: a department system's own site", "Art. 9(二)",
                itemEvaluation(onlineCase("TJ2026112600002"), Channel.DEPARTMENT_SYSTEM, Grade.SATISFIED)
                        .evaluationId("EV-0002").build()));
        out.add(new Sample("移动政务服务应用 (津心办): a bad review with indicators", "Art. 7, 9(三)",
                itemEvaluation(onlineCase("TJ2026112600003"), Channel.MOBILE_APP, Grade.DISSATISFIED)
                        .evaluationId("EV-0003").indicators("1205").freeText("页面显示可网办，提交时提示需到窗口").build()));
        out.add(new Sample("12345 热线: an evaluation by telephone", "Art. 9(四)",
                itemEvaluation(onlineCase("TJ2026112600004"), Channel.HOTLINE_12345, Grade.BASICALLY_SATISFIED)
                        .evaluationId("EV-0004").indicators("1303").build()));
        CaseRecord window = windowCase("TJ2026112600101");
        out.add(new Sample("窗口评价器: the staff on the visit", "Art. 6, 10(一), 11",
                Evaluation.builder().evaluationId("EV-0101").caseRecord(window).targets(Target.SERVICE_STAFF)
                        .channel(Channel.WINDOW_EVALUATOR).grade(Grade.VERY_SATISFIED).indicators("2501")
                        .stage(EvaluationStage.AT_COMPLETION).servedAt(at("2026-11-26T09:05:00"))
                        .evaluatedAt(at("2026-11-26T09:41:00")).staffNo("S1024").evaluator(person()).build()));
        out.add(new Sample("动态二维码: the item after completion, from the receipt", "Art. 10(二), 11",
                itemEvaluation(window, Channel.DYNAMIC_QR_CODE, Grade.SATISFIED).evaluationId("EV-0102")
                        .indicators("1406").build()));
        out.add(new Sample("静态二维码: a bad review of the staff with free text", "Art. 7, 10(二)",
                Evaluation.builder().evaluationId("EV-0103").caseRecord(windowCase("TJ2026112600102"))
                        .targets(Target.SERVICE_STAFF).channel(Channel.STATIC_QR_CODE).grade(Grade.VERY_DISSATISFIED)
                        .indicators("2104").freeText("窗口人员接电话离岗二十分钟").stage(EvaluationStage.AT_COMPLETION)
                        .evaluatedAt(at("2026-11-26T09:45:00")).staffNo("S1024").evaluator(person()).build()));
        CaseRecord selfService = windowCase("TJ2026112600201").toBuilder().item("11120000000123456100012011700009",
                "营业执照打印").hallAndWindow("TJZWFW-01", null).staff(null, null)
                .handlingMode(HandlingMode.SELF_SERVICE).build();
        out.add(new Sample("自助服务终端: the item, once, after completion", "Art. 10(三), 11",
                itemEvaluation(selfService, Channel.SELF_SERVICE_TERMINAL, Grade.SATISFIED).evaluationId("EV-0201")
                        .indicators("1407").build()));
        out.add(new Sample("意见箱/意见簿: a written note in the hall", "Art. 10(四)",
                Evaluation.builder().evaluationId("EV-0202").caseRecord(windowCase("TJ2026112600103"))
                        .targets(Target.SERVICE_ITEM, Target.SERVICE_STAFF).channel(Channel.SUGGESTION_BOX)
                        .grade(Grade.BASICALLY_SATISFIED).stage(EvaluationStage.AT_COMPLETION)
                        .evaluatedAt(at("2026-11-26T11:00:00")).staffNo("S1024").evaluator(person()).build()));
        out.add(new Sample("短信: a reply to the reminder", "Art. 9, 16",
                itemEvaluation(onlineCase("TJ2026112600005"), Channel.SMS, Grade.SATISFIED)
                        .evaluatedAt(at("2026-11-27T10:30:00")).evaluationId("EV-0005").build()));
        CaseRecord batch = windowCase("TJ2026112600301").toBuilder().batchNo("PL-20261126-07").build();
        out.add(new Sample("批量业务: one evaluation for a batch, both targets named in the bad review", "Art. 12",
                Evaluation.builder().evaluationId("EV-0301").caseRecord(batch).scope(EvaluationScope.BATCH)
                        .targets(Target.SERVICE_ITEM, Target.SERVICE_STAFF).channel(Channel.WINDOW_EVALUATOR)
                        .grade(Grade.DISSATISFIED).indicators("1203", "2202").stage(EvaluationStage.AT_COMPLETION)
                        .evaluatedAt(at("2026-11-26T09:50:00")).staffNo("S1024").evaluator(company()).build()));
        CaseRecord joint = CaseRecord.builder().caseNo("TJ2026112600401")
                .item("11120000MB0123451N00012011700003", "建设工程规划许可证核发")
                .department(PLANNING, "天津市规划和自然资源局").areaCode("120000")
                .hallAndWindow("TJZWFW-01", "C03").staff("S2048", "王五")
                .status(CaseStatus.ACCEPTED).acceptedAt(at("2026-11-26T10:00:00"))
                .promisedAt(at("2026-12-10T17:00:00")).handlingMode(HandlingMode.WINDOW)
                .jointDeptCodes(Arrays.asList(MARKET_REGULATION, PUBLIC_SECURITY)).build();
        out.add(new Sample("联合审批: the window staff at receipt", "Art. 13",
                Evaluation.builder().evaluationId("EV-0401").caseRecord(joint).targets(Target.SERVICE_STAFF)
                        .channel(Channel.WINDOW_EVALUATOR).grade(Grade.SATISFIED).indicators("2401")
                        .stage(EvaluationStage.AT_RECEIPT).evaluatedAt(at("2026-11-26T10:20:00")).staffNo("S2048")
                        .evaluator(company()).build()));
        CaseRecord theme = windowCase("TJ2026112600501").toBuilder()
                .item("11120000000123456100012011700021", "我要开餐馆")
                .theme("ZT-KCG", Arrays.asList("11120000000123456100012011700001", "11120000000123456100012011700022",
                        "11120000000123456100012011700023")).build();
        out.add(new Sample("主题业务: an overall evaluation for all related items", "Art. 14",
                Evaluation.builder().evaluationId("EV-0501").caseRecord(theme).scope(EvaluationScope.THEME)
                        .targets(Target.SERVICE_ITEM).channel(Channel.MOBILE_APP).grade(Grade.VERY_SATISFIED)
                        .indicators("1501").stage(EvaluationStage.AT_COMPLETION)
                        .evaluatedAt(at("2026-11-26T12:00:00")).evaluator(company()).build()));
        CaseRecord query = windowCase("TJ2026112600601").toBuilder().businessKind(BusinessKind.QUERY_CONSULTATION)
                .build();
        out.add(new Sample("查询咨询 in a hall: the window staff only", "Art. 15",
                Evaluation.builder().evaluationId("EV-0601").caseRecord(query).targets(Target.SERVICE_STAFF)
                        .channel(Channel.WINDOW_EVALUATOR).grade(Grade.SATISFIED).stage(EvaluationStage.AT_COMPLETION)
                        .evaluatedAt(at("2026-11-26T09:45:00")).staffNo("S1024").evaluator(person()).build()));
        out.add(new Sample("追加评价: adds an indicator and text to EV-0001, same grade, within 5 working days",
                "Art. 9(四), 11, 16",
                itemEvaluation(online, Channel.ONLINE_HALL, Grade.VERY_SATISFIED).evaluationId("EV-0006")
                        .kind(EvaluationKind.APPENDED).appendsTo("EV-0001").indicators("1504", "1505")
                        .freeText("补充：证明当天即可下载").evaluatedAt(at("2026-11-27T09:00:00")).build()));
        return Collections.unmodifiableList(out);
    }
}
