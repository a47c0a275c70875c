package org.haochaping.conformance.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.haochaping.crypto.request.MessageDirection;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.request.MessageVerifier;
import org.haochaping.crypto.request.SignedHeaders;
import org.haochaping.crypto.sign.Sm2Verifier;

/**
 * A raw test client of the simulator: java.net.http, requests signed with {@link MessageSigner}, every response
 * verified with the platform key ({@link MessageVerifier}, {@code RESPONSE} direction) before it is read.
 * Deliberately independent of the SDK's own client.
 */
final class SigningClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final SimulatedPlatform platform;
    private final String appId;
    private final MessageSigner signer;
    private final MessageVerifier responses;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Duration timeout = Duration.ofSeconds(30);

    SigningClient(SimulatedPlatform platform, AppCredentials app, Clock clock) {
        this(platform, app.appId(), app.messageSigner(clock), clock);
    }

    SigningClient(SimulatedPlatform platform, String appId, MessageSigner signer, Clock clock) {
        this.platform = platform;
        this.appId = appId;
        this.signer = signer;
        this.responses = MessageVerifier.builder(Sm2Verifier.builder().key(platform.platformKeyId(), platform.platformPublicKey()).build())
                .clock(clock).build();
    }

    SigningClient timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    Reply get(String pathAndQuery) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, null, null, h -> h);
    }

    /** A write with a fresh idempotency key. */
    Reply post(String path, String body) throws IOException, InterruptedException {
        return post(path, body, UUID.randomUUID().toString());
    }

    Reply post(String path, String body, String idempotencyKey) throws IOException, InterruptedException {
        return send("POST", path, body, idempotencyKey, h -> h);
    }

    /**
     * Sends one request; {@code tamper} may change the signed headers before sending (names as in
     * {@link SignedHeaders#asMap()}).
     */
    Reply send(String method, String pathAndQuery, String body, String idempotencyKey,
            UnaryOperator<Map<String, String>> tamper) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request(method, pathAndQuery, body, idempotencyKey, tamper),
                HttpResponse.BodyHandlers.ofByteArray());
        return verified(method, pathAndQuery, body, response);
    }

    HttpRequest request(String method, String pathAndQuery, String body, String idempotencyKey,
            UnaryOperator<Map<String, String>> tamper) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? null : pathAndQuery.substring(q + 1);
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        SignedHeaders signed = signer.sign(MessageDirection.REQUEST, appId, method, path, query, bytes);
        Map<String, String> headers = tamper.apply(new TreeMap<>(signed.asMap()));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(platform.baseUrl() + pathAndQuery)).timeout(timeout)
                .method(method, bytes == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach(b::header);
        if (bytes != null) {
            b.header("Content-Type", "application/json; charset=utf-8");
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return b.build();
    }

    /**
     * Verifies the response signature over this request (its line, the nonce it was sent with and {@code requestBody}),
     * then parses the envelope.
     */
    Reply verified(String method, String pathAndQuery, String requestBody, HttpResponse<byte[]> response) throws IOException {
        int q = pathAndQuery.indexOf('?');
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().map().forEach((k, v) -> headers.put(k, v.get(0)));
        responses.verifyResponse(method, q < 0 ? pathAndQuery : pathAndQuery.substring(0, q),
                q < 0 ? null : pathAndQuery.substring(q + 1), response.request().headers().firstValue("X-Hcp-Nonce").orElse(null),
                requestBody == null ? null : requestBody.getBytes(StandardCharsets.UTF_8), headers, response.body());
        String text = new String(response.body(), StandardCharsets.UTF_8);
        JsonNode json = JSON.readTree(text);
        return new Reply(response.statusCode(), response.headers(), json, text);
    }

    HttpClient http() {
        return http;
    }
}
