package org.haochaping.crypto.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.Sm3;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.sign.HmacSigner;
import org.haochaping.crypto.sign.HmacVerifier;
import org.haochaping.crypto.sign.SignatureAlgorithm;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.junit.jupiter.api.Test;

/** The unified signing profile end to end: canonical string, headers, window, replay, tampering. */
class MessageSigningTest {

    static final Instant NOW = Instant.parse("2025-03-14T02:30:00Z");
    static final PrivateKeyMaterial APP_KEY = PrivateKeyMaterial.generateSm2();
    static final byte[] BODY = "[{\"projectNo\":\"TJ-2025-0001\",\"satisfaction\":\"5\"}]".getBytes(StandardCharsets.UTF_8);

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    static MessageSigner signer(Instant now) {
        return MessageSigner.builder(Sm2Signer.builder(APP_KEY).keyId("app-key-1").build()).appId("app-001").clock(at(now)).build();
    }

    static MessageVerifier verifier(Instant now) {
        return MessageVerifier.builder(Sm2Verifier.builder().key("app-key-1", APP_KEY.publicKey()).build())
                .clock(at(now)).expectedAppId("app-001").build();
    }

    static CryptoException.Reason reason(Runnable action) {
        try {
            action.run();
            return null;
        } catch (CryptoException e) {
            return e.reason();
        }
    }

    @Test
    void canonicalStringHasTheDocumentedTenLines() {
        CanonicalMessage canonical = CanonicalMessage.builder().algorithm("SM2-SM3").direction(MessageDirection.REQUEST)
                .method("POST").path("/v1/evaluations").query("b=2&a=%E5%A5%BD&a=1&flag")
                .appId("app-001").keyId("k1").timestamp(1741919400L).nonce("0123456789abcdef0123456789abcdef")
                .body(BODY).build();
        assertThat(canonical.text()).isEqualTo(String.join("\n",
                "HCP1-SM2-SM3", "REQUEST", "POST", "/v1/evaluations", "a=%E5%A5%BD&a=1&b=2&flag", // same-name parts keep their order
                "app-001", "k1", "1741919400", "0123456789abcdef0123456789abcdef", Sm3.hex(BODY)));
    }

    @Test
    void pathAndQueryAreNormalisedSoBothSidesAgree() {
        assertThat(CanonicalMessage.canonicalPath("/v1/cases/TJ%2d001/%e5%a5%bd")).isEqualTo("/v1/cases/TJ-001/%E5%A5%BD");
        assertThat(CanonicalMessage.canonicalPath("")).isEqualTo("/");
        assertThat(CanonicalMessage.canonicalQuery("q=a+b&x=%7e&&z")).isEqualTo("q=a+b&x=~&z");
        assertThat(CanonicalMessage.canonicalQuery(null)).isEmpty();
        assertThat(reason(() -> CanonicalMessage.canonicalQuery("a=%zz"))).isEqualTo(CryptoException.Reason.MALFORMED);
        assertThat(reason(() -> CanonicalMessage.canonicalPath("v1/no-slash"))).isEqualTo(CryptoException.Reason.MALFORMED);
    }

    @Test
    void signedRequestVerifiesWithHeadersInAnyCase() {
        SignedHeaders headers = signer(NOW).signRequest("POST", "/v1/evaluations", "areaCode=120101", BODY);
        assertThat(headers.asMap()).containsOnlyKeys(SignatureHeaders.APP_ID, SignatureHeaders.KEY_ID, SignatureHeaders.ALGORITHM,
                SignatureHeaders.TIMESTAMP, SignatureHeaders.NONCE, SignatureHeaders.SIGNATURE);
        assertThat(headers.timestamp()).isEqualTo(NOW.getEpochSecond());
        Map<String, String> lowerCase = new HashMap<>();
        headers.asMap().forEach((k, v) -> lowerCase.put(k.toLowerCase(), v));
        VerifiedMessage verified = verifier(NOW.plusSeconds(30)).verify(MessageDirection.REQUEST, "POST", "/v1/evaluations",
                "areaCode=120101", lowerCase, BODY);
        assertThat(verified.appId()).isEqualTo("app-001");
        assertThat(verified.keyId()).isEqualTo("app-key-1");
        assertThat(verified.timestamp()).isEqualTo(NOW);
    }

