package org.haochaping.conformance.kit;

import com.fasterxml.jackson.databind.JsonNode;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.qrcode.InvalidCodeException;
import org.haochaping.qrcode.ReceiptCode;
import org.haochaping.qrcode.ReceiptCodeVerifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks one dynamic receipt code case (docs/interface-spec.md section 6) against the SDK's
 * {@link ReceiptCodeVerifier}, with the group's public key under its key id and a clock at the case's {@code now}:
 * a {@code valid} code must be accepted and decode to the expected fields; an {@code invalid} one must be refused
 * with the expected reason ({@code MALFORMED}, {@code BAD_SIGNATURE}, {@code EXPIRED}, {@code NOT_YET_VALID}).
 */
public final class ReceiptCodeVectorCheck {

    private ReceiptCodeVectorCheck() {
    }

    public static CaseResult check(VectorCase c) {
        ReceiptCode code;
        try {
            Sm2Verifier keys = Sm2Verifier.builder().signerId(c.group().path("signerId").asText())
                    .key(c.group().path("keyId").asText(), PemKeys.publicKey(c.group().path("publicKeyPem").asText()))
                    .build();
            code = ReceiptCodeVerifier.builder(keys)
                    .clockSkew(Duration.ofSeconds(c.group().path("clockSkewSeconds").asLong()))
                    .clock(Clock.fixed(Instant.parse(c.test().path("now").asText()), ZoneOffset.UTC))
                    .build()
                    .verify(c.test().path("text").asText());
        } catch (InvalidCodeException e) {
            String actual = "invalid (" + e.reason() + ")";
            if (c.expectsValid()) {
                return CaseResult.fail(c, actual, "expected valid, but the code was refused: " + e.getMessage());
            }
            String expectedReason = c.test().path("reason").asText();
            return e.reason().name().equals(expectedReason) ? CaseResult.pass(c, actual)
                    : CaseResult.fail(c, actual, "refused, but with reason " + e.reason() + " instead of "
                            + expectedReason);
        } catch (RuntimeException e) {
            return CaseResult.threw(c, e);
        }
        if (!c.expectsValid()) {
            return CaseResult.fail(c, "valid", "expected invalid (" + c.test().path("reason").asText()
                    + "), but the code was accepted");
        }
        Map<String, String> actual = decoded(code);
        List<String> differences = new ArrayList<>();
        JsonNode expected = c.test().path("decoded");
        for (Map.Entry<String, String> field : actual.entrySet()) {
            JsonNode want = expected.path(field.getKey());
            String wanted = want.isNull() || want.isMissingNode() ? null : want.asText();
            if (!Objects.equals(wanted, field.getValue())) {
                differences.add(field.getKey() + " " + field.getValue() + " instead of " + wanted);
            }
        }
        return differences.isEmpty() ? CaseResult.pass(c, "valid")
                : CaseResult.fail(c, "valid, decoded " + actual, "accepted, but decoded differently: "
                        + String.join("; ", differences));
    }

    private static Map<String, String> decoded(ReceiptCode code) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("keyId", code.keyId());
        out.put("caseNumber", code.receiptCase().caseNumber());
        out.put("itemCode", code.receiptCase().itemCode());
        out.put("windowCode", code.receiptCase().windowCode().orElse(null));
        out.put("staffNumber", code.receiptCase().staffNumber().orElse(null));
        out.put("issuedAt", code.issuedAt().toString());
        out.put("expiresAt", code.expiresAt().toString());
        out.put("nonce", code.nonce());
        return out;
    }
}
