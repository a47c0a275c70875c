package org.haochaping.privacy;

import org.haochaping.Fixtures;
import org.haochaping.model.CertificateType;
import org.haochaping.model.Evaluation;
import org.haochaping.model.Evaluator;
import org.haochaping.model.Grade;
import org.haochaping.rules.EvaluationPolicy;
import org.haochaping.rules.ValidationException;
import org.haochaping.rules.Violation;
import org.haochaping.wire.MalformedPayloadException;
import org.haochaping.wire.PayloadCodec;
import org.haochaping.wire.WireProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Art. 17 (严格保护评价主体信息): the evaluator's name, certificate number and mobile, and the free text, never appear
 * in {@code toString()} or in an exception message, whether the personal data itself is valid or not.
 */
class PersonalDataNeverLeaksTest {

    private static final EvaluationPolicy POLICY = EvaluationPolicy.standard();

    private static void assertNoPersonalData(String text, String... personal) {
        for (String p : personal) {
            assertThat(text).doesNotContain(p);
        }
    }

    @Test
    void evaluatorToStringIsMasked() {
        String s = Fixtures.evaluator().toString();
        assertThat(s).isEqualTo("Evaluator{NATURAL_PERSON, 张**, RESIDENT_ID_CARD 110***********002X, 138****5678}");
        assertNoPersonalData(s, Fixtures.NAME, Fixtures.ID_NUMBER, Fixtures.MOBILE);
    }

    @Test
    void evaluationToStringShowsNeitherTheEvaluatorNorTheFreeText() {
        Evaluation e = Fixtures.itemEvaluation(Fixtures.windowCase()).grade(Grade.DISSATISFIED)
                .freeText(Fixtures.FREE_TEXT).build();
        String s = e.toString();
        assertNoPersonalData(s, Fixtures.NAME, Fixtures.ID_NUMBER, Fixtures.MOBILE, Fixtures.FREE_TEXT, "张");
        assertThat(s).contains("TJ20260302000001", "DISSATISFIED", "with free text");
    }

