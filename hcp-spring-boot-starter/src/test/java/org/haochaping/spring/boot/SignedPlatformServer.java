package org.haochaping.spring.boot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.request.SignatureHeaders;
import org.haochaping.crypto.sign.Sm2Signer;

/**
 * A platform on the JDK's HTTP server that answers with responses signed by the SDK's own {@link MessageSigner} over
 * the request they answer (method, path, query, nonce, body), as interface-spec 4 asks. Each path answers from a
 * script, in order; when the script is used up, with its default answer. Unsigned answers stand for a proxy's.
 */
final class SignedPlatformServer implements AutoCloseable {

    record Answer(int status, String body, boolean signed) {
    }

    private final HttpServer server;
    private final MessageSigner signer;
    private final String appId;
    private final Map<String, Queue<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Answer> defaults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    SignedPlatformServer(PrivateKeyMaterial platformKey, String keyId, String appId) throws IOException {
        this.signer = MessageSigner.builder(Sm2Signer.builder(platformKey).keyId(keyId).build()).appId(appId).build();
        this.appId = appId;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    /** The answer to every request to {@code path} (below /api) once its script is used up. */
    SignedPlatformServer answer(String path, int status, String body) {
        defaults.put("/api" + path, new Answer(status, body, true));
        return this;
    }

    /** The next answers to {@code path}, in order. */
    SignedPlatformServer then(String path, Answer answer) {
        scripts.computeIfAbsent("/api" + path, p -> new ConcurrentLinkedQueue<>()).add(answer);
        return this;
    }

    int hits(String path) {
        AtomicInteger n = hits.get("/api" + path);
        return n == null ? 0 : n.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request;
            try (InputStream in = exchange.getRequestBody()) {
                request = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getRawPath();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Queue<Answer> script = scripts.get(path);
            Answer answer = script == null ? null : script.poll();
            if (answer == null) {
                answer = defaults.getOrDefault(path, new Answer(404,
                        "{\"code\":\"NOT_FOUND\",\"message\":\"no such endpoint\"}", true));
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (answer.signed()) {
                signer.signResponse(appId, exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders().getFirst(SignatureHeaders.NONCE), request, body).asMap()
                        .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            }
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
