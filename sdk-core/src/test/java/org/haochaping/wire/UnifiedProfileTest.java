package org.haochaping.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haochaping.Fixtures;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationKind;
import org.haochaping.model.EvaluationScope;
import org.haochaping.model.Grade;
import org.haochaping.rules.Violation;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The unified profile (this SDK's own interface): field names, nesting, time format and defaults. */
class UnifiedProfileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PayloadCodec CODEC = PayloadCodec.of(WireProfile.unified());

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aWrittenEvaluationFieldByField() throws Exception {
        Evaluation e = Fixtures.bothEvaluation(Fixtures.batchCase("TJ20260302000011").toBuilder()
                        .jointDeptCodes(List.of(Fixtures.JOINT_DEPT_A)).theme("ZT-KBFD", List.of("ITEM-FOOD")).build())
                .grade(Grade.DISSATISFIED).indicators("1201", "2202").freeText(Fixtures.FREE_TEXT).build();
        JsonNode o = JSON.readTree(CODEC.write(e));
        assertThat(fieldNames(o)).containsExactly("evaluationId", "scope", "targets", "channel", "grade", "indicators",
                "freeText", "evaluatedAt", "kind", "visitNo", "stage", "servedAt", "staffNo", "evaluator", "case");
        assertThat(o.path("scope").textValue()).isEqualTo("CASE");
        assertThat(o.path("targets").toString()).isEqualTo("[\"SERVICE_ITEM\",\"SERVICE_STAFF\"]");
        assertThat(o.path("channel").textValue()).isEqualTo("WINDOW_EVALUATOR");
        assertThat(o.path("grade").textValue()).isEqualTo("DISSATISFIED");
        assertThat(o.path("indicators").toString()).isEqualTo("[\"1201\",\"2202\"]");
        assertThat(o.path("freeText").textValue()).isEqualTo(Fixtures.FREE_TEXT);
        assertThat(o.path("evaluatedAt").textValue()).isEqualTo("2026-03-05T16:00:00+08:00");
        assertThat(o.path("kind").textValue()).isEqualTo("ACTIVE");
        assertThat(o.path("visitNo").isInt()).isTrue();
        assertThat(o.path("visitNo").intValue()).isEqualTo(2);
        assertThat(o.path("stage").textValue()).isEqualTo("AT_COMPLETION");
        assertThat(o.path("staffNo").textValue()).isEqualTo(Fixtures.STAFF_NO);

        JsonNode ev = o.path("evaluator");
        assertThat(fieldNames(ev)).containsExactly("kind", "name", "certificateType", "certificateNumber", "mobile");
        assertThat(ev.path("certificateType").textValue()).isEqualTo("RESIDENT_ID_CARD");
        assertThat(ev.path("certificateNumber").textValue()).isEqualTo(Fixtures.ID_NUMBER);

        JsonNode c = o.path("case");
        assertThat(fieldNames(c)).containsExactly("caseNo", "itemCode", "itemName", "handleItem", "subItem", "deptCode",
                "deptName", "areaCode", "hallCode", "windowNo", "staffNo", "staffName", "status", "acceptedAt",
                "completedAt", "promisedAt", "handlingMode", "businessKind", "batchNo", "jointDeptCodes", "themeCode",
                "relatedItemCodes");
        assertThat(c.path("status").textValue()).isEqualTo("COMPLETED");
        assertThat(c.path("handlingMode").textValue()).isEqualTo("WINDOW");
        assertThat(c.path("businessKind").textValue()).isEqualTo("APPLICATION");
        assertThat(c.path("jointDeptCodes").toString()).isEqualTo("[\"" + Fixtures.JOINT_DEPT_A + "\"]");

        assertThat(WireProfile.unified().readEvaluation(o, "").violations()).isEmpty();
        assertThat(WireProfile.unified().readEvaluation(o, "").value()).isEqualTo(e);
    }

    @Test
    void absentValuesAreLeftOut() throws Exception {
        Evaluation e = Fixtures.itemEvaluation(Fixtures.onlineCase()).evaluationId(null)
                .evaluator(Fixtures.evaluator().toBuilder().mobile(null).build()).build();
        JsonNode o = JSON.readTree(CODEC.write(e));
        assertThat(fieldNames(o)).containsExactly("scope", "targets", "channel", "grade", "evaluatedAt", "kind",
                "visitNo", "stage", "evaluator", "case");
        assertThat(fieldNames(o.path("evaluator"))).doesNotContain("mobile");
        assertThat(fieldNames(o.path("case"))).doesNotContain("hallCode", "windowNo", "staffNo", "staffName", "batchNo",
                "jointDeptCodes", "themeCode", "relatedItemCodes");
    }

    @Test
    void timesKeepTheirOffsetAndFraction() throws Exception {
        OffsetDateTime utc = OffsetDateTime.parse("2026-03-05T08:00:00.123Z");
        Evaluation e = Fixtures.itemEvaluation(Fixtures.windowCase()).evaluatedAt(utc).build();
        assertThat(JSON.readTree(CODEC.write(e)).path("evaluatedAt").textValue()).isEqualTo("2026-03-05T08:00:00.123Z");
        assertThat(CODEC.readEvaluation(CODEC.write(e)).evaluatedAt()).isEqualTo(utc);
    }

    @Test
    void defaultsForOmittedFields() throws Exception {
        ObjectNode o = (ObjectNode) JSON.readTree(CODEC.write(Fixtures.itemEvaluation(Fixtures.windowCase()).build()));
        o.remove(List.of("scope", "kind", "visitNo"));
        Evaluation e = CODEC.readEvaluation(o.toString());
        assertThat(e.scope()).isEqualTo(EvaluationScope.CASE);
        assertThat(e.kind()).isEqualTo(EvaluationKind.ACTIVE);
        assertThat(e.visitNo()).isEqualTo(1);
    }

    @Test
    void unknownFieldsAreRefusedAtEveryLevel() throws Exception {
        ObjectNode o = (ObjectNode) JSON.readTree(CODEC.write(Fixtures.itemEvaluation(Fixtures.windowCase()).build()));
        o.put("rating", 5);
        ((ObjectNode) o.path("evaluator")).put("idCard", "x");
        ((ObjectNode) o.path("case")).put("projectNo", "x");
        Decoded<Evaluation> d = CODEC.decodeEvaluations(o.toString()).get(0);
        assertThat(d.violations()).extracting(Violation::path, Violation::rule, Violation::message).containsExactly(
                tuple("evaluator.idCard", "Art. 5", "is not a field of this object"),
                tuple("case.projectNo", "Art. 5", "is not a field of this object"),
                tuple("rating", "Art. 5", "is not a field of this object"));
    }

    @Test
    void codesAreTheModelsNames() throws Exception {
        ObjectNode o = (ObjectNode) JSON.readTree(CODEC.write(Fixtures.itemEvaluation(Fixtures.windowCase()).build()));
        o.put("grade", "非常满意");
        Decoded<Evaluation> d = CODEC.decodeEvaluations(o.toString()).get(0);
        assertThat(d.violations()).extracting(Violation::path, Violation::rule, Violation::message).containsExactly(
                tuple("grade", "Art. 5", "is not one of VERY_SATISFIED, SATISFIED, BASICALLY_SATISFIED, DISSATISFIED, "
                        + "VERY_DISSATISFIED"));
    }

    @Test
    void casesOnTheirOwn() throws Exception {
        CaseRecord c = Fixtures.jointCase(CaseStatus.ACCEPTED);
        assertThat(CODEC.readCase(CODEC.writeCase(c))).isEqualTo(c);
        List<Decoded<CaseRecord>> both = CODEC.decodeCases("[" + CODEC.writeCase(c) + ",{\"caseNo\":\"X\"}]");
        assertThat(both.get(0).violations()).isEmpty();
        assertThat(both.get(1).violations()).extracting(Violation::path).startsWith("[1].itemCode");
    }
}