    @Test
    void validationMessagesAroundValidPersonalData() {
        Evaluation e = Fixtures.itemEvaluation(Fixtures.windowCase())
                .grade(Grade.VERY_DISSATISFIED)
                .indicators("1108", "9999", "2501")
                .freeText(Fixtures.FREE_TEXT + "\u0007")
                .visitNo(0)
                .caseRecord(Fixtures.windowCaseBuilder().department("11120000MB01234567", null).build())
                .build();
        ValidationException x = catchThrowableOfType(ValidationException.class, () -> POLICY.check(e));
        assertThat(x.violations()).hasSizeGreaterThanOrEqualTo(5);
        assertNoPersonalData(x.getMessage(), Fixtures.NAME, Fixtures.ID_NUMBER, Fixtures.MOBILE, Fixtures.FREE_TEXT);
        assertNoPersonalData(allMessages(x.violations()), Fixtures.NAME, Fixtures.ID_NUMBER, Fixtures.MOBILE,
                Fixtures.FREE_TEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002Y", "110105194912310021", "1101051949123100", "11010519491231002X9"})
    void aWrongIdNumberIsRefusedWithoutRepeatingIt(String badNumber) {
        Evaluation e = Fixtures.itemEvaluation(Fixtures.windowCase()).evaluator(Fixtures.evaluator().toBuilder()
                .certificate(CertificateType.RESIDENT_ID_CARD, badNumber).build()).build();
        ValidationException x = catchThrowableOfType(ValidationException.class, () -> POLICY.check(e));
        assertThat(x.violations()).extracting(Violation::path).containsExactly("evaluator.certificateNumber");
        assertNoPersonalData(x.getMessage(), badNumber, Fixtures.NAME, Fixtures.MOBILE);
    }

    @Test
    void badNameAndMobileAreRefusedWithoutRepeatingThem() {
        String longName = Fixtures.NAME + "之".repeat(100);
        String badMobile = "1381234567X";
        Evaluation e = Fixtures.itemEvaluation(Fixtures.windowCase()).evaluator(Fixtures.evaluator().toBuilder()
                .name(longName).mobile(badMobile).build()).build();
        ValidationException x = catchThrowableOfType(ValidationException.class, () -> POLICY.check(e));
        assertThat(x.violations()).extracting(Violation::path).containsExactly("evaluator.name", "evaluator.mobile");
        assertNoPersonalData(x.getMessage(), Fixtures.NAME, badMobile, Fixtures.ID_NUMBER);
    }

    @Test
    void anEnterpriseCertificateIsNotRepeatedEither() {
        String wrong = "91350100M000100Y44";
        Evaluator ev = Fixtures.enterpriseEvaluator().toBuilder()
                .certificate(CertificateType.UNIFIED_SOCIAL_CREDIT_CODE, wrong).build();
        ValidationException x = catchThrowableOfType(ValidationException.class,
                () -> POLICY.check(Fixtures.itemEvaluation(Fixtures.windowCase()).evaluator(ev).build()));
        assertNoPersonalData(x.getMessage(), wrong, "福建某某科技有限公司");
        assertThat(ev.toString()).doesNotContain(wrong).contains("913***********0Y44");
    }

    @Test
    void payloadsRefusedForTheirRulesDoNotEchoPersonalData() {
        for (WireProfile profile : List.of(WireProfile.unified(), WireProfile.national())) {
            PayloadCodec codec = PayloadCodec.of(profile);
            Evaluation bad = Fixtures.itemEvaluation(Fixtures.windowCase()).grade(Grade.DISSATISFIED)
                    .indicators("2201").freeText(Fixtures.FREE_TEXT).build();
            String json = codec.write(bad);
            assertThat(json).contains(Fixtures.NAME, Fixtures.ID_NUMBER, Fixtures.MOBILE, Fixtures.FREE_TEXT);
            ValidationException x = catchThrowableOfType(ValidationException.class, () -> codec.readEvaluation(json));
            assertNoPersonalData(x.getMessage(), Fixtures.NAME, Fixtures.ID_NUMBER, Fixtures.MOBILE,
                    Fixtures.FREE_TEXT);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"userName\":张三丰}",
        "{\"userName\":\"张三丰\" \"userCert\":\"11010519491231002X\"}",
        "{\"userName\":\"x\" 张三丰}",
        "{\"mobile\":13812345678x}",
        "{\"userCert\":11010519491231002X}",
        "{\"evaluator\":{\"name\":\"张三丰\",\"name\":\"张三丰\"}}",
    })
    void malformedPayloadMessagesDoNotQuoteThePayload(String json) {
        MalformedPayloadException x = catchThrowableOfType(MalformedPayloadException.class,
                () -> PayloadCodec.of(WireProfile.national()).decodeEvaluations(json));
        assertNoPersonalData(x.getMessage(), "张", "三丰", "13812345678", "11010519491231002X",
                "24352", "0x5f20");
        assertThat(x.line()).isEqualTo(1);
        assertThat(x.column()).isPositive();
    }

    @Test
    void theEvaluatorStaysMaskedInsideAValidationExceptionOfTheWriter() {
        Evaluation e = Fixtures.itemEvaluation(Fixtures.windowCase())
                .channel(org.haochaping.model.Channel.SUGGESTION_BOX).build();
        assertThatThrownBy(() -> PayloadCodec.of(WireProfile.national()).write(e))
                .isInstanceOf(ValidationException.class)
                .hasMessageNotContaining(Fixtures.NAME).hasMessageNotContaining(Fixtures.ID_NUMBER);
    }

    private static String allMessages(List<Violation> violations) {
        return violations.stream().map(Violation::toString).collect(Collectors.joining("\n"));
    }
}
