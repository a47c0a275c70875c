package org.haochaping.qrcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.qrcode.render.QrEncoder;
import org.junit.jupiter.api.Test;

/**
 * Receipt codes signed with the SDK's SM2 signer ({@link Sm2Signer}, {@link Sm2Verifier}), and the worked
 * example of docs/interface-spec.md.
 */
class ReceiptCodeSm2Test {

    private static final Path EXAMPLE_KEY = resource("qr/example-issuer.pem");
    private static final Path EXAMPLE_PUBLIC_KEY = resource("qr/example-issuer.pub.pem");
    private static final Instant EXAMPLE_ISSUED = Instant.parse("2025-11-03T02:15:30Z");
    private static final PrivateKeyMaterial PRIVATE_KEY = PemKeys.privateKey(EXAMPLE_KEY);
    private static final PublicKeyMaterial PUBLIC_KEY = PemKeys.publicKey(EXAMPLE_PUBLIC_KEY);
    /** The key id a signer writes by default, as {@code hcp keygen} prints it and {@code hcp qr dynamic} uses it. */
    private static final String KEY_ID = PUBLIC_KEY.defaultKeyId();
    private static final ReceiptCodeIssuer ISSUER = ReceiptCodeIssuer.builder(Sm2Signer.builder(PRIVATE_KEY).build())
            .clock(Clock.fixed(EXAMPLE_ISSUED, ZoneOffset.UTC)).build();
    private static final ReceiptCodeVerifier VERIFIER = verifierAt(EXAMPLE_ISSUED.plusSeconds(3600));

    @Test
    void theSpecsWorkedExampleVerifiesAndMatchesTheDocument() throws IOException {
        String text = Files.readString(resource("qr/receipt-example.txt")).trim();
        ReceiptCode code = VERIFIER.verify(text);

        assertThat(code.receiptCase()).isEqualTo(ReceiptCase.builder().caseNumber("TJ20251103000123")
                .itemCode("11120000000000000X3000117001").windowCode("A12").staffNumber("0231").build());
        assertThat(code.issuedAt()).isEqualTo(EXAMPLE_ISSUED);
        assertThat(code.expiresAt()).isEqualTo(Instant.parse("2025-11-18T02:15:30Z"));
        assertThat(code.keyId()).isEqualTo(KEY_ID).isEqualTo("f6af12241785b8ff");
        assertThat(QrEncoder.builder().build().encode(text).version()).isEqualTo(10);

        // The document's grammar, implemented separately, yields bytes whose signature OpenSSL accepts.
        ReceiptCodeGrammar grammar = ReceiptCodeGrammar.parse(text);
        assertThat(grammar.fields).containsEntry("nonce", code.nonce()).containsEntry("caseNumber", "TJ20251103000123");
        assertThat(Openssl.verify(EXAMPLE_PUBLIC_KEY, grammar.signedBytes("SM2-SM3"), grammar.signature,
                Files.createTempDirectory("hcp-qr"))).isTrue();

        String spec = Files.readString(Paths.get("..", "docs", "interface-spec.md"));
        HexFormat hex = HexFormat.of();
        assertThat(spec).contains(text)
                .contains("`" + KEY_ID + "`")
                .contains(hex.formatHex(grammar.body))
                .contains(hex.formatHex(grammar.signature))
                .contains(hex.formatHex(grammar.signedBytes("SM2-SM3")))
                .contains(Files.readString(EXAMPLE_PUBLIC_KEY).trim());
    }

    @Test
    void theExampleHasExpiredAfterItsValidityAndSkew() throws IOException {
        String text = Files.readString(resource("qr/receipt-example.txt")).trim();
        assertThatThrownBy(() -> verifierAt(Instant.parse("2025-11-18T02:20:31Z")).verify(text))
                .isInstanceOf(ExpiredCodeException.class);
        assertThat(verifierAt(Instant.parse("2025-11-18T02:20:30Z")).verify(text).keyId()).isEqualTo(KEY_ID);
    }

    /** The default key id is what the document says it is: the first 16 hex digits of SM3 over the DER public key. */
    @Test
    void theDefaultKeyIdIsTheSm3PrefixOpensslComputes() throws IOException {
        String sm3 = Openssl.sm3OfPublicKey(EXAMPLE_PUBLIC_KEY, Files.createTempDirectory("hcp-qr"));
        assertThat(KEY_ID).isEqualTo(sm3.substring(0, 16));
        assertThat(Sm2Signer.builder(PRIVATE_KEY).build().keyId()).as("the signer's default").isEqualTo(KEY_ID);
    }

