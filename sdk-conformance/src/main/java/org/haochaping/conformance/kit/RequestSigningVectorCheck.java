package org.haochaping.conformance.kit;

import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.Sm3;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.request.CanonicalMessage;
import org.haochaping.crypto.request.MessageDirection;
import org.haochaping.crypto.request.MessageVerifier;
import org.haochaping.crypto.sign.Sm2Verifier;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks one request-signing case against the SDK in stages (docs/interface-spec.md section 4): the canonical
 * string the SDK builds from the inputs must be the expected text and the body's SM3 the expected hex, whatever
 * the result; then the request, with the signature as its {@code X-Hcp-Signature} header, goes through
 * {@link MessageVerifier} with the clock at the request's timestamp: a {@code valid} case must be accepted, an
 * {@code invalid} one refused with {@code SIGNATURE_INVALID}.
 */
public final class RequestSigningVectorCheck {

    private RequestSigningVectorCheck() {
    }

    public static CaseResult check(VectorCase c) {
        String method = c.test().path("method").asText();
        String path = c.test().path("path").asText();
        String query = c.test().path("query").asText();
        String appId = c.test().path("appId").asText();
        String keyId = c.test().path("keyId").asText();
        long timestamp = c.test().path("timestamp").asLong();
        String nonce = c.test().path("nonce").asText();
        byte[] body = c.test().path("body").asText().getBytes(StandardCharsets.UTF_8);
        String algorithm = c.group().path("algorithm").asText();
        MessageDirection direction = MessageDirection.valueOf(c.group().path("direction").asText());

        String canonical;
        try {
            canonical = CanonicalMessage.builder().algorithm(algorithm).direction(direction).method(method)
                    .path(path).query(query).appId(appId).keyId(keyId).timestamp(timestamp).nonce(nonce).body(body)
                    .build().text();
        } catch (CryptoException e) {
            return CaseResult.fail(c, "no canonical string (" + e.reason() + ")",
                    "the inputs are well-formed, but building the canonical string was refused: " + e.getMessage());
        }
        String expectedCanonical = c.test().path("canonicalString").asText();
        if (!canonical.equals(expectedCanonical)) {
            return CaseResult.fail(c, "canonical string " + quoted(canonical),
                    "stage 1: the canonical string differs from the expected " + quoted(expectedCanonical));
        }
        String digest = Sm3.hex(body);
        if (!digest.equals(c.test().path("bodySm3").asText())) {
            return CaseResult.fail(c, "body SM3 " + digest, "stage 2: the body's SM3 differs from the expected "
                    + c.test().path("bodySm3").asText());
        }

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Hcp-App-Id", appId);
        headers.put("X-Hcp-Key-Id", keyId);
        headers.put("X-Hcp-Algorithm", algorithm);
        headers.put("X-Hcp-Timestamp", Long.toString(timestamp));
        headers.put("X-Hcp-Nonce", nonce);
        headers.put("X-Hcp-Signature", c.test().path("signature").asText());
        try {
            Sm2Verifier verifier = Sm2Verifier.builder().signerId(c.group().path("signerId").asText())
                    .key(keyId, PemKeys.publicKey(c.group().path("publicKeyPem").asText())).build();
            MessageVerifier.builder(verifier)
                    .clock(Clock.fixed(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC))
                    .build()
                    .verify(direction, method, path, query, headers, body);
        } catch (CryptoException e) {
            String actual = "invalid (" + e.reason() + ")";
            if (c.expectsValid()) {
                return CaseResult.fail(c, actual, "stage 3: expected valid, but the request was refused: "
                        + e.getMessage());
            }
            return e.reason() == CryptoException.Reason.SIGNATURE_INVALID ? CaseResult.pass(c, actual)
                    : CaseResult.fail(c, actual, "stage 3: refused, but with reason " + e.reason()
                            + " instead of SIGNATURE_INVALID");
        } catch (RuntimeException e) {
            return CaseResult.threw(c, e);
        }
        return c.expectsValid() ? CaseResult.pass(c, "valid")
                : CaseResult.fail(c, "valid", "stage 3: expected invalid, but the old signature verified");
    }

    /** The text on one line, with its newlines shown as {@code \n}. */
    private static String quoted(String text) {
        return "\"" + text.replace("\n", "\\n") + "\"";
    }
}
