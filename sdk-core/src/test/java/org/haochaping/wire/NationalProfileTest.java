package org.haochaping.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haochaping.Fixtures;
import org.haochaping.model.BusinessKind;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.CertificateType;
import org.haochaping.model.Channel;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationKind;
import org.haochaping.model.EvaluationScope;
import org.haochaping.model.EvaluationStage;
import org.haochaping.model.EvaluatorKind;
import org.haochaping.model.Grade;
import org.haochaping.model.HandlingMode;
import org.haochaping.model.Target;
import org.haochaping.rules.ValidationException;
import org.haochaping.rules.Violation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** The national report profile: field names, code tables, time format, and the defaults for foreign records. */
class NationalProfileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PayloadCodec CODEC = PayloadCodec.of(WireProfile.national());

    private static JsonNode written(PayloadCodec codec, Evaluation e) throws Exception {
        return JSON.readTree(codec.write(e));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A national record as another province's system sends it: national fields only, codes as strings. */
    private static ObjectNode foreignHallRecord() {
        ObjectNode o = JSON.createObjectNode();
        o.put("projectNo", "120000-TJ20260302000001");
        o.put("taskCode", "11120000MB0123456612000101");
        o.put("taskName", "食品经营许可证核发");
        o.put("deptCode", Fixtures.DEPT_CODE);
        o.put("proDepart", "天津市和平区市场监督管理局");
        o.put("areaCode", "120101000000");
        o.put("proStatus", "3");
        o.put("acceptDate", "2026-03-02 09:00:00");
        o.put("resultDate", "2026-03-05 15:30:00");
        o.put("proManager", Fixtures.STAFF_NAME);
        o.put("windowNo", "A12");
        o.put("hallCode", "TJHP-ZWFW-01");
        o.put("satisfaction", "5");
        o.put("pf", "4");
        o.put("assessTime", "2026-03-05 16:00:00");
        o.put("userProp", "1");
        o.put("userName", Fixtures.NAME);
        o.put("userPageType", "111");
        o.put("userCert", Fixtures.ID_NUMBER);
        o.put("certKey", "3b2f6c1e9a");
        o.put("mobile", Fixtures.MOBILE);
        o.put("dataSource", "12");
        return o;
    }

    private static Decoded<Evaluation> decode(PayloadCodec codec, JsonNode record) {
        List<Decoded<Evaluation>> all = codec.decodeEvaluations(record.toString());
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void aWrittenRecordFieldByField() throws Exception {
        Evaluation e = Fixtures.bothEvaluation(Fixtures.windowCase()).grade(Grade.DISSATISFIED)
                .indicators("1201", "2202").freeText(Fixtures.FREE_TEXT).build();
        JsonNode o = written(CODEC, e);
        // the case
        assertThat(o.path("projectNo").textValue()).isEqualTo("TJ20260302000001");
        assertThat(o.path("taskCode").textValue()).isEqualTo("11120000MB0123456612000101");
        assertThat(o.path("taskName").textValue()).isEqualTo("食品经营许可证核发");
        assertThat(o.path("taskHandleItem").textValue()).isEqualTo("食品经营许可证核发（新办）");
        assertThat(o.path("subMatter").textValue()).isEqualTo("食品销售经营者");
        assertThat(o.path("deptCode").textValue()).isEqualTo(Fixtures.DEPT_CODE);
        assertThat(o.path("proDepart").textValue()).isEqualTo("天津市和平区市场监督管理局");
        assertThat(o.path("areaCode").textValue()).isEqualTo("120101");
        assertThat(o.path("proStatus").textValue()).isEqualTo("3");
        assertThat(o.path("proManager").textValue()).isEqualTo(Fixtures.STAFF_NAME);
        assertThat(o.path("proManagerNo").textValue()).isEqualTo(Fixtures.STAFF_NO);
        assertThat(o.path("windowNo").textValue()).isEqualTo("A12");
        assertThat(o.path("hallCode").textValue()).isEqualTo("TJHP-ZWFW-01");
        assertThat(o.path("acceptDate").textValue()).isEqualTo("2026-03-02 09:00:00");
        assertThat(o.path("resultDate").textValue()).isEqualTo("2026-03-05 15:30:00");
        assertThat(o.path("promiseTime").textValue()).isEqualTo("2026-03-12 17:00:00");
        assertThat(o.path("serviceName").textValue()).isEqualTo("申报");
        // the evaluation
        assertThat(o.path("satisfaction").textValue()).isEqualTo("2");
        assertThat(o.path("pf").textValue()).isEqualTo("4");
        assertThat(o.path("evalDetail").textValue()).isEqualTo("1201,2202");
        assertThat(o.path("writingEvaluation").textValue()).isEqualTo(Fixtures.FREE_TEXT);
        assertThat(o.path("assessTime").textValue()).isEqualTo("2026-03-05 16:00:00");
        assertThat(o.path("assessNumber").textValue()).isEqualTo("1");
        assertThat(o.path("evaluateType").textValue()).isEqualTo("1");
        assertThat(o.path("serviceNumber").textValue()).isEqualTo("2");
        assertThat(o.path("serviceTime").textValue()).isEqualTo("2026-03-05 15:30:00");
        // the evaluator
        assertThat(o.path("userProp").textValue()).isEqualTo("1");
        assertThat(o.path("userName").textValue()).isEqualTo(Fixtures.NAME);
        assertThat(o.path("userPageType").textValue()).isEqualTo("111");
        assertThat(o.path("userCert").textValue()).isEqualTo(Fixtures.ID_NUMBER);
        assertThat(o.path("mobile").textValue()).isEqualTo(Fixtures.MOBILE);
        // the SDK's documented extensions, for a lossless round trip
        assertThat(o.path("handleMode").textValue()).isEqualTo("WINDOW");
        assertThat(o.path("channel").textValue()).isEqualTo("WINDOW_EVALUATOR");
        assertThat(o.path("evaluationId").textValue()).isEqualTo("EV-0001");
        assertThat(o.path("evalTargets").textValue()).isEqualTo("SERVICE_ITEM,SERVICE_STAFF");
        assertThat(o.path("evalScope").textValue()).isEqualTo("CASE");
        assertThat(o.path("evalStage").textValue()).isEqualTo("AT_COMPLETION");
        assertThat(o.path("evaluatedStaffNo").textValue()).isEqualTo(Fixtures.STAFF_NO);
        // and nothing else
        assertThat(fieldNames(o)).containsExactlyInAnyOrder("projectNo", "taskCode", "taskName", "taskHandleItem",
                "subMatter", "deptCode", "proDepart", "areaCode", "proStatus", "proManager", "proManagerNo", "windowNo",
                "hallCode", "acceptDate", "resultDate", "promiseTime", "serviceName", "handleMode", "satisfaction", "pf",
                "channel", "evalDetail", "writingEvaluation", "assessTime", "assessNumber", "evaluateType",
                "serviceNumber", "serviceTime", "userProp", "userName", "userPageType", "userCert", "mobile",
                "evaluationId", "evalTargets", "evalScope", "evalStage", "evaluatedStaffNo");
        assertThat(CODEC.readEvaluation(CODEC.write(e))).isEqualTo(e);
    }

    @Test
    void batchJointAndThemeTravelInExtensions() throws Exception {
        CaseRecord c = Fixtures.jointCase(CaseStatus.COMPLETED).toBuilder().batchNo("PL1")
                .theme("ZT-KBFD", List.of("ITEM-FOOD", "ITEM-FIRE")).build();
        JsonNode o = JSON.readTree(CODEC.writeCase(c));
        assertThat(o.path("batchNo").textValue()).isEqualTo("PL1");
        assertThat(o.path("jointDeptCodes").textValue()).isEqualTo(Fixtures.JOINT_DEPT_A + "," + Fixtures.JOINT_DEPT_B);
        assertThat(o.path("themeCode").textValue()).isEqualTo("ZT-KBFD");
        assertThat(o.path("relatedTaskCodes").textValue()).isEqualTo("ITEM-FOOD,ITEM-FIRE");
        assertThat(CODEC.readCase(CODEC.writeCase(c))).isEqualTo(c);
    }

    @Nested
    class Times {

        @Test
        void writtenInAsiaShanghaiToTheSecond() throws Exception {
            Evaluation e = Fixtures.itemEvaluation(Fixtures.windowCase())
                    .evaluatedAt(OffsetDateTime.parse("2026-03-05T08:00:00.999999Z")).build();
            assertThat(written(CODEC, e).path("assessTime").textValue()).isEqualTo("2026-03-05 16:00:00");
            Evaluation back = CODEC.readEvaluation(CODEC.write(e));
            assertThat(back.evaluatedAt()).isEqualTo(OffsetDateTime.parse("2026-03-05T16:00:00+08:00"));
        }

        @Test
        void aDateAcrossMidnightInBeijing() throws Exception {
            Evaluation e = Fixtures.itemEvaluation(Fixtures.windowCase())
                    .evaluatedAt(OffsetDateTime.parse("2026-03-05T17:30:00Z")).build();
            assertThat(written(CODEC, e).path("assessTime").textValue()).isEqualTo("2026-03-06 01:30:00");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-02-30 16:00:00", "2026-03-05 24:00:00", "2026-03-05T16:00:00",
            "2026-03-05 16:00", "2026/03/05 16:00:00", "2026-3-5 16:00:00", "20260305T160000", "2026-03-05 16:00:60"})
        void anythingElseIsRefusedNeverCorrected(String assessTime) {
            ObjectNode record = foreignHallRecord();
            record.put("assessTime", assessTime);
            Decoded<Evaluation> d = decode(CODEC, record);
            assertThat(d.violations()).extracting(Violation::path, Violation::rule)
                    .contains(tuple("assessTime", "Art. 5"));
            assertThat(d.value().evaluatedAt()).isNull();
        }
    }

    @Nested
    class CodeTables {

        @ParameterizedTest
        @CsvSource({"PENDING, 1", "ACCEPTED, 2", "COMPLETED, 3"})
        void proStatus(CaseStatus status, String code) throws Exception {
            CaseRecord c = Fixtures.windowCaseBuilder().status(status).build();
            assertThat(JSON.readTree(CODEC.writeCase(c)).path("proStatus").textValue()).isEqualTo(code);
            assertThat(WireProfile.national().readCase(JSON.readTree("{\"proStatus\":\"" + code + "\"}"), "")
                    .value().status()).isEqualTo(status);
        }

        @ParameterizedTest
        @CsvSource({
            "VERY_DISSATISFIED,   1, 5",
            "DISSATISFIED,        2, 4",
            "BASICALLY_SATISFIED, 3, 3",
            "SATISFIED,           4, 2",
            "VERY_SATISFIED,      5, 1",
        })
        void satisfactionInBothTables(Grade grade, int nationalReport, int gbt39046) throws Exception {
            assertThat(SatisfactionCodes.NATIONAL_REPORT.code(grade)).isEqualTo(nationalReport);
            assertThat(SatisfactionCodes.NATIONAL_REPORT.grade(nationalReport)).isEqualTo(grade);
            assertThat(SatisfactionCodes.GB_T_39046.code(grade)).isEqualTo(gbt39046);
            assertThat(SatisfactionCodes.GB_T_39046.grade(gbt39046)).isEqualTo(grade);

            Evaluation e = Fixtures.itemEvaluation(Fixtures.windowCase()).grade(grade).freeText("理由").build();
            assertThat(written(CODEC, e).path("satisfaction").textValue()).isEqualTo(String.valueOf(nationalReport));
            PayloadCodec gb = PayloadCodec.of(WireProfile.national(SatisfactionCodes.GB_T_39046, ChannelCodes.VARIANT_A));
            assertThat(written(gb, e).path("satisfaction").textValue()).isEqualTo(String.valueOf(gbt39046));
            assertThat(gb.readEvaluation(gb.write(e)).grade()).isEqualTo(grade);
        }

        @Test
        void theSameCodeMeansOppositeGradesInTheTwoTables() {
            ObjectNode record = foreignHallRecord();
            record.put("satisfaction", "1");
            record.put("writingEvaluation", "态度不好");
            assertThat(decode(CODEC, record).value().grade()).isEqualTo(Grade.VERY_DISSATISFIED);
            PayloadCodec gb = PayloadCodec.of(WireProfile.national(SatisfactionCodes.GB_T_39046, ChannelCodes.VARIANT_A));
            assertThat(decode(gb, record).value().grade()).isEqualTo(Grade.VERY_SATISFIED);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 6, -1, 10})
        void noSatisfactionOutsideOneToFive(int code) {
            assertThat(SatisfactionCodes.NATIONAL_REPORT.grade(code)).isNull();
            assertThat(SatisfactionCodes.GB_T_39046.grade(code)).isNull();
            ObjectNode record = foreignHallRecord();
            record.put("satisfaction", String.valueOf(code));
            assertThat(decode(CODEC, record).violations()).extracting(Violation::path, Violation::rule,
                    Violation::message).contains(tuple("satisfaction", "Art. 5", "must be 1 to 5 (table NATIONAL_REPORT)"));
        }

        @ParameterizedTest
        @CsvSource({
            "ONLINE_HALL,           1, 1",
            "DEPARTMENT_SYSTEM,     1, 1",
            "MOBILE_APP,            2, 2",
            "STATIC_QR_CODE,        3, 3",
            "DYNAMIC_QR_CODE,       3, 3",
            "WINDOW_EVALUATOR,      4, 4",
            "SELF_SERVICE_TERMINAL, 5, 5",
            "HOTLINE_12345,         6, 0",
            "SMS,                   7, 6",
            "SUGGESTION_BOX,        0, 0",
        })
        void pfInVariantsAAndB(Channel channel, int a, int b) {
            assertThat(ChannelCodes.VARIANT_A.code(channel)).isEqualTo(a);
            assertThat(ChannelCodes.VARIANT_B.code(channel)).isEqualTo(b);
        }

        @Test
        void pfReadWithoutTheChannelExtension() {
            assertThat(List.of(1, 2, 3, 4, 5, 6, 7)).extracting(ChannelCodes.VARIANT_A::channel).containsExactly(
                    Channel.ONLINE_HALL, Channel.MOBILE_APP, Channel.STATIC_QR_CODE, Channel.WINDOW_EVALUATOR,
                    Channel.SELF_SERVICE_TERMINAL, Channel.HOTLINE_12345, Channel.SMS);
            assertThat(List.of(1, 2, 3, 4, 5, 6, 7)).extracting(ChannelCodes.VARIANT_B::channel).containsExactly(
                    Channel.ONLINE_HALL, Channel.MOBILE_APP, Channel.STATIC_QR_CODE, Channel.WINDOW_EVALUATOR,
                    Channel.SELF_SERVICE_TERMINAL, Channel.SMS, null);
            assertThat(ChannelCodes.VARIANT_A.channel(0)).isNull();
            assertThat(ChannelCodes.VARIANT_A.channel(8)).isNull();
        }

        @Test
        void variantBsSystemDefaultEvaluationIsNotAnEvaluatorsOwn() {
            ObjectNode record = foreignHallRecord();
            record.put("pf", "7");
            PayloadCodec b = PayloadCodec.of(WireProfile.national(SatisfactionCodes.NATIONAL_REPORT, ChannelCodes.VARIANT_B));
            assertThat(decode(b, record).violations()).extracting(Violation::path, Violation::message)
                    .contains(tuple("pf", "code 7 names no evaluator channel in table VARIANT_B"));
            assertThat(decode(CODEC, record).value().channel()).isEqualTo(Channel.SMS);
        }

        @Test
        void aChannelWithoutAPfCodeCannotBeWritten() {
            PayloadCodec b = PayloadCodec.of(WireProfile.national(SatisfactionCodes.NATIONAL_REPORT, ChannelCodes.VARIANT_B));
            Evaluation hotline = Fixtures.itemEvaluation(Fixtures.windowCase()).channel(Channel.HOTLINE_12345).build();
            ValidationException x = catchThrowableOfType(ValidationException.class, () -> b.write(hotline));
            assertThat(x.violations()).extracting(Violation::path, Violation::rule, Violation::message)
                    .containsExactly(tuple("channel", "Art. 9-10",
                            "12345政务服务便民热线 has no pf code in national table VARIANT_B"));
            assertThatThrownBy(() -> CODEC.write(hotline.toBuilder().channel(Channel.SUGGESTION_BOX).build()))
                    .isInstanceOf(ValidationException.class);
            assertThat(CODEC.write(hotline)).contains("\"pf\":\"6\"");
        }

        @Test
        void aFollowUpVisitIsNotANationalEvaluationRecord() {
            Evaluation followUp = Fixtures.itemEvaluation(Fixtures.windowCase()).kind(EvaluationKind.FOLLOW_UP)
                    .channel(Channel.HOTLINE_12345).grade(Grade.SATISFIED).build();
            ValidationException x = catchThrowableOfType(ValidationException.class, () -> CODEC.write(followUp));
            assertThat(x.violations()).extracting(Violation::path, Violation::rule).containsExactly(tuple("kind", "Art. 22"));
        }

        @ParameterizedTest
        @EnumSource(EvaluatorKind.class)
        void userProp(EvaluatorKind kind) throws Exception {
            // Art. 17: an organisation is identified by its 统一社会信用代码, a person by a personal certificate.
            Evaluation e = Fixtures.itemEvaluation(Fixtures.windowCase())
                    .evaluator((kind == EvaluatorKind.NATURAL_PERSON ? Fixtures.evaluator()
                            : Fixtures.enterpriseEvaluator()).toBuilder().kind(kind).build()).build();
            String code = written(CODEC, e).path("userProp").textValue();
            assertThat(code).isEqualTo(String.valueOf(kind.nationalCode())).isIn("1", "2", "3", "4", "5", "6", "9");
            assertThat(CODEC.readEvaluation(CODEC.write(e)).evaluator().kind()).isEqualTo(kind);
        }

        @Test
        void userPageType() throws Exception {
            assertThat(CertificateType.RESIDENT_ID_CARD.nationalCode()).isEqualTo("111");
            for (CertificateType t : CertificateType.values()) {
                assertThat(CertificateType.fromNationalCode(t.nationalCode())).isSameAs(t);
            }
            Evaluation enterprise = Fixtures.itemEvaluation(Fixtures.windowCase())
                    .evaluator(Fixtures.enterpriseEvaluator()).build();
            JsonNode o = written(CODEC, enterprise);
            assertThat(o.path("userPageType").textValue()).isEqualTo("001");
            assertThat(o.path("userProp").textValue()).isEqualTo("2");
            assertThat(o.has("mobile")).isFalse();
        }

        @Test
        void appendedEvaluations() throws Exception {
            Evaluation first = Fixtures.itemEvaluation(Fixtures.windowCase()).build();
            Evaluation appended = first.toBuilder().evaluationId("EV-0009").kind(EvaluationKind.APPENDED)
                    .appendsTo(first.evaluationId()).freeText("补充").build();
            JsonNode o = written(CODEC, appended);
            assertThat(o.path("assessNumber").textValue()).isEqualTo("2");
            assertThat(o.path("evaluateType").textValue()).isEqualTo("2");
            assertThat(CODEC.readEvaluation(CODEC.write(appended)).kind()).isEqualTo(EvaluationKind.APPENDED);
        }

        @Test
        void serviceNameOfAQuery() throws Exception {
            CaseRecord query = Fixtures.queryCase(HandlingMode.WINDOW);
            assertThat(JSON.readTree(CODEC.writeCase(query)).path("serviceName").textValue()).isEqualTo("咨询");
            ObjectNode record = foreignHallRecord();
            for (String name : List.of("咨询", "查询咨询")) {
                record.put("serviceName", name);
                assertThat(decode(CODEC, record).value().caseRecord().businessKind())
                        .isEqualTo(BusinessKind.QUERY_CONSULTATION);
            }
            record.put("serviceName", "办证");
            assertThat(decode(CODEC, record).violations()).extracting(Violation::path)
                    .contains("serviceName");
        }
    }

    @Nested
    class ForeignRecordsWithoutTheExtensions {

        @Test
        void aHallRecordAfterCompletion() {
            Decoded<Evaluation> d = decode(CODEC, foreignHallRecord());
            assertThat(d.violations()).isEmpty();
            Evaluation e = d.value();
            assertThat(e.caseRecord().caseNo()).isEqualTo("120000-TJ20260302000001");
            assertThat(e.caseRecord().handlingMode()).isEqualTo(HandlingMode.WINDOW);
            assertThat(e.caseRecord().businessKind()).isEqualTo(BusinessKind.APPLICATION);
            assertThat(e.caseRecord().status()).isEqualTo(CaseStatus.COMPLETED);
            assertThat(e.caseRecord().staffName()).isEqualTo(Fixtures.STAFF_NAME);
            assertThat(e.channel()).isEqualTo(Channel.WINDOW_EVALUATOR);
            assertThat(e.grade()).isEqualTo(Grade.VERY_SATISFIED);
            assertThat(e.targets()).containsExactly(Target.SERVICE_ITEM);
            assertThat(e.scope()).isEqualTo(EvaluationScope.CASE);
            assertThat(e.stage()).isEqualTo(EvaluationStage.AT_COMPLETION);
            assertThat(e.kind()).isEqualTo(EvaluationKind.ACTIVE);
            assertThat(e.visitNo()).isEqualTo(1);
            assertThat(e.evaluationId()).isNull();
            assertThat(e.staffNo()).isNull();
            assertThat(e.evaluator()).isEqualTo(Fixtures.evaluator());
        }

        @Test
        void aHallTabletRecordAtAVisitGradesTheStaff() {
            ObjectNode record = foreignHallRecord();
            record.put("proManagerNo", Fixtures.STAFF_NO); // Art. 10(一), 26: a staff evaluation names the staff member
            record.put("proStatus", "2");
            record.remove("resultDate");
            record.put("assessTime", "2026-03-02 09:20:00");
            Decoded<Evaluation> d = decode(CODEC, record);
            assertThat(d.violations()).isEmpty();
            assertThat(d.value().stage()).isEqualTo(EvaluationStage.AT_RECEIPT);
            assertThat(d.value().targets()).containsExactly(Target.SERVICE_STAFF);
        }

        @Test
        void theIndicatorsNameTheTargets() {
            ObjectNode record = foreignHallRecord();
            record.put("proManagerNo", Fixtures.STAFF_NO);
            record.put("satisfaction", "2");
            record.put("evalDetail", "2201");
            assertThat(decode(CODEC, record).value().targets()).containsExactly(Target.SERVICE_STAFF);
            record.put("evalDetail", "1201, 2201");
            Decoded<Evaluation> d = decode(CODEC, record);
            assertThat(d.value().targets()).containsExactlyInAnyOrder(Target.SERVICE_ITEM, Target.SERVICE_STAFF);
            assertThat(d.value().indicatorCodes()).containsExactly("1201", "2201");
            assertThat(d.violations()).isEmpty();
        }

        @Test
        void anOnlineRecordHasNoHall() {
            ObjectNode record = foreignHallRecord();
            record.remove(List.of("windowNo", "hallCode", "proManager"));
            record.put("pf", "2");
            Decoded<Evaluation> d = decode(CODEC, record);
            assertThat(d.violations()).isEmpty();
            assertThat(d.value().caseRecord().handlingMode()).isEqualTo(HandlingMode.FULLY_ONLINE);
            assertThat(d.value().channel()).isEqualTo(Channel.MOBILE_APP);
        }

        @ParameterizedTest(name = "pf {0} without hall or window: {1}, {2}")
        @CsvSource({
            "1, FULLY_ONLINE, ONLINE_HALL",
            "2, FULLY_ONLINE, MOBILE_APP",
            "3, WINDOW,       STATIC_QR_CODE",
            "4, WINDOW,       WINDOW_EVALUATOR",
            "5, SELF_SERVICE, SELF_SERVICE_TERMINAL",
        })
        void withoutHallOrWindowTheChannelTellsWhereTheCaseWasHandled(String pf, HandlingMode mode, Channel channel) {
            ObjectNode record = foreignHallRecord();
            record.remove(List.of("windowNo", "hallCode", "proManager"));
            record.put("pf", pf);
            Decoded<Evaluation> d = decode(CODEC, record);
            assertThat(d.violations()).isEmpty();
            assertThat(d.value().caseRecord().handlingMode()).isEqualTo(mode);
            assertThat(d.value().channel()).isEqualTo(channel);
            assertThat(WireProfile.national().readCase(record, "").value().handlingMode())
                    .isEqualTo(HandlingMode.FULLY_ONLINE);
        }

        @Test
        void codesMayBeNumbers() {
            ObjectNode record = foreignHallRecord();
            record.put("satisfaction", 5);
            record.put("pf", 4);
            record.put("proStatus", 3);
            record.put("userProp", 1);
            record.put("userPageType", 111);
            record.put("assessNumber", 1);
            assertThat(decode(CODEC, record).violations()).isEmpty();
        }

        @Test
        void provinceFieldsAreIgnored() {
            ObjectNode record = foreignHallRecord();
            record.put("source", "TJ-ZWFW");
            record.put("proManagerNo", Fixtures.STAFF_NO);
            assertThat(decode(CODEC, record).violations()).isEmpty();
        }

        @Test
        void fieldsThatDisagree() {
            ObjectNode record = foreignHallRecord();
            record.put("channel", "MOBILE_APP");
            record.put("evaluateType", "1");
            record.put("assessNumber", "2");
            assertThat(decode(CODEC, record).violations()).extracting(Violation::path, Violation::rule)
                    .contains(tuple("channel", "Art. 5"), tuple("assessNumber", "Art. 5"));
        }
    }

    @Test
    void profileNames() {
        assertThat(WireProfile.named("national").name()).isEqualTo("national");
        assertThat(WireProfile.national()).hasToString("national");
        assertThat(WireProfile.named("unified")).isSameAs(WireProfile.unified());
        assertThatThrownBy(() -> WireProfile.named("provincial")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown wire profile 'provincial': use unified or national");
    }
}
