package org.haochaping.conformance.kit.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.request.MessageDirection;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.request.MessageVerifier;
import org.haochaping.crypto.request.SignedHeaders;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;

/**
 * A client of the kit's platform written without the SDK's client (java.net.http, {@link MessageSigner}), that
 * can be made to misbehave the ways the fault scenarios must catch: a new idempotency key on every attempt, or
 * no verification of responses (so a tampered one is believed and never retried).
 */
final class RawRetryingClient {

    private final ClientConformanceSession session;
    private final MessageSigner signer;
    private final MessageVerifier verifier;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private boolean rekeyOnRetry;
    private boolean verifyResponses = true;
    /** The nonce of the attempt last sent: the response must answer it. */
    private String lastNonce;

    /** {@code clock}: the session's, which it signs and checks the responses' timestamps on. */
    RawRetryingClient(ClientConformanceSession session, PrivateKeyMaterial appKey, java.time.Clock clock) {
        this.session = session;
        this.signer = MessageSigner.builder(Sm2Signer.builder(appKey).keyId(session.appKeyId()).build())
                .appId(session.appId()).clock(clock).build();
        this.verifier = MessageVerifier.builder(Sm2Verifier.builder()
                .key(session.platformKeyId(), session.platformPublicKey()).build()).expectedAppId(session.appId())
                .clock(clock).build();
    }

    /** Broken: every attempt of a write gets a new Idempotency-Key. */
    RawRetryingClient rekeyOnRetry() {
        this.rekeyOnRetry = true;
        return this;
    }

    /** Broken: responses are believed without verifying their signature. */
    RawRetryingClient trustResponses() {
        this.verifyResponses = false;
        return this;
    }

    /**
     * POSTs {@code body}, retrying up to 3 times after a 429 (waiting Retry-After), a 5xx, a lost connection or (when
     * verifying) a response that does not verify. Returns the last status, 0 when no answer came.
     */
    int post(String path, byte[] body) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        int status = 0;
        for (int attempt = 0; attempt < 4; attempt++) {
            if (attempt > 0 && rekeyOnRetry) {
                key = UUID.randomUUID().toString();
            }
            try {
                HttpResponse<byte[]> response = http.send(request("POST", path, body, key, null),
                        HttpResponse.BodyHandlers.ofByteArray());
                status = response.statusCode();
                if (status == 429) {
                    Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
                    continue;
                }
                if (status >= 500) {
                    Thread.sleep(20);
                    continue;
                }
                if (verifyResponses) {
                    verify("POST", path, body, response);
                }
                return status;
            } catch (IOException lost) {
                status = 0;
                Thread.sleep(20);
            } catch (CryptoException unverified) {
                Thread.sleep(20);
            }
        }
        return status;
    }

    /** Sends one signed request as is; {@code canonicalDebug} is sent Base64 in X-Hcp-Debug-Canonical when given. */
    HttpResponse<byte[]> send(String method, String pathAndQuery, byte[] body, String idempotencyKey,
            String canonicalDebug) throws IOException, InterruptedException {
        return http.send(request(method, pathAndQuery, body, idempotencyKey, canonicalDebug),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Signs {@code signedPathAndQuery} but sends the request to {@code pathAndQuery} (a wrong canonical string). */
    HttpRequest request(String method, String pathAndQuery, byte[] body, String idempotencyKey, String canonicalDebug) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? null : pathAndQuery.substring(q + 1);
        SignedHeaders signed = signer.sign(MessageDirection.REQUEST, session.appId(), method, path, query, body);
        lastNonce = signed.asMap().get("X-Hcp-Nonce");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(session.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        signed.asMap().forEach(b::header);
        if (body != null) {
            b.header("Content-Type", "application/json; charset=utf-8");
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        if (canonicalDebug != null) {
            b.header("X-Hcp-Debug-Canonical",
                    Base64.getEncoder().encodeToString(canonicalDebug.getBytes(StandardCharsets.UTF_8)));
        }
        return b.build();
    }

    MessageSigner signer() {
        return signer;
    }

    private void verify(String method, String path, byte[] requestBody, HttpResponse<byte[]> response) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().map().forEach((k, v) -> headers.put(k, v.get(0)));
        verifier.verifyResponse(method, path, null, lastNonce, requestBody, headers, response.body());
    }
}