    /** The version 10-M budget counts on SM2 signatures being DER of at most 72 bytes. */
    @Test
    void signaturesInCodesAreDerOfAtMost72Bytes() {
        ReceiptCase receiptCase = ReceiptCase.builder().caseNumber("C-1").itemCode("I-1").build();
        for (int i = 0; i < 100; i++) {
            byte[] signature = ReceiptCodeGrammar.parse(ISSUER.issue(receiptCase).text()).signature;
            assertThat(signature[0]).isEqualTo((byte) 0x30);
            assertThat(signature.length).isBetween(8, 72);
        }
    }

    @Property(tries = 200)
    void sm2SignedCodesRoundTrip(@ForAll("cases") ReceiptCase receiptCase) {
        ReceiptCode code = ISSUER.issue(receiptCase);
        assertThat(VERIFIER.verify(code.text()).receiptCase()).isEqualTo(receiptCase);
    }

    @Property(tries = 200)
    void changingAnyDigitOfAnSm2CodeIsRefused(@ForAll("cases") ReceiptCase receiptCase,
            @ForAll @IntRange(min = 0, max = 10_000) int where, @ForAll @IntRange(min = 1, max = 9) int delta) {
        String text = ISSUER.issue(receiptCase).text();
        int digitsStart = text.indexOf("?r=") + 3;
        int at = digitsStart + where % (text.length() - digitsStart);
        String tampered = text.substring(0, at) + (char) ('0' + (text.charAt(at) - '0' + delta) % 10) + text.substring(at + 1);

        assertThatThrownBy(() -> VERIFIER.verify(tampered))
                .isInstanceOfAny(MalformedCodeException.class, BadSignatureException.class);
    }

    /** With real SM2 signatures: within the documented budget the default page's code is version 10-M or lower. */
    @Property(tries = 300)
    void withinTheBudgetSm2CodesFitVersion10(@ForAll("cases") ReceiptCase receiptCase) {
        int textBytes = utf8(KEY_ID) + utf8(receiptCase.caseNumber()) + utf8(receiptCase.itemCode())
                + receiptCase.windowCode().map(ReceiptCodeSm2Test::utf8).orElse(0)
                + receiptCase.staffNumber().map(ReceiptCodeSm2Test::utf8).orElse(0);
        int version = QrEncoder.builder().build().encode(ISSUER.issue(receiptCase).text()).version();
        if (textBytes <= ReceiptCodeIssuer.VERSION_10_TEXT_BUDGET) {
            assertThat(version).isLessThanOrEqualTo(10);
        }
    }

    @Provide
    Arbitrary<ReceiptCase> cases() {
        Arbitrary<String> caseNumbers = Arbitraries.strings().withCharRange('0', '9').withCharRange('A', 'Z')
                .withChars('-').ofMinLength(8).ofMaxLength(40);
        Arbitrary<String> itemCodes = Arbitraries.strings().withCharRange('0', '9').withCharRange('A', 'Z')
                .ofMinLength(6).ofMaxLength(34);
        Arbitrary<String> windows = Arbitraries.strings().withCharRange('A', 'Z').numeric().ofMinLength(1).ofMaxLength(6)
                .injectNull(0.3);
        Arbitrary<String> staff = Arbitraries.strings().numeric().ofMinLength(3).ofMaxLength(10).injectNull(0.3);
        return Combinators.combine(caseNumbers, itemCodes, windows, staff).as((c, i, w, s) ->
                ReceiptCase.builder().caseNumber(c).itemCode(i).windowCode(w).staffNumber(s).build());
    }

    private static ReceiptCodeVerifier verifierAt(Instant now) {
        return ReceiptCodeVerifier.builder(Sm2Verifier.builder().key(KEY_ID, PUBLIC_KEY).build())
                .clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    static Path resource(String name) {
        try {
            return Paths.get(ReceiptCodeSm2Test.class.getClassLoader().getResource(name).toURI());
        } catch (Exception e) {
            throw new AssertionError("missing test resource " + name, e);
        }
    }
}
