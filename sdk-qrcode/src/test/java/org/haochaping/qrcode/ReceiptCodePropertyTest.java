package org.haochaping.qrcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.haochaping.crypto.Verifier;
import org.haochaping.qrcode.render.ImageSize;
import org.haochaping.qrcode.render.PngRenderer;
import org.haochaping.qrcode.render.QrEncoder;
import org.haochaping.qrcode.render.QrMatrix;
import org.haochaping.qrcode.testing.Decoders;
import org.haochaping.qrcode.testing.HmacTestKeys;

class ReceiptCodePropertyTest {

    private static final byte[] KEY = "property-test-key-property-test!".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2025-11-03T02:15:30Z");
    private static final ReceiptCodeIssuer ISSUER = ReceiptCodeIssuer.builder(HmacTestKeys.signer("prop-1", KEY))
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    private static final Verifier KEYS = HmacTestKeys.verifier(Map.of("prop-1", KEY));
    private static final ReceiptCodeVerifier VERIFIER = ReceiptCodeVerifier.builder(KEYS)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    private static final QrEncoder ENCODER = QrEncoder.builder().build();

    @Property
    void everyIssuedCodeVerifiesToTheSameCase(@ForAll("cases") ReceiptCase receiptCase) {
        ReceiptCode code = ISSUER.issue(receiptCase);
        ReceiptCode verified = VERIFIER.verify(code.text());

        assertThat(verified.receiptCase()).isEqualTo(receiptCase);
        assertThat(verified.nonce()).isEqualTo(code.nonce());
        assertThat(code.text()).startsWith(EvaluationPage.DEFAULT_URL + "?r=").matches("[\\x21-\\x7E]+");
    }

    @Property
    void changingAnyDigitIsNeverAccepted(@ForAll("cases") ReceiptCase receiptCase,
            @ForAll @IntRange(min = 0, max = 10_000) int where, @ForAll @IntRange(min = 1, max = 9) int delta) {
        String text = ISSUER.issue(receiptCase).text();
        int digitsStart = text.indexOf("?r=") + 3;
        int at = digitsStart + where % (text.length() - digitsStart);
        char changed = (char) ('0' + (text.charAt(at) - '0' + delta) % 10);
        String tampered = text.substring(0, at) + changed + text.substring(at + 1);

        assertThatThrownBy(() -> VERIFIER.verify(tampered)).isInstanceOfAny(
                MalformedCodeException.class, BadSignatureException.class);
    }

    /**
     * The size promise of {@link ReceiptCodeIssuer}: within the text budget and with a 72-byte signature
     * (the longest SM2 DER signature), the default page's code fits version 10 at level M.
     */
    @Property
    void withinTheBudgetTheCodeFitsVersion10AtLevelM(@ForAll("budgetCases") ReceiptCase receiptCase,
            @ForAll("keyIds") String keyId) {
        byte[] body = ReceiptPayload.encodeBody(receiptCase, NOW.getEpochSecond(), NOW.getEpochSecond() + 1_296_000,
                new byte[8], keyId);
        byte[] signature = new byte[72];
        Arrays.fill(signature, (byte) 0xFF);
        String text = EvaluationPage.DEFAULT.link("r=" + DecimalBlocks.encode(ReceiptPayload.payload(body, signature)));

        assertThat(ENCODER.encode(text).version()).isLessThanOrEqualTo(10);
    }

    @Property(tries = 25)
    void renderedCodesDecodeByteForByteWithZxingAndZbar(@ForAll("cases") ReceiptCase receiptCase,
            @ForAll @IntRange(min = 2, max = 5) int modulePixels) {
        ReceiptCode code = ISSUER.issue(receiptCase);
        QrMatrix matrix = ENCODER.encode(code.text());
        byte[] png = PngRenderer.builder().size(ImageSize.moduleSize(modulePixels)).build().render(matrix);

        Decoders.assertPngDecodesTo(png, code.text());
        assertThat(VERIFIER.verify(Decoders.zxing(png).getText()).receiptCase()).isEqualTo(receiptCase);
    }

    @Provide
    Arbitrary<ReceiptCase> cases() {
        Arbitrary<String> caseNumbers = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('0', '9').withCharRange('A', 'Z').withChars('-', '_', '/')
                        .ofMinLength(1).ofMaxLength(50),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').withCharRange('0', '9').ofMinLength(1).ofMaxLength(50));
        Arbitrary<String> itemCodes = Arbitraries.strings().withCharRange('0', '9').withCharRange('A', 'Z')
                .ofMinLength(1).ofMaxLength(60);
        Arbitrary<String> windows = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9')
                .ofMinLength(1).ofMaxLength(16).injectNull(0.3);
        Arbitrary<String> staff = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(32).injectNull(0.3);
        return Combinators.combine(caseNumbers, itemCodes, windows, staff).as((c, i, w, s) ->
                ReceiptCase.builder().caseNumber(c).itemCode(i).windowCode(w).staffNumber(s).build());
    }

    /** Realistic codes whose key id, case number, item code, window and staff number stay within the budget. */
    @Provide
    Arbitrary<ReceiptCase> budgetCases() {
        return cases().filter(c -> utf8(c.caseNumber()) + utf8(c.itemCode()) + c.windowCode().map(ReceiptCodePropertyTest::utf8).orElse(0)
                + c.staffNumber().map(ReceiptCodePropertyTest::utf8).orElse(0) <= ReceiptCodeIssuer.VERSION_10_TEXT_BUDGET - 8);
    }

    @Provide
    Arbitrary<String> keyIds() {
        return Arbitraries.strings().alpha().numeric().ofLength(8);
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
