package org.haochaping.qrcode;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.haochaping.qrcode.testing.HmacTestKeys;

/**
 * Coverage-guided fuzz target (Jazzer) for scanned code text: receipt codes (grammar, decimal blocks, payload,
 * signature, validity) and window codes. Whatever a camera reads gives a code or an {@link InvalidCodeException}
 * subclass, nothing else. Seeds: {@code src/test/resources/org/haochaping/qrcode/ReceiptCodeTextFuzzTestInputs};
 * commands: {@code docs/security.md}, "Fuzzing".
 */
class ReceiptCodeTextFuzzTest {

    private static final byte[] KEY = "department-of-civil-affairs-key!".getBytes(StandardCharsets.US_ASCII);
    private static final ReceiptCodeVerifier VERIFIER = ReceiptCodeVerifier.builder(
            HmacTestKeys.verifier(Map.of("mca-2025", KEY)))
            .clock(Clock.fixed(Instant.parse("2025-11-04T02:15:30Z"), ZoneOffset.UTC)).build();

    @FuzzTest(maxDuration = "10s")
    void scannedCodeText(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            VERIFIER.verify(text);
        } catch (InvalidCodeException documented) {
            // malformed, bad signature, expired or not yet valid: the documented outcomes
        }
        try {
            WindowCode.parse(text);
        } catch (InvalidCodeException documented) {
            // malformed
        }
    }
}
