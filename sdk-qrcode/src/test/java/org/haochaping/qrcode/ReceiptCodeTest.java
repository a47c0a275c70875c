package org.haochaping.qrcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.haochaping.crypto.Signer;
import org.haochaping.crypto.Verifier;
import org.haochaping.qrcode.render.ImageSize;
import org.haochaping.qrcode.render.PngRenderer;
import org.haochaping.qrcode.render.QrEncoder;
import org.haochaping.qrcode.render.QrMatrix;
import org.haochaping.qrcode.testing.Decoders;
import org.haochaping.qrcode.testing.HmacTestKeys;
import org.junit.jupiter.api.Test;

class ReceiptCodeTest {

    private static final byte[] KEY = "department-of-civil-affairs-key!".getBytes(StandardCharsets.US_ASCII);
    private static final Signer SIGNER = HmacTestKeys.signer("mca-2025", KEY);
    private static final Verifier VERIFIER = HmacTestKeys.verifier(Map.of("mca-2025", KEY));
    private static final Instant ISSUED = Instant.parse("2025-11-03T02:15:30Z");
    private static final ReceiptCase CASE = ReceiptCase.builder()
            .caseNumber("TJ20251103000123").itemCode("11120000000000000X3000117001")
            .windowCode("A12").staffNumber("0231").build();

