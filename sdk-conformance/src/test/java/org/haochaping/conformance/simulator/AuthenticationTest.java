package org.haochaping.conformance.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.request.MessageDirection;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.request.MessageVerifier;
import org.haochaping.crypto.sign.EcdsaP256Signer;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request signatures (section 4) as the platform checks them, and the signature on every response. */
class AuthenticationTest {

    static final MutableClock CLOCK = new MutableClock();
    static SimulatedPlatform platform;
    static AppCredentials app;
    static SigningClient client;

    @BeforeAll
    static void start() {
        platform = SimulatedPlatform.builder().clock(CLOCK).start();
        app = platform.newApp("hall-terminal-7");
        client = new SigningClient(platform, app, CLOCK);
    }

    @AfterAll
    static void stop() {
        platform.stop();
    }

    @BeforeEach
    void reset() {
        platform.reset();
    }

    private static String body() {
        return Payloads.records(Payloads.good("TJ-A-0001"));
    }

    @Test
    void aSignedRequestIsAcceptedAndItsResponseVerifiesWithThePlatformKeyOverTheRequestLine() throws Exception {
        Reply reply = client.get("/v1/work-orders?pageSize=5&state=CREATED");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().firstValue("X-Hcp-Key-Id")).hasValue(platform.platformKeyId());
        assertThat(reply.headers().firstValue("X-Hcp-App-Id")).hasValue("hall-terminal-7");
        assertThat(reply.headers().firstValue("X-Hcp-Algorithm")).hasValue("SM2-SM3");
    }

    @Test
    void aResponseDoesNotVerifyForAnotherRequestLineOrAsARequest() throws Exception {
        HttpResponse<byte[]> raw = client.http().send(
                client.request("GET", "/v1/indicators", null, null, h -> h), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        raw.headers().map().forEach((k, v) -> headers.put(k, v.get(0)));
        MessageVerifier verifier = MessageVerifier.builder(
                Sm2Verifier.builder().key(platform.platformKeyId(), platform.platformPublicKey()).build()).clock(CLOCK).build();

        String nonce = raw.request().headers().firstValue("X-Hcp-Nonce").orElseThrow();
        assertThatThrownBy(() -> verifier.verifyResponse("GET", "/v1/work-orders", null, nonce, null, headers, raw.body()))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.SIGNATURE_INVALID));
        assertThatThrownBy(() -> verifier.verify(MessageDirection.REQUEST, "GET", "/v1/indicators", null, headers, raw.body()))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.SIGNATURE_INVALID));
        assertThatThrownBy(() -> verifier.verifyResponse("GET", "/v1/indicators", null, "0123456789abcdef0123456789abcdef",
                null, headers, raw.body()))
                .as("bound to the request's nonce: not an answer to another request")
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.SIGNATURE_INVALID));
        verifier.verifyResponse("GET", "/v1/indicators", null, nonce, null, headers, raw.body());
    }

    @Test
    void aSignatureOverAnotherBodyIsRefused() throws Exception {
        String signedBody = body();
        String sentBody = Payloads.records(Payloads.good("TJ-A-0002"));
        var signed = app.messageSigner(CLOCK).signRequest("POST", "/v1/evaluations", null, signedBody.getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/v1/evaluations"))
                .POST(HttpRequest.BodyPublishers.ofString(sentBody)).header("Content-Type", "application/json")
                .header("Idempotency-Key", "k-body");
        signed.asMap().forEach(b::header);
        Reply reply = client.verified("POST", "/v1/evaluations", sentBody, client.http().send(b.build(), HttpResponse.BodyHandlers.ofByteArray()));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("SIGNATURE_INVALID");
        assertThat(platform.observations().countedEvaluations()).isZero();
    }

    @Test
    void aTamperedSignatureIsRefused() throws Exception {
        Reply reply = client.send("POST", "/v1/evaluations", body(), "k1", h -> {
            String s = h.get("X-Hcp-Signature");
            h.put("X-Hcp-Signature", s.substring(0, 20) + (s.charAt(20) == 'A' ? 'B' : 'A') + s.substring(21));
            return h;
        });

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("SIGNATURE_INVALID");
        assertThat(platform.observations().rejections()).singleElement()
                .satisfies(r -> assertThat(r.code()).isEqualTo(ErrorCode.SIGNATURE_INVALID));
    }

    @Test
    void missingHeadersAndUnknownKeyIdsAreSignatureFailures() throws Exception {
        Reply noSignature = client.send("GET", "/v1/indicators", null, null, h -> {
            h.remove("X-Hcp-Signature");
            return h;
        });
        Reply unknownKey = client.send("GET", "/v1/indicators", null, null, h -> {
            h.put("X-Hcp-Key-Id", "retired-key");
            return h;
        });

        assertThat(noSignature.code()).isEqualTo("SIGNATURE_INVALID");
        assertThat(noSignature.message()).contains("X-Hcp-Signature");
        assertThat(unknownKey.status()).isEqualTo(401);
        assertThat(unknownKey.code()).isEqualTo("SIGNATURE_INVALID");
    }

    @Test
    void anExpiredTimestampIsRefused() throws Exception {
        MutableClock late = new MutableClock(CLOCK.instant().minus(Duration.ofMinutes(6)));
        SigningClient slow = new SigningClient(platform, "hall-terminal-7", app.messageSigner(late), CLOCK);

        Reply reply = slow.get("/v1/indicators");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("TIMESTAMP_EXPIRED");
    }

    @Test
    void aTimestampInsideTheWindowIsAccepted() throws Exception {
        MutableClock skewed = new MutableClock(CLOCK.instant().plus(Duration.ofMinutes(4)));
        SigningClient ahead = new SigningClient(platform, "hall-terminal-7", app.messageSigner(skewed), CLOCK);

        assertThat(ahead.get("/v1/indicators").status()).isEqualTo(200);
    }

    @Test
    void aReplayedNonceIsRefusedAndChangesNothing() throws Exception {
        HttpRequest request = client.request("POST", "/v1/evaluations", body(), "k-replay", h -> h);
        Reply first = client.verified("POST", "/v1/evaluations", body(), client.http().send(request, HttpResponse.BodyHandlers.ofByteArray()));
        Reply replayed = client.verified("POST", "/v1/evaluations", body(), client.http().send(request, HttpResponse.BodyHandlers.ofByteArray()));

        assertThat(first.status()).isEqualTo(200);
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.code()).isEqualTo("NONCE_REPLAYED");
        assertThat(platform.observations().countedEvaluations()).isEqualTo(1);
    }

    @Test
    void anUnregisteredAppIsUnknown() throws Exception {
        MessageSigner stranger = MessageSigner.builder(Sm2Signer.builder(PrivateKeyMaterial.generateSm2()).build())
                .appId("stranger").clock(CLOCK).build();
        SigningClient strangerClient = new SigningClient(platform, "stranger", stranger, CLOCK);

        Reply reply = strangerClient.get("/v1/indicators");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("UNKNOWN_APP");
        assertThat(reply.headers().firstValue("X-Hcp-App-Id")).hasValue("stranger");
        assertThat(platform.observations().rejections()).singleElement().satisfies(r -> {
            assertThat(r.appId()).isEqualTo("stranger");
            assertThat(r.message()).contains("stranger").contains("not registered");
        });
    }

    @Test
    void anAppMayNotSignAsAnotherApp() throws Exception {
        AppCredentials other = platform.newApp("other-system");
        SigningClient impostor = new SigningClient(platform, "other-system", app.messageSigner(CLOCK), CLOCK);

        Reply reply = impostor.send("GET", "/v1/indicators", null, null, h -> {
            h.put("X-Hcp-Key-Id", other.keyId());
            return h;
        });

        assertThat(reply.code()).isEqualTo("SIGNATURE_INVALID");
    }

    @Test
    void appsCanSignWithEcdsaP256() throws Exception {
        PrivateKeyMaterial key = PrivateKeyMaterial.generateP256();
        platform.registerApp("p256-app", "p256-key-1", key.publicKey());
        MessageSigner signer = MessageSigner.builder(EcdsaP256Signer.of(key, "p256-key-1", org.haochaping.crypto.sign.SignatureEncoding.DER))
                .appId("p256-app").clock(CLOCK).build();

        Reply reply = new SigningClient(platform, "p256-app", signer, CLOCK).get("/v1/indicators");

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void aRequestWithoutAppIdGetsAResponseSignedForNoApp() throws Exception {
        HttpResponse<byte[]> raw = client.http().send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/v1/indicators")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        Reply reply = client.verified("GET", "/v1/indicators", null, raw);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers().firstValue("X-Hcp-App-Id")).hasValue("-");
        assertThat(reply.message()).contains("X-Hcp-App-Id");
    }

    @Test
    void lenientModeServesUnsignedRequestsAndStillSignsResponses() throws Exception {
        try (SimulatedPlatform lenient = SimulatedPlatform.builder().strict(false).clock(CLOCK).start()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(lenient.baseUrl() + "/v1/evaluations"))
                    .POST(HttpRequest.BodyPublishers.ofString(body())).build();
            HttpResponse<byte[]> raw = client.http().send(request, HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            raw.headers().map().forEach((k, v) -> headers.put(k, v.get(0)));

            assertThat(raw.statusCode()).isEqualTo(200);
            assertThat(lenient.observations().countedEvaluations()).isEqualTo(1);
            MessageVerifier.builder(Sm2Verifier.builder().key(lenient.platformKeyId(), lenient.platformPublicKey()).build())
                    .clock(CLOCK).expectedAppId("anonymous").build()
                    .verifyResponse("POST", "/v1/evaluations", null, null, body().getBytes(StandardCharsets.UTF_8), headers, raw.body());
        }
    }

    @Test
    void strictModeWantsJsonContent() throws Exception {
        Reply reply = client.send("POST", "/v1/evaluations", body(), "k-ct", h -> h);
        assertThat(reply.status()).isEqualTo(200);

        HttpRequest plain = HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/v1/evaluations"))
                .POST(HttpRequest.BodyPublishers.ofString(body())).header("Content-Type", "text/plain")
                .header("Idempotency-Key", "k-ct2")
                .headers(app.messageSigner(CLOCK).signRequest("POST", "/v1/evaluations", null, body().getBytes(StandardCharsets.UTF_8))
                        .asMap().entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new))
                .build();
        Reply refused = client.verified("POST", "/v1/evaluations", body(), client.http().send(plain, HttpResponse.BodyHandlers.ofByteArray()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).contains("Content-Type");
    }

    @Test
    void wireMocksAdminApiIsClosedSoNobodyCanResetThePlatform() throws Exception {
        HttpResponse<String> reset = client.http().send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/__admin/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> mappings = client.http().send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/__admin/mappings"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(reset.statusCode()).isEqualTo(401);
        assertThat(mappings.statusCode()).isEqualTo(401);
        assertThat(client.get("/v1/indicators").status()).isEqualTo(200);
    }
}
