package org.haochaping.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assertj.core.groups.Tuple;
import org.haochaping.Fixtures;
import org.haochaping.model.Evaluation;
import org.haochaping.model.Grade;
import org.haochaping.rules.ValidationException;
import org.haochaping.rules.Violation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Bad input through {@link PayloadCodec}: text that is not JSON gives {@link MalformedPayloadException} with line and
 * column; JSON that breaks the format or the rules gives every violation with its path and article, never a
 * NullPointerException or a Jackson exception.
 */
class PayloadCodecBadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PayloadCodec UNIFIED = PayloadCodec.of(WireProfile.unified());
    private static final PayloadCodec NATIONAL = PayloadCodec.of(WireProfile.national());

    private static ObjectNode valid(PayloadCodec codec) {
        try {
            return (ObjectNode) JSON.readTree(codec.write(Fixtures.bothEvaluation(Fixtures.windowCase()).build()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<Violation> violationsAfter(PayloadCodec codec, Consumer<ObjectNode> change) {
        ObjectNode o = valid(codec);
        change.accept(o);
        List<Decoded<Evaluation>> decoded = codec.decodeEvaluations(o.toString());
        assertThat(decoded).hasSize(1);
        ValidationException x = catchThrowableOfType(ValidationException.class, () -> codec.readEvaluation(o.toString()));
        assertThat(x.violations()).isEqualTo(decoded.get(0).violations());
        return decoded.get(0).violations();
    }

    private static void unifiedRefuses(Consumer<ObjectNode> change, Tuple... pathAndRule) {
        assertThat(violationsAfter(UNIFIED, change)).extracting(Violation::path, Violation::rule)
                .containsExactlyInAnyOrder(pathAndRule);
    }

    private static void nationalRefuses(Consumer<ObjectNode> change, Tuple... pathAndRule) {
        assertThat(violationsAfter(NATIONAL, change)).extracting(Violation::path, Violation::rule)
                .contains(pathAndRule);
    }

    @Test
    void theValidPayloadsAreAccepted() {
        Evaluation e = Fixtures.bothEvaluation(Fixtures.windowCase()).build();
        assertThat(UNIFIED.readEvaluation(valid(UNIFIED).toString())).isEqualTo(e);
        assertThat(NATIONAL.readEvaluation(valid(NATIONAL).toString())).isEqualTo(e);
    }

    @Nested
    class NotJson {

        @Test
        void lineAndColumnOfTheProblem() {
            MalformedPayloadException x = catchThrowableOfType(MalformedPayloadException.class,
                    () -> UNIFIED.decodeEvaluations("{\n  \"grade\": tru\n}"));
            assertThat(x.line()).isEqualTo(2);
            assertThat(x.column()).isEqualTo(12);
            assertThat(x).hasMessageStartingWith("not valid JSON: Unrecognized token").hasMessageEndingWith(
                    " at line 2, column 12");
        }

        @Test
        void duplicateKeys() {
            MalformedPayloadException x = catchThrowableOfType(MalformedPayloadException.class,
                    () -> NATIONAL.decodeEvaluations("{\n  \"satisfaction\": \"5\",\n  \"satisfaction\": \"1\"\n}"));
            assertThat(x).hasMessageStartingWith("not valid JSON: Duplicate field");
            assertThat(x.line()).isEqualTo(3);
        }

        @ParameterizedTest
        @ValueSource(strings = {"[", "{", "{\"a\":}", "{\"a\":1,}", "{} {}", "{'a':1}", "{\"a\":\"\u0001\"}", "[1,]",
            "{\"a\":NaN}", "\"text\""})
        void malformedText(String text) {
            assertThatThrownBy(() -> UNIFIED.decodeEvaluations(text)).isInstanceOf(MalformedPayloadException.class)
                    .hasMessageContaining("at line 1, column ");
            assertThatThrownBy(() -> NATIONAL.decodeCases(text)).isInstanceOf(MalformedPayloadException.class);
        }

        @Test
        void nothingOrNotAnObject() {
            assertThat(catchThrowableOfType(MalformedPayloadException.class, () -> UNIFIED.decodeEvaluations((String) null)))
                    .hasMessage("no payload").extracting(MalformedPayloadException::line).isEqualTo(0);
            assertThatThrownBy(() -> UNIFIED.decodeEvaluations(" \n")).isInstanceOf(MalformedPayloadException.class)
                    .hasMessageStartingWith("empty payload");
            assertThatThrownBy(() -> UNIFIED.decodeEvaluations("42")).isInstanceOf(MalformedPayloadException.class)
                    .hasMessageStartingWith("expected a JSON object or array");
            assertThatThrownBy(() -> UNIFIED.readEvaluation("[]")).isInstanceOf(MalformedPayloadException.class)
                    .hasMessageStartingWith("expected one JSON object");
            assertThatThrownBy(() -> NATIONAL.readCase("[{}]")).isInstanceOf(MalformedPayloadException.class);
        }

        @Test
        void arrayElementsThatAreNotObjects() {
            List<Decoded<Evaluation>> d = UNIFIED.decodeEvaluations("[1, \"x\", null, []]");
            assertThat(d).hasSize(4).allSatisfy(one -> assertThat(one.value()).isNull());
            assertThat(d).flatExtracting(Decoded::violations).extracting(Violation::path, Violation::rule)
                    .containsExactly(tuple("[0]", "Art. 5"), tuple("[1]", "Art. 5"), tuple("[2]", "Art. 5"),
                            tuple("[3]", "Art. 5"));
            assertThat(NATIONAL.decodeEvaluations("[true]").get(0).violations()).extracting(Violation::message)
                    .containsExactly("must be a JSON object");
        }
    }

    @Nested
    class UnknownCodes {

        @Test
        void enumValues() {
            unifiedRefuses(o -> o.put("grade", "EXCELLENT"), tuple("grade", "Art. 5"));
            unifiedRefuses(o -> o.put("channel", "WECHAT"), tuple("channel", "Art. 5"));
            unifiedRefuses(o -> o.put("scope", "ALL"), tuple("scope", "Art. 5"));
            unifiedRefuses(o -> o.putArray("targets").add("SERVICE_ITEM").add("WINDOW"),
                    tuple("targets[1]", "Art. 5"));
            unifiedRefuses(o -> ((ObjectNode) o.path("case")).put("handlingMode", "ONLINE"),
                    tuple("case.handlingMode", "Art. 5"));
            unifiedRefuses(o -> ((ObjectNode) o.path("evaluator")).put("certificateType", "ID_CARD"),
                    tuple("evaluator.certificateType", "Art. 5"));
        }

        @Test
        void indicatorCodes() {
            unifiedRefuses(o -> o.putArray("indicators").add("1501").add("9999"), tuple("indicators[1]", "Art. 7"));
            // Rule violations of a national payload carry the model's paths: indicators[i], case.caseNo, evaluator.name.
            nationalRefuses(o -> o.put("evalDetail", "1501,510"), tuple("evalDetail[1]", "Art. 7"));
        }

        @Test
        void nationalCodes() {
            nationalRefuses(o -> o.put("pf", "9"), tuple("pf", "Art. 5"));
            nationalRefuses(o -> o.put("proStatus", "4"), tuple("proStatus", "Art. 5"));
            nationalRefuses(o -> o.put("userProp", "7"), tuple("userProp", "Art. 5"));
            nationalRefuses(o -> o.put("userPageType", "112"), tuple("userPageType", "Art. 5"));
            nationalRefuses(o -> o.put("evaluateType", "3"), tuple("evaluateType", "Art. 5"));
            nationalRefuses(o -> o.put("handleMode", "HALL"), tuple("handleMode", "Art. 5"));
            nationalRefuses(o -> o.put("evalTargets", "SERVICE_ITEM,WINDOW"), tuple("evalTargets", "Art. 5"));
        }
    }

    @Nested
    class OutOfRange {

        @ParameterizedTest
        @ValueSource(strings = {"0", "6", "-1", "五", "4.5", ""})
        void satisfaction(String code) {
            nationalRefuses(o -> o.put("satisfaction", code), tuple("satisfaction", "Art. 5"));
        }

        @Test
        void gradeAsANumberInUnified() {
            unifiedRefuses(o -> o.put("grade", 5), tuple("grade", "Art. 5"));
        }

        @Test
        void visitNumbers() {
            unifiedRefuses(o -> o.put("visitNo", 0), tuple("visitNo", "Art. 11"));
            unifiedRefuses(o -> o.put("visitNo", 100), tuple("visitNo", "Art. 11"));
            unifiedRefuses(o -> o.put("visitNo", 3_000_000_000L), tuple("visitNo", "Art. 5"));
        }
    }

    @Nested
    class WrongCheckCharacters {

        @Test
        void idNumberAndCreditCodes() {
            unifiedRefuses(o -> ((ObjectNode) o.path("evaluator")).put("certificateNumber", "110105194912310021"),
                    tuple("evaluator.certificateNumber", "Art. 17; GB 11643"));
            unifiedRefuses(o -> ((ObjectNode) o.path("case")).put("deptCode", "11120000MB01234567"),
                    tuple("case.deptCode", "Art. 5; GB 32100"));
            // National payloads are answered in their own field names.
            nationalRefuses(o -> o.put("userCert", "110105194912310021"), tuple("userCert", "Art. 17; GB 11643"));
            nationalRefuses(o -> o.put("deptCode", "11120000MB01234567"), tuple("deptCode", "Art. 5; GB 32100"));
        }
    }

    @Nested
    class OverLongFields {

        @Test
        void caseNumberNamesAndFreeText() {
            unifiedRefuses(o -> ((ObjectNode) o.path("case")).put("caseNo", "TJ" + "1".repeat(49)),
                    tuple("case.caseNo", "Art. 5"));
            unifiedRefuses(o -> o.put("freeText", "慢".repeat(501)), tuple("freeText", "Art. 5"));
            unifiedRefuses(o -> ((ObjectNode) o.path("evaluator")).put("name", "名".repeat(101)),
                    tuple("evaluator.name", "Art. 5"));
            nationalRefuses(o -> o.put("projectNo", "TJ" + "1".repeat(49)), tuple("projectNo", "Art. 5"));
            nationalRefuses(o -> o.put("writingEvaluation", "慢".repeat(501)), tuple("writingEvaluation", "Art. 5"));
        }
    }

    @Nested
    class MissingFields {

        @Test
        void unified() {
            unifiedRefuses(o -> o.remove("grade"), tuple("grade", "Art. 5"));
            unifiedRefuses(o -> o.remove("case"), tuple("case", "Art. 5"));
            unifiedRefuses(o -> o.remove("evaluator"), tuple("evaluator", "Art. 17"));
            unifiedRefuses(o -> o.remove(List.of("channel", "evaluatedAt", "stage")), tuple("channel", "Art. 5"),
                    tuple("evaluatedAt", "Art. 5"), tuple("stage", "Art. 5"));
            unifiedRefuses(o -> ((ObjectNode) o.path("case")).remove("caseNo"), tuple("case.caseNo", "Art. 5"));
        }

        @Test
        void national() {
            nationalRefuses(o -> o.remove("satisfaction"), tuple("satisfaction", "Art. 5"));
            nationalRefuses(o -> o.remove("projectNo"), tuple("projectNo", "Art. 5"));
            nationalRefuses(o -> o.remove(List.of("userName", "userCert")), tuple("userName", "Art. 17"),
                    tuple("userCert", "Art. 17"));
            nationalRefuses(o -> o.remove(List.of("userProp", "userName", "userPageType", "userCert", "mobile")),
                    tuple("userName", "Art. 17"));
        }
    }

    @Nested
    class WrongTypes {

        @Test
        void unified() {
            unifiedRefuses(o -> o.put("visitNo", "two"), tuple("visitNo", "Art. 5"));
            unifiedRefuses(o -> o.put("targets", "SERVICE_ITEM"), tuple("targets", "Art. 5"));
            unifiedRefuses(o -> o.put("indicators", "1501"), tuple("indicators", "Art. 5"));
            unifiedRefuses(o -> o.putArray("indicators").add(1501), tuple("indicators[0]", "Art. 5"));
            unifiedRefuses(o -> o.put("freeText", true), tuple("freeText", "Art. 5"));
            unifiedRefuses(o -> o.put("evaluatedAt", 20260305), tuple("evaluatedAt", "Art. 5"));
            unifiedRefuses(o -> o.put("evaluatedAt", "2026-03-05 16:00:00"), tuple("evaluatedAt", "Art. 5"));
            unifiedRefuses(o -> o.putArray("case"), tuple("case", "Art. 5"));
            unifiedRefuses(o -> o.put("evaluator", Fixtures.NAME), tuple("evaluator", "Art. 5"));
            unifiedRefuses(o -> o.putObject("grade"), tuple("grade", "Art. 5"));
        }

        @Test
        void national() {
            nationalRefuses(o -> o.put("serviceNumber", "第二次"), tuple("serviceNumber", "Art. 5"));
            // The unified profile is typed strictly: no numbers for strings, no strings for numbers.
            unifiedRefuses(o -> o.put("freeText", 5), tuple("freeText", "Art. 5"));
            unifiedRefuses(o -> o.put("visitNo", "2"), tuple("visitNo", "Art. 5"));
            nationalRefuses(o -> o.put("assessTime", 1772697600), tuple("assessTime", "Art. 5"));
            assertThat(violationsAfter(NATIONAL, o -> o.put("assessTime", "2026/11/26 09:41")))
                    .as("a refused time is not also reported as missing").extracting(Violation::path)
                    .containsOnlyOnce("assessTime");
            nationalRefuses(o -> o.putArray("evalDetail").add("1501"), tuple("evalDetail", "Art. 5"));
            nationalRefuses(o -> o.put("pf", 4.0), tuple("pf", "Art. 5"));
            nationalRefuses(o -> o.putObject("userName"), tuple("userName", "Art. 5"));
        }
    }

    @Test
    void everyProblemOfAPayloadAtOnce() {
        List<Violation> all = violationsAfter(UNIFIED, o -> {
            o.put("grade", "VERY_DISSATISFIED");
            o.put("visitNo", "x");
            o.put("rating", 1);
            o.putArray("indicators").add("2201").add("1509");
            ((ObjectNode) o.path("evaluator")).put("mobile", "138");
            ((ObjectNode) o.path("case")).put("areaCode", "99");
        });
        assertThat(all).extracting(Violation::path, Violation::rule).containsExactlyInAnyOrder(
                tuple("visitNo", "Art. 5"),
                tuple("rating", "Art. 5"),
                tuple("case.areaCode", "Art. 5; GB/T 2260"),
                tuple("evaluator.mobile", "Art. 16-17"),
                tuple("indicators[0]", "Art. 7"),
                tuple("indicators[1]", "Art. 7"),
                tuple("indicators", "Art. 7"),      // 服务事项 graded 差评 without an item indicator of that grade
                tuple("indicators", "Art. 7"));     // 服务人员: 2201 is 不满意, not 非常不满意
    }

    @Test
    void pathsOfArrayElements() {
        Evaluation good = Fixtures.itemEvaluation(Fixtures.windowCase()).build();
        Evaluation bad = good.toBuilder().grade(Grade.DISSATISFIED).build();
        List<Decoded<Evaluation>> d = UNIFIED.decodeEvaluations(UNIFIED.writeAll(List.of(good, bad, good)));
        assertThat(d).extracting(Decoded::isValid).containsExactly(true, false, true);
        assertThat(d.get(0).value()).isEqualTo(good);
        assertThat(d.get(1).violations()).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("[1].indicators", "Art. 7"));
        assertThat(UNIFIED.writePretty(List.of(good))).contains("\n").startsWith("[");
    }
}