    private static ReceiptCodeIssuer issuer(Instant now) {
        return ReceiptCodeIssuer.builder(SIGNER).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    private static ReceiptCodeVerifier verifierAt(Instant now) {
        return ReceiptCodeVerifier.builder(VERIFIER).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    @Test
    void issuedCodeVerifiesWithAllItsFields() {
        ReceiptCode issued = issuer(ISSUED).issue(CASE);
        ReceiptCode verified = verifierAt(ISSUED.plus(Duration.ofDays(3))).verify(issued.text());

        assertThat(verified.receiptCase()).isEqualTo(CASE);
        assertThat(verified.issuedAt()).isEqualTo(ISSUED);
        // Monday 2025-11-03 10:15 in Shanghai: the 5th working day after is Monday 2025-11-10 (Art. 16)
        assertThat(verified.expiresAt()).isEqualTo(Instant.parse("2025-11-10T15:59:59Z"));
        assertThat(verified.keyId()).isEqualTo("mca-2025");
        assertThat(verified.nonce()).matches("[0-9a-f]{16}").isEqualTo(issued.nonce());
        assertThat(verified).isEqualTo(issued);
    }

    @Test
    void textIsThePageWithTheDigitsOfThePayload() {
        String text = issuer(ISSUED).issue(CASE).text();
        assertThat(text).matches("https://zwfw\\.tj\\.gov\\.cn/hcp/e\\?r=[0-9]+");

        String withQuery = ReceiptCodeIssuer.builder(SIGNER).page(EvaluationPage.of("https://x.gov.cn/e?src=r"))
                .build().issue(CASE).text();
        assertThat(withQuery).matches("https://x\\.gov\\.cn/e\\?src=r&r=[0-9]+");
        assertThat(verifierAt(Instant.now()).verify(withQuery).receiptCase()).isEqualTo(CASE);
    }

    @Test
    void noPersonalDataOrSecretIsInTheClear() {
        // The payload carries only the case reference; the HMAC key never appears, nor in toString().
        ReceiptCode code = issuer(ISSUED).issue(CASE);
        byte[] payload = DecimalBlocks.decode(code.text().substring(code.text().indexOf("r=") + 2));
        assertThat(new String(payload, StandardCharsets.ISO_8859_1)).doesNotContain(new String(KEY, StandardCharsets.ISO_8859_1));
        assertThat(code.toString()).contains("TJ20251103000123").doesNotContain(code.text());
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        ReceiptCase minimal = ReceiptCase.builder().caseNumber("C1").itemCode("I1").build();
        ReceiptCode verified = verifierAt(ISSUED).verify(issuer(ISSUED).issue(minimal).text());
        assertThat(verified.receiptCase().windowCode()).isEmpty();
        assertThat(verified.receiptCase().staffNumber()).isEmpty();
        assertThat(verified.receiptCase()).isEqualTo(minimal);
    }

    @Test
    void chineseCaseNumbersTravelAsUtf8InsideThePayload() {
        ReceiptCase chinese = ReceiptCase.builder().caseNumber("津民〔2025〕第0123号").itemCode("婚姻登记-结婚").build();
        ReceiptCode code = issuer(ISSUED).issue(chinese);
        assertThat(verifierAt(ISSUED).verify(code.text()).receiptCase()).isEqualTo(chinese);
        assertThat(code.text()).matches("[\\x21-\\x7E]+"); // still a plain ASCII URL
    }

    @Test
    void everyCodeHasItsOwnNonce() {
        ReceiptCodeIssuer issuer = issuer(ISSUED);
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            nonces.add(issuer.issue(CASE).nonce());
        }
        assertThat(nonces).hasSize(200);
    }

    @Test
    void printedCodeDecodesWithBothDecodersAndVerifies() {
        ReceiptCode code = issuer(ISSUED).issue(CASE);
        QrMatrix matrix = QrEncoder.builder().build().encode(code.text());
        byte[] png = PngRenderer.builder().size(ImageSize.millimetres(30, 203)).build().render(matrix);

        Decoders.assertPngDecodesTo(png, code.text());
        String scanned = Decoders.zxing(png).getText();
        assertThat(verifierAt(ISSUED).verify(scanned).receiptCase()).isEqualTo(CASE);
    }

    @Test
    void theDefaultValidityCoversTheWholeUnevaluatedWindowOfArt16() {
        // issued Thursday 2026-09-24 16:00: 中秋 Sep 25-27, then Sep 28, 29, 30, National Day Oct 1-7, Oct 8, 9
        ReceiptCode code = issuer(Instant.parse("2026-09-24T08:00:00Z")).issue(CASE);
        assertThat(code.expiresAt()).isEqualTo(java.time.OffsetDateTime.parse("2026-10-09T23:59:59+08:00").toInstant());
        // across the end of the bundled arrangements: 2027-01-01 is a statutory holiday (provisional data)
        ReceiptCode december = issuer(Instant.parse("2026-12-28T02:00:00Z")).issue(CASE);
        assertThat(december.expiresAt()).isEqualTo(java.time.OffsetDateTime.parse("2027-01-05T23:59:59+08:00").toInstant());
        // a calendar with local closures moves it
        org.haochaping.calendar.WorkingDayCalendar closed = org.haochaping.calendar.WorkingDayCalendar.official().toBuilder()
                .load(new java.io.StringReader("2026-10-09\tclosure\t-\thall closed\n"), "closures").build();
        ReceiptCode later = ReceiptCodeIssuer.builder(SIGNER).calendar(closed)
                .clock(Clock.fixed(Instant.parse("2026-09-24T08:00:00Z"), ZoneOffset.UTC)).build().issue(CASE);
        assertThat(later.expiresAt()).isEqualTo(java.time.OffsetDateTime.parse("2026-10-10T23:59:59+08:00").toInstant());
    }

    @Test
    void validityIsConfigurable() {
        ReceiptCode code = ReceiptCodeIssuer.builder(SIGNER).validity(Duration.ofHours(2))
                .clock(Clock.fixed(ISSUED, ZoneOffset.UTC)).build().issue(CASE);
        assertThat(code.expiresAt()).isEqualTo(ISSUED.plusSeconds(7200));
        assertThatThrownBy(() -> ReceiptCodeIssuer.builder(SIGNER).validity(Duration.ofSeconds(59)))
                .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("validity:");
        assertThatThrownBy(() -> ReceiptCodeIssuer.builder(SIGNER).validity(Duration.ofDays(367)))
                .isInstanceOf(InvalidFieldException.class);
    }

    // --- expiry and clock skew ---

    @Test
    void expiryHonoursTheClockSkewToTheSecond() {
        ReceiptCode code = issuer(ISSUED).issue(CASE);
        Instant lastAccepted = code.expiresAt().plus(ReceiptCodeVerifier.DEFAULT_CLOCK_SKEW);

        assertThat(verifierAt(lastAccepted).verify(code.text())).isEqualTo(code);
        assertThatThrownBy(() -> verifierAt(lastAccepted.plusSeconds(1)).verify(code.text()))
                .isInstanceOf(ExpiredCodeException.class)
                .hasMessageContaining("expired at " + code.expiresAt())
                .satisfies(e -> assertThat(((InvalidCodeException) e).reason()).isEqualTo(InvalidCodeException.Reason.EXPIRED))
                .satisfies(e -> assertThat(((ExpiredCodeException) e).expiresAt()).isEqualTo(code.expiresAt()));
    }

    @Test
    void zeroSkewIsExact() {
        ReceiptCode code = issuer(ISSUED).issue(CASE);
        ReceiptCodeVerifier strict = ReceiptCodeVerifier.builder(VERIFIER).clockSkew(Duration.ZERO)
                .clock(Clock.fixed(code.expiresAt().plusSeconds(1), ZoneOffset.UTC)).build();
        assertThatThrownBy(() -> strict.verify(code.text())).isInstanceOf(ExpiredCodeException.class);
    }

    @Test
    void codeFromTheFutureIsNotYetValid() {
        ReceiptCode code = issuer(ISSUED).issue(CASE);
        Instant skew = ISSUED.minus(ReceiptCodeVerifier.DEFAULT_CLOCK_SKEW);

        assertThat(verifierAt(skew).verify(code.text())).isEqualTo(code);
        assertThatThrownBy(() -> verifierAt(skew.minusSeconds(1)).verify(code.text()))
                .isInstanceOf(NotYetValidCodeException.class)
                .satisfies(e -> assertThat(((InvalidCodeException) e).reason())
                        .isEqualTo(InvalidCodeException.Reason.NOT_YET_VALID));
    }

    // --- signatures ---

    @Test
    void alteringAnyFieldBreaksTheSignature() {
        ReceiptCode code = issuer(ISSUED).issue(CASE);
        byte[] payload = payloadOf(code);
        ReceiptPayload parsed = ReceiptPayload.decode(payload);
        ReceiptCase forged = ReceiptCase.builder().caseNumber("TJ20251103000124").itemCode(CASE.itemCode())
                .windowCode("A12").staffNumber("0231").build();
        byte[] forgedBody = ReceiptPayload.encodeBody(forged, parsed.issuedAt, parsed.expiresAt, parsed.nonce, parsed.keyId);
        String forgedText = "https://zwfw.tj.gov.cn/hcp/e?r=" + DecimalBlocks.encode(ReceiptPayload.payload(forgedBody, parsed.signature));

        assertThatThrownBy(() -> verifierAt(ISSUED).verify(forgedText)).isInstanceOf(BadSignatureException.class)
                .hasMessageContaining("mca-2025")
                .satisfies(e -> assertThat(((InvalidCodeException) e).reason()).isEqualTo(InvalidCodeException.Reason.BAD_SIGNATURE));

        // Extending the expiry is caught the same way.
        byte[] longer = ReceiptPayload.encodeBody(CASE, parsed.issuedAt, parsed.expiresAt + 86_400, parsed.nonce, parsed.keyId);
        String longerText = "https://zwfw.tj.gov.cn/hcp/e?r=" + DecimalBlocks.encode(ReceiptPayload.payload(longer, parsed.signature));
        assertThatThrownBy(() -> verifierAt(ISSUED).verify(longerText)).isInstanceOf(BadSignatureException.class);
    }

    @Test
    void flippingAnySignatureBitIsCaught() {
        ReceiptCode code = issuer(ISSUED).issue(CASE);
        byte[] payload = payloadOf(code);
        int signatureStart = payload.length - 32;
        for (int i = signatureStart; i < payload.length; i++) {
            byte[] tampered = payload.clone();
            tampered[i] ^= 0x01;
            String text = "https://zwfw.tj.gov.cn/hcp/e?r=" + DecimalBlocks.encode(tampered);
            assertThatThrownBy(() -> verifierAt(ISSUED).verify(text)).isInstanceOf(BadSignatureException.class);
        }
    }

    @Test
    void unknownKeyOrOtherAlgorithmIsABadSignature() {
        ReceiptCode code = ReceiptCodeIssuer.builder(HmacTestKeys.signer("other-key", KEY)).build().issue(CASE);
        assertThatThrownBy(() -> verifierAt(Instant.now()).verify(code.text())).isInstanceOf(BadSignatureException.class)
                .hasMessageContaining("other-key");

        // Same key bytes, but the verifier claims another algorithm: the name is bound into the signed bytes.
        Verifier renamed = new Verifier() {
            @Override
            public String algorithm() {
                return "HMAC-SM3";
            }

            @Override
            public boolean verify(String keyId, byte[] message, byte[] signature) {
                return VERIFIER.verify(keyId, message, signature);
            }
        };
        String text = issuer(ISSUED).issue(CASE).text();
        assertThatThrownBy(() -> ReceiptCodeVerifier.builder(renamed).clock(Clock.fixed(ISSUED, ZoneOffset.UTC)).build()
                .verify(text)).isInstanceOf(BadSignatureException.class);
    }

    @Test
    void signatureIsCheckedBeforeTheTime() {
        ReceiptCode code = ReceiptCodeIssuer.builder(HmacTestKeys.signer("other-key", KEY))
                .clock(Clock.fixed(ISSUED, ZoneOffset.UTC)).build().issue(CASE);
        // Expired and forged: the forgery is what gets reported.
        assertThatThrownBy(() -> verifierAt(ISSUED.plus(Duration.ofDays(400))).verify(code.text()))
                .isInstanceOf(BadSignatureException.class);
    }

    @Test
    void signedBytesAreDomainAlgorithmAndBody() {
        byte[] body = {1, 2, 3};
        assertThat(ReceiptPayload.signedBytes("SM2-SM3", body)).isEqualTo(
                new byte[] {'H', 'C', 'P', '-', 'R', 'E', 'C', 'E', 'I', 'P', 'T', 0, 7, 'S', 'M', '2', '-', 'S', 'M', '3', 1, 2, 3});
    }

    // --- malformed content ---

    @Test
    void malformedTextIsNamed() {
        ReceiptCodeVerifier verifier = verifierAt(ISSUED);
        String good = issuer(ISSUED).issue(CASE).text();
        String digits = good.substring(good.indexOf("r=") + 2);

        assertMalformed(verifier, null, "text");
        assertMalformed(verifier, "", "text");
        assertMalformed(verifier, "hello", "text");
        assertMalformed(verifier, "https://zwfw.tj.gov.cn/hcp/e?a=120101&h=H&w=W", "text");
        assertMalformed(verifier, "https://zwfw.tj.gov.cn/hcp/e?r=" + digits + "&x=1", "text");
        assertMalformed(verifier, "https://zwfw.tj.gov.cn/hcp/e?r=" + digits + " ", "text");
        assertMalformed(verifier, "https://zwfw.tj.gov.cn/hcp/e?r=" + digits.substring(1), "payload");
        assertMalformed(verifier, textOf(java.util.Arrays.copyOf(payloadOf(good), payloadOf(good).length - 5)), "signature");
        assertMalformed(verifier, "https://zwfw.tj.gov.cn/hcp/e?r=" + digits.substring(0, 5) + "x" + digits.substring(6), "payload");
        assertMalformed(verifier, "https://zwfw.tj.gov.cn/hcp/e?r=", "version");
    }

    @Test
    void malformedPayloadsAreNamedByField() {
        ReceiptCodeVerifier verifier = verifierAt(ISSUED);
        byte[] payload = payloadOf(issuer(ISSUED).issue(CASE));

        byte[] version2 = payload.clone();
        version2[0] = 2;
        assertMalformed(verifier, textOf(version2), "version");

        byte[] reservedFlag = payload.clone();
        reservedFlag[1] |= 0x04;
        assertMalformed(verifier, textOf(reservedFlag), "flags");

        byte[] expiresBeforeIssued = payload.clone();
        System.arraycopy(payload, 2, expiresBeforeIssued, 6, 4); // expires = issued
        assertMalformed(verifier, textOf(expiresBeforeIssued), "expires");

        byte[] trailing = java.util.Arrays.copyOf(payload, payload.length + 1);
        assertMalformed(verifier, textOf(trailing), "payload");

        byte[] truncated = java.util.Arrays.copyOf(payload, 20);
        assertMalformed(verifier, textOf(truncated), "keyId");

        // The key id starts at byte 18: its length byte, then "mca-2025".
        byte[] badKeyId = payload.clone();
        badKeyId[19] = ' ';
        assertMalformed(verifier, textOf(badKeyId), "keyId");

        // The case number follows: length byte at 27, text from 28.
        byte[] invalidUtf8 = payload.clone();
        invalidUtf8[28] = (byte) 0xC0;
        assertMalformed(verifier, textOf(invalidUtf8), "caseNumber");

        byte[] controlCharacter = payload.clone();
        controlCharacter[28] = 0x07;
        assertMalformed(verifier, textOf(controlCharacter), "caseNumber");

        byte[] emptySignature = java.util.Arrays.copyOf(payload, payload.length - 32);
        emptySignature[emptySignature.length - 1] = 0;
        assertMalformed(verifier, textOf(emptySignature), "signature");
    }

    @Test
    void badInputToTheIssuerIsNamed() {
        assertThatThrownBy(() -> ReceiptCase.builder().itemCode("I").build())
                .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("caseNumber: is required");
        assertThatThrownBy(() -> ReceiptCase.builder().caseNumber("C".repeat(51)).itemCode("I").build())
                .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("caseNumber:");
        assertThatThrownBy(() -> ReceiptCase.builder().caseNumber(" C1").itemCode("I").build())
                .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("caseNumber:");
        assertThatThrownBy(() -> ReceiptCase.builder().caseNumber("C1").itemCode("I\n2").build())
                .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("itemCode:")
                .hasMessageNotContaining("I\n2");
        assertThatThrownBy(() -> ReceiptCase.builder().caseNumber("C1").itemCode("I").windowCode("窗口").build())
                .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("windowCode:");
        assertThatThrownBy(() -> ReceiptCase.builder().caseNumber("C1").itemCode("I").staffNumber("").build())
                .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("staffNumber:");
        assertThatThrownBy(() -> ReceiptCodeIssuer.builder(HmacTestKeys.signer("bad key id", KEY)).build())
                .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("keyId:");
    }

    @Test
    void aSignerReturningNoSignatureIsAnError() {
        Signer broken = new Signer() {
            @Override
            public String algorithm() {
                return "NONE";
            }

            @Override
            public String keyId() {
                return "k";
            }

            @Override
            public byte[] sign(byte[] message) {
                return new byte[0];
            }
        };
        assertThatThrownBy(() -> ReceiptCodeIssuer.builder(broken).build().issue(CASE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("0 bytes");
    }

    private static void assertMalformed(ReceiptCodeVerifier verifier, String text, String field) {
        assertThatThrownBy(() -> verifier.verify(text)).isInstanceOf(MalformedCodeException.class)
                .satisfies(e -> assertThat(((MalformedCodeException) e).field()).isEqualTo(field))
                .satisfies(e -> assertThat(((InvalidCodeException) e).reason()).isEqualTo(InvalidCodeException.Reason.MALFORMED));
    }

    private static byte[] payloadOf(ReceiptCode code) {
        return payloadOf(code.text());
    }

    private static byte[] payloadOf(String text) {
        return DecimalBlocks.decode(text.substring(text.indexOf("?r=") + 3));
    }

    private static String textOf(byte[] payload) {
        return "https://zwfw.tj.gov.cn/hcp/e?r=" + DecimalBlocks.encode(payload);
    }
}