    @Test
    void anyChangedPartFailsTheSignature() {
        SignedHeaders headers = signer(NOW).signRequest("POST", "/v1/evaluations", "areaCode=120101", BODY);
        Map<String, String> h = headers.asMap();
        byte[] otherBody = "[{\"projectNo\":\"TJ-2025-0001\",\"satisfaction\":\"1\"}]".getBytes(StandardCharsets.UTF_8);
        assertThat(reason(() -> verifier(NOW).verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", "areaCode=120101", h, otherBody)))
                .isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
        assertThat(reason(() -> verifier(NOW).verify(MessageDirection.REQUEST, "PUT", "/v1/evaluations", "areaCode=120101", h, BODY)))
                .isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
        assertThat(reason(() -> verifier(NOW).verify(MessageDirection.REQUEST, "POST", "/v1/cases", "areaCode=120101", h, BODY)))
                .isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
        assertThat(reason(() -> verifier(NOW).verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", "areaCode=120102", h, BODY)))
                .isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
        assertThat(reason(() -> verifier(NOW).verifyResponse("POST", "/v1/evaluations", "areaCode=120101",
                "0123456789abcdef0123456789abcdef", BODY, h, BODY)))
                .as("a request signature must not pass as a response").isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
        Map<String, String> otherTime = new HashMap<>(h);
        otherTime.put(SignatureHeaders.TIMESTAMP, Long.toString(NOW.getEpochSecond() + 1));
        assertThat(reason(() -> verifier(NOW).verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", "areaCode=120101", otherTime, BODY)))
                .isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
    }

    @Test
    void timestampsOutsideTheWindowAreExpiredAndTheWindowIsConfigurable() {
        SignedHeaders headers = signer(NOW).signRequest("GET", "/v1/indicators", null, null);
        Map<String, String> h = headers.asMap();
        assertThat(reason(() -> verifier(NOW.plus(Duration.ofMinutes(5))).verify(MessageDirection.REQUEST, "GET", "/v1/indicators", null, h, null))).isNull();
        assertThat(reason(() -> verifier(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)).verify(MessageDirection.REQUEST, "GET", "/v1/indicators", null, h, null)))
                .isEqualTo(CryptoException.Reason.EXPIRED);
        assertThat(reason(() -> verifier(NOW.minus(Duration.ofMinutes(6))).verify(MessageDirection.REQUEST, "GET", "/v1/indicators", null, h, null)))
                .as("a sender clock ahead of ours").isEqualTo(CryptoException.Reason.EXPIRED);
        MessageVerifier lenient = MessageVerifier.builder(Sm2Verifier.builder().key("app-key-1", APP_KEY.publicKey()).build())
                .clock(at(NOW.plus(Duration.ofMinutes(9)))).allowedSkew(Duration.ofMinutes(10)).build();
        assertThat(reason(() -> lenient.verify(MessageDirection.REQUEST, "GET", "/v1/indicators", null, h, null))).isNull();
    }

    @Test
    void aRepeatedNonceIsAReplay() {
        SignedHeaders headers = signer(NOW).signRequest("POST", "/v1/evaluations", null, BODY);
        MessageVerifier verifier = verifier(NOW);
        verifier.verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", null, headers.asMap(), BODY);
        assertThat(reason(() -> verifier.verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", null, headers.asMap(), BODY)))
                .isEqualTo(CryptoException.Reason.REPLAYED);
        SignedHeaders next = signer(NOW).signRequest("POST", "/v1/evaluations", null, BODY);
        assertThat(next.nonce()).isNotEqualTo(headers.nonce()).hasSize(32);
        assertThat(reason(() -> verifier.verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", null, next.asMap(), BODY))).isNull();
    }

    @Test
    void forgedMessagesDoNotTakeReplaySlots() {
        InMemoryReplayGuard guard = new InMemoryReplayGuard(10);
        MessageVerifier verifier = MessageVerifier.builder(Sm2Verifier.builder().key("app-key-1", APP_KEY.publicKey()).build())
                .clock(at(NOW)).replayGuard(guard).build();
        SignedHeaders headers = signer(NOW).signRequest("POST", "/v1/evaluations", null, BODY);
        reason(() -> verifier.verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", null, headers.asMap(), "forged".getBytes(StandardCharsets.UTF_8)));
        assertThat(guard.size()).isZero();
        assertThat(reason(() -> verifier.verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", null, headers.asMap(), BODY))).isNull();
        assertThat(guard.size()).isOne();
    }

    @Test
    void replayGuardIsBoundedAndForgetsExpiredNonces() {
        InMemoryReplayGuard guard = new InMemoryReplayGuard(3);
        long now = 1_000_000L;
        assertThat(guard.firstSeen("a", now, now + 100)).isTrue();
        assertThat(guard.firstSeen("a", now + 50, now + 150)).isFalse();
        assertThat(guard.firstSeen("b", now, now + 100)).isTrue();
        assertThat(guard.firstSeen("c", now, now + 100)).isTrue();
        assertThat(guard.firstSeen("d", now, now + 100)).isTrue(); // evicts "a", the eldest
        assertThat(guard.size()).isEqualTo(3);
        assertThat(guard.firstSeen("b", now + 101, now + 200)).as("expired entries are forgotten").isTrue();
        assertThat(guard.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void missingOrBadHeadersAreMalformedAndUnknownKeysAreTold() {
        SignedHeaders headers = signer(NOW).signRequest("POST", "/v1/evaluations", null, BODY);
        for (String name : headers.asMap().keySet()) {
            Map<String, String> missing = new HashMap<>(headers.asMap());
            missing.remove(name);
            assertThat(reason(() -> verifier(NOW).verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", null, missing, BODY)))
                    .as(name).isEqualTo(CryptoException.Reason.MALFORMED);
        }
        Map<String, String> badNonce = new HashMap<>(headers.asMap());
        badNonce.put(SignatureHeaders.NONCE, "short");
        assertThat(reason(() -> verifier(NOW).verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", null, badNonce, BODY)))
                .isEqualTo(CryptoException.Reason.MALFORMED);
        Map<String, String> badSignature = new HashMap<>(headers.asMap());
        badSignature.put(SignatureHeaders.SIGNATURE, "@@@");
        assertThat(reason(() -> verifier(NOW).verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", null, badSignature, BODY)))
                .isEqualTo(CryptoException.Reason.MALFORMED);
        Map<String, String> otherKey = new HashMap<>(headers.asMap());
        otherKey.put(SignatureHeaders.KEY_ID, "app-key-9");
        assertThat(reason(() -> verifier(NOW).verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", null, otherKey, BODY)))
                .isEqualTo(CryptoException.Reason.UNKNOWN_KEY);
        Map<String, String> otherApp = new HashMap<>(headers.asMap());
        otherApp.put(SignatureHeaders.APP_ID, "app-002");
        assertThat(reason(() -> verifier(NOW).verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", null, otherApp, BODY)))
                .isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
    }

    @Test
    void platformSignsResponsesOverTheRequestLineAndHmacPlatformsWorkTheSameWay() {
        byte[] secret = "platform-shared-secret-0123456789".getBytes(StandardCharsets.US_ASCII);
        MessageSigner platform = MessageSigner.builder(HmacSigner.of(SignatureAlgorithm.HMAC_SM3, "platform-hmac-1", secret))
                .clock(at(NOW)).build();
        byte[] responseBody = "{\"success\":true,\"code\":\"200\"}".getBytes(StandardCharsets.UTF_8);
        String requestNonce = "0123456789abcdef0123456789abcdef";
        SignedHeaders response = platform.signResponse("app-001", "POST", "/v1/evaluations", null, requestNonce, BODY, responseBody);
        HmacVerifier hmac = new HmacVerifier(SignatureAlgorithm.HMAC_SM3);
        hmac.addKey("platform-hmac-1", secret);
        MessageVerifier sdk = MessageVerifier.builder(hmac).clock(at(NOW)).expectedAppId("app-001").build();
        assertThat(sdk.verifyResponse("POST", "/v1/evaluations", null, requestNonce, BODY, response.asMap(), responseBody).keyId())
                .isEqualTo("platform-hmac-1");
        MessageVerifier sm2Only = verifier(NOW);
        assertThat(reason(() -> sm2Only.verifyResponse("POST", "/v1/evaluations", null, requestNonce, BODY, response.asMap(), responseBody)))
                .as("algorithm header must match the verifier").isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
        MessageVerifier fresh = MessageVerifier.builder(hmac).clock(at(NOW)).expectedAppId("app-001").build();
        assertThat(reason(() -> fresh.verifyResponse("POST", "/v1/evaluations", null, "fedcba9876543210fedcba9876543210", BODY,
                response.asMap(), responseBody))).as("an answer to another request (nonce)").isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
        assertThat(reason(() -> fresh.verifyResponse("POST", "/v1/evaluations", null, requestNonce, new byte[] {'[', ']'},
                response.asMap(), responseBody))).as("an answer to another body").isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
    }
}
