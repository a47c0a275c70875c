package org.haochaping.conformance.kit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.qrcode.InvalidCodeException.Reason;
import org.haochaping.qrcode.ReceiptCase;
import org.haochaping.qrcode.ReceiptCode;
import org.haochaping.qrcode.ReceiptCodeIssuer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * TCK for a verifier of receipt QR codes (回执二维码, docs/interface-spec.md; the evaluation after the service,
 * Art. 9-10): implement {@link #verify} in a JUnit 5 test class and the default tests issue codes with the SDK's
 * {@link ReceiptCodeIssuer} under a fresh SM2 key and check what the implementation makes of a valid code (with and
 * without window and staff number), a tampered one, an expired one, one not yet valid, malformed text, and a code
 * signed by a key it does not know.
 *
 * <p>The times lie a day beyond the validity window, so any clock-skew tolerance up to a day passes.
 */
public interface ReceiptCodeVerifierContract {

    /** When the contract's codes are issued; they are valid for {@link #VALIDITY}. */
    Instant ISSUED = Instant.parse("2025-11-03T02:15:30Z");
    /** The fixed validity of the contract's codes (the SDK's default ends with the Art. 16 window instead). */
    java.time.Duration VALIDITY = java.time.Duration.ofDays(15);

    /**
     * Verifies a scanned receipt code (the whole text, page URL included) at {@code now}, trusting only the SM2
     * public key in {@code publicKeyPem} (PEM, SubjectPublicKeyInfo) under its default key id.
     *
     * @return the decoded case, or the reason for refusing it; never {@code null}
     */
    ReceiptVerdict verify(String text, String publicKeyPem, Instant now);

    private static ReceiptCode issue(PrivateKeyMaterial key, ReceiptCase receiptCase) {
        return ReceiptCodeIssuer.builder(Sm2Signer.builder(key).build()).clock(Clock.fixed(ISSUED, ZoneOffset.UTC)).validity(VALIDITY).build()
                .issue(receiptCase);
    }

    private static ReceiptCase fullCase() {
        return ReceiptCase.builder().caseNumber("TJ20251103000123").itemCode("11120000000000000X3000117001")
                .windowCode("A12").staffNumber("0231").build();
    }

    private ReceiptVerdict verified(String text, PrivateKeyMaterial key, Instant now) {
        ReceiptVerdict verdict = verify(text, key.publicKey().toPem(), now);
        assertNotNull(verdict, "verify returned null");
        return verdict;
    }

    private static void assertRefused(ReceiptVerdict verdict, Reason... allowed) {
        assertFalse(verdict.isAccepted(), "the code was accepted: " + verdict);
        for (Reason r : allowed) {
            if (r == verdict.refusal()) {
                return;
            }
        }
        fail("refused as " + verdict.refusal() + ", expected " + Arrays.toString(allowed));
    }

    @Test
    default void aValidCodeIsAcceptedWithEveryField() {
        PrivateKeyMaterial key = PrivateKeyMaterial.generateSm2();
        ReceiptCode code = issue(key, fullCase());
        ReceiptVerdict verdict = verified(code.text(), key, ISSUED.plusSeconds(3600));
        assertTrue(verdict.isAccepted(), "a valid code was refused as " + verdict.refusal());
        assertEquals("TJ20251103000123", verdict.caseNumber(), "case number");
        assertEquals("11120000000000000X3000117001", verdict.itemCode(), "item code");
        assertEquals("A12", verdict.windowCode(), "window code");
        assertEquals("0231", verdict.staffNumber(), "staff number");
        assertEquals(ISSUED.plus(VALIDITY), verdict.expiresAt(), "expiry");
    }

    @Test
    default void aValidCodeWithoutWindowOrStaffIsAccepted() {
        PrivateKeyMaterial key = PrivateKeyMaterial.generateSm2();
        ReceiptCode code = issue(key, ReceiptCase.builder().caseNumber("C-42").itemCode("I-7").build());
        ReceiptVerdict verdict = verified(code.text(), key, ISSUED.plusSeconds(60));
        assertTrue(verdict.isAccepted(), "a valid code was refused as " + verdict.refusal());
        assertEquals("C-42", verdict.caseNumber(), "case number");
        assertEquals("I-7", verdict.itemCode(), "item code");
        assertNull(verdict.windowCode(), "window code of a code without one");
        assertNull(verdict.staffNumber(), "staff number of a code without one");
    }

    @Test
    default void aTamperedCodeIsRefused() {
        PrivateKeyMaterial key = PrivateKeyMaterial.generateSm2();
        String text = issue(key, fullCase()).text();
        int digits = text.indexOf("r=") + 2;
        // every third digit of the payload lowered by one: the shape survives, the signed bytes do not
        for (int i = digits + 3; i < text.length(); i += 3) {
            char c = text.charAt(i);
            String tampered = text.substring(0, i) + (char) (c == '0' ? '1' : c - 1) + text.substring(i + 1);
            assertRefused(verified(tampered, key, ISSUED.plusSeconds(3600)), Reason.BAD_SIGNATURE, Reason.MALFORMED);
        }
    }

    @Test
    default void anExpiredCodeIsRefusedAsExpired() {
        PrivateKeyMaterial key = PrivateKeyMaterial.generateSm2();
        ReceiptCode code = issue(key, fullCase());
        assertRefused(verified(code.text(), key, code.expiresAt().plusSeconds(86_400)), Reason.EXPIRED);
    }

    @Test
    default void aCodeFromTheFutureIsRefusedAsNotYetValid() {
        PrivateKeyMaterial key = PrivateKeyMaterial.generateSm2();
        ReceiptCode code = issue(key, fullCase());
        assertRefused(verified(code.text(), key, ISSUED.minusSeconds(86_400)), Reason.NOT_YET_VALID);
    }

    @Test
    default void malformedTextIsRefusedAsMalformed() {
        PrivateKeyMaterial key = PrivateKeyMaterial.generateSm2();
        String text = issue(key, fullCase()).text();
        String[] malformed = {"", "hello", text.substring(0, text.length() / 2), text + "7", text.replace("r=", "q="),
            text.substring(0, text.length() - 1) + "x"};
        for (String m : malformed) {
            assertRefused(verified(m, key, ISSUED.plusSeconds(3600)), Reason.MALFORMED);
        }
    }

    @Test
    default void aCodeSignedByAnUnknownKeyIsRefusedAsBadSignature() {
        PrivateKeyMaterial issuer = PrivateKeyMaterial.generateSm2();
        PrivateKeyMaterial trusted = PrivateKeyMaterial.generateSm2();
        ReceiptCode code = issue(issuer, fullCase());
        assertRefused(verified(code.text(), trusted, ISSUED.plusSeconds(3600)), Reason.BAD_SIGNATURE);
    }
}
