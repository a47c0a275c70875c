package org.haochaping.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.haochaping.Fixtures;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.Evaluation;
import org.haochaping.model.Grade;
import org.haochaping.rules.ValidationException;
import org.haochaping.rules.Violation;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever text arrives, decoding gives violations or {@link MalformedPayloadException}: never a
 * NullPointerException, a Jackson exception or any other. Valid payloads with random changes are always read (the
 * text is JSON), every violation names a path and an article, and none repeats the evaluator's personal data.
 */
class DecodeFuzzPropertyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<PayloadCodec> CODECS = List.of(PayloadCodec.of(WireProfile.unified()),
            PayloadCodec.of(WireProfile.national()),
            PayloadCodec.of(WireProfile.national(SatisfactionCodes.GB_T_39046, ChannelCodes.VARIANT_B)));

    private static final String[] FIELDS = {
        // unified
        "evaluationId", "scope", "targets", "channel", "grade", "indicators", "freeText", "evaluatedAt", "kind", "visitNo",
        "stage", "servedAt", "staffNo", "evaluator", "case", "name", "certificateType", "certificateNumber", "mobile",
        "caseNo", "itemCode", "itemName", "handleItem", "subItem", "deptCode", "deptName", "areaCode", "hallCode",
        "windowNo", "staffName", "status", "acceptedAt", "completedAt", "promisedAt", "handlingMode", "businessKind",
        "batchNo", "jointDeptCodes", "themeCode", "relatedItemCodes",
        // national
        "projectNo", "taskCode", "taskName", "taskHandleItem", "subMatter", "proDepart", "proStatus", "proManager",
        "proManagerNo", "acceptDate", "resultDate", "promiseTime", "serviceName", "handleMode", "satisfaction", "pf",
        "evalDetail", "writingEvaluation", "assessTime", "assessNumber", "evaluateType", "serviceNumber", "serviceTime",
        "userProp", "userName", "userPageType", "userCert", "certKey", "evalTargets", "evalScope", "evalStage",
        "evaluatedStaffNo", "relatedTaskCodes",
    };

    private static final String[] PERSONAL = {Fixtures.NAME, Fixtures.ID_NUMBER, Fixtures.MOBILE, Fixtures.FREE_TEXT};

    // ---- text that may not be JSON ----

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> chars = Arbitraries.strings().withChars("{}[]:,\"\\ \n\t0123456789.eE+-truefalsn张三丰/u")
                .ofMaxLength(120);
        Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ":", ",", " ", "\n", "\"grade\"", "\"pf\"",
                "\"satisfaction\"", "\"case\"", "\"evaluator\"", "\"targets\"", "\"VERY_SATISFIED\"", "\"5\"", "5", "-0",
                "1e400", "12345678901234567890123", "0.5", "true", "false", "null", "\"张三丰\"", "\"\\u0000\"",
                "\"\\ud800\"", "\"2026-03-05 16:00:00\"", "\"\"", "{}", "[]", "\"\\\"", "'", "NaN", "/*", "//")
                .list().ofMaxSize(40).map(l -> String.join("", l));
        return Arbitraries.oneOf(chars, tokens);
    }

    @Property(tries = 1000)
    void anyTextGivesViolationsOrMalformedPayloadException(@ForAll("jsonish") String text) {
        for (PayloadCodec codec : CODECS) {
            try {
                assertWellFormed(codec.decodeEvaluations(text));
            } catch (MalformedPayloadException expected) {
                assertThat(expected.getMessage()).doesNotContain("张三丰");
            }
            try {
                codec.decodeCases(text);
            } catch (MalformedPayloadException expected) {
                // the only exception decoding may throw
            }
            try {
                codec.readEvaluation(text);
            } catch (MalformedPayloadException | ValidationException expected) {
                // the only exceptions reading may throw
            }
        }
    }

    // ---- JSON objects, random and changed from valid payloads ----

    private static Arbitrary<JsonNode> scalars() {
        Arbitrary<JsonNode> strings = Arbitraries.oneOf(ModelArbitraries.texts(), ModelArbitraries.codes(),
                Arbitraries.of("VERY_SATISFIED", "SERVICE_ITEM", "SERVICE_ITEM,SERVICE_STAFF", "WINDOW", "THEME",
                        "AT_RECEIPT", "APPENDED", "FOLLOW_UP", "RESIDENT_ID_CARD", "1", "2", "3", "4", "5", "6", "7", "0",
                        "-1", "111", "1501,2201", "1207", ",", "", " ", "2026-03-05 16:00:00",
                        "2026-03-05T16:00:00+08:00", "2026-02-30 10:00:00", "咨询", Fixtures.DEPT_CODE, "120101"))
                .map(NODES::textNode);
        Arbitrary<JsonNode> numbers = Arbitraries.oneOf(
                Arbitraries.integers().between(-10, 10).map(NODES::numberNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(20).negate(), BigInteger.TEN.pow(20))
                        .map(NODES::numberNode),
                Arbitraries.doubles().between(-1e9, 1e9).map(NODES::numberNode));
        Arbitrary<JsonNode> others = Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode());
        return Arbitraries.frequencyOf(
                Tuple.of(5, strings), Tuple.of(3, numbers),
                Tuple.of(1, others));
    }

    private static Arbitrary<JsonNode> values(int depth) {
        if (depth == 0) {
            return scalars();
        }
        Arbitrary<JsonNode> arrays = values(depth - 1).list().ofMaxSize(4).map(l -> {
            ArrayNode a = NODES.arrayNode();
            l.forEach(a::add);
            return a;
        });
        return Arbitraries.frequencyOf(Tuple.of(6, scalars()), Tuple.of(1, arrays),
                Tuple.of(1, objects(depth - 1).map(o -> o)));
    }

    private static Arbitrary<String> fieldNames() {
        return Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.of(FIELDS), ModelArbitraries.codes());
    }

    private static Arbitrary<ObjectNode> objects(int depth) {
        return Combinators.combine(fieldNames(), values(depth)).as(Field::new).list().ofMaxSize(12).map(fields -> {
            ObjectNode o = NODES.objectNode();
            fields.forEach(f -> o.set(f.name(), f.value()));
            return o;
        });
    }

    private record Field(String name, JsonNode value) {
    }

    /** One change to a payload: set or remove a field, here or in a nested object. */
    private record Change(boolean remove, String field, JsonNode value, boolean nested) {
        void applyTo(ObjectNode o) {
            ObjectNode target = o;
            if (nested) {
                JsonNode inner = o.get(field.length() % 2 == 0 ? "case" : "evaluator");
                if (inner instanceof ObjectNode) {
                    target = (ObjectNode) inner;
                }
            }
            if (remove) {
                target.remove(field);
            } else {
                target.set(field, value);
            }
        }
    }

    @Provide
    Arbitrary<JsonNode> randomObjects() {
        return Arbitraries.oneOf(objects(3).map(o -> o), objects(2).list().ofMaxSize(3).map(l -> {
            ArrayNode a = NODES.arrayNode();
            l.forEach(a::add);
            return a;
        }));
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        return Combinators.combine(Arbitraries.of(true, false), fieldNames(), values(2), Arbitraries.of(true, false))
                .as(Change::new).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<Evaluation> validEvaluations() {
        return Arbitraries.of(
                Fixtures.bothEvaluation(Fixtures.windowCase()).grade(Grade.DISSATISFIED).indicators("1201", "2202")
                        .freeText(Fixtures.FREE_TEXT).build(),
                Fixtures.itemEvaluation(Fixtures.onlineCase()).freeText(Fixtures.FREE_TEXT).build(),
                Fixtures.staffEvaluationAtVisit(Fixtures.jointCase(CaseStatus.ACCEPTED)).build(),
                Fixtures.itemEvaluation(Fixtures.themeCase("TJZT000001", "ITEM-FOOD")).build());
    }

    @Property(tries = 500)
    void randomJsonObjectsGiveViolationsOnly(@ForAll("randomObjects") JsonNode payload) throws Exception {
        String text = JSON.writeValueAsString(payload);
        for (PayloadCodec codec : CODECS) {
            List<Decoded<Evaluation>> decoded = codec.decodeEvaluations(text);
            assertThat(decoded).hasSize(payload.isArray() ? payload.size() : 1);
            assertWellFormed(decoded);
            assertThat(codec.decodeCases(text)).hasSize(decoded.size());
        }
    }

    @Property(tries = 1000)
    void changedValidPayloadsGiveViolationsOnly(@ForAll("validEvaluations") Evaluation valid,
            @ForAll("changes") List<Change> changes) throws Exception {
        for (PayloadCodec codec : CODECS) {
            ObjectNode o = (ObjectNode) JSON.readTree(codec.write(valid));
            changes.forEach(c -> c.applyTo(o));
            List<Decoded<Evaluation>> decoded = codec.decodeEvaluations(JSON.writeValueAsString(o));
            assertThat(decoded).hasSize(1);
            assertWellFormed(decoded);
            for (Violation v : decoded.get(0).violations()) {
                for (String p : PERSONAL) {
                    assertThat(v.message()).doesNotContain(p);
                }
            }
            if (decoded.get(0).isValid()) {
                // Whatever was accepted can be written again and means the same.
                Evaluation read = decoded.get(0).value();
                assertThat(codec.readEvaluation(codec.write(read))).isEqualTo(read);
            }
        }
    }

    private static void assertWellFormed(List<Decoded<Evaluation>> decoded) {
        for (Decoded<Evaluation> d : decoded) {
            for (Violation v : d.violations()) {
                assertThat(v.path()).isNotEmpty();
                assertThat(v.rule()).startsWith("Art. ");
                assertThat(v.message()).isNotEmpty().doesNotContain("com.fasterxml").doesNotContain("Exception");
            }
        }
    }

    @Property(tries = 50)
    void deepNestingIsMalformedNotAStackOverflow(@ForAll @IntRange(min = 1, max = 5000)
            int depth) {
        String text = "[".repeat(depth) + "]".repeat(depth);
        for (PayloadCodec codec : CODECS) {
            try {
                List<Decoded<Evaluation>> d = codec.decodeEvaluations(text);
                assertThat(d).isNotNull();
            } catch (MalformedPayloadException expected) {
                // beyond Jackson's nesting limit
            }
        }
    }
}
