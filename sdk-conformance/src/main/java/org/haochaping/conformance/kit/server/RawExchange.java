package org.haochaping.conformance.kit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.haochaping.crypto.request.SignatureHeaders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The misbehaving client's transport: sends exactly the headers it is given (signed, tampered or missing) with
 * java.net.http, independent of the SDK's OkHttp client, and keeps what came back unparsed for verification.
 */
final class RawExchange {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One request and its answer; {@code path} and {@code query} are as signed (base path included). */
    record Answer(String method, String path, String query, String requestAppId, String requestNonce,
            byte[] requestBody, int status, Map<String, String> headers, byte[] body) {

        /** The answer's envelope, or an empty object when the body is not JSON. */
        JsonNode json() {
            try {
                JsonNode n = JSON.readTree(body);
                return n == null ? JSON.createObjectNode() : n;
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }

        /** The envelope's {@code code}, or {@code ?}. */
        String code() {
            return json().path("code").asText("?");
        }

        /** {@code HTTP 401 NONCE_REPLAYED}: how a report names the answer. */
        String describe() {
            String message = json().path("message").asText("");
            return "HTTP " + status + " " + code() + (message.isEmpty() ? "" : " (" + message + ")");
        }
    }

    private final String baseUrl;
    private final String basePath;
    private final Duration timeout;
    private final HttpClient http;

    RawExchange(String baseUrl, Duration timeout) {
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        URI base = URI.create(trimmed);
        if (base.getScheme() == null || base.getHost() == null) {
            throw new IllegalArgumentException("target '" + baseUrl + "' is not an http(s) URL");
        }
        this.baseUrl = trimmed;
        this.basePath = base.getRawPath() == null ? "" : base.getRawPath();
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The path a request to {@code endpoint} (e.g. {@code /v1/evaluations}) signs: the base path included (5). */
    String signedPath(String endpoint) {
        return basePath + endpoint;
    }

    /**
     * Starts a POST that declares {@code declaredBytes} of body and sends at most {@code sendBytes} of it, on a socket
     * of its own (an HTTP client would insist on sending all): how a platform answers a body it should not read.
     *
     * @return the HTTP status of the answer, or -1 when the platform closed the connection without one
     */
    int postOversized(String endpoint, long declaredBytes, int sendBytes, Map<String, String> headers) {
        URI uri = URI.create(baseUrl + endpoint);
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        try (java.net.Socket socket = tls ? javax.net.ssl.SSLSocketFactory.getDefault().createSocket()
                : new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(uri.getHost(), port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            StringBuilder head = new StringBuilder("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost()
                    + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "\r\nContent-Type: application/json; charset=utf-8\r\n"
                    + "Content-Length: " + declaredBytes + "\r\nConnection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("\r\n");
            java.io.OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                byte[] chunk = new byte[8192];
                java.util.Arrays.fill(chunk, (byte) ' ');
                for (int sent = 0; sent < sendBytes; sent += chunk.length) {
                    out.write(chunk, 0, Math.min(chunk.length, sendBytes - sent));
                }
                out.flush();
            } catch (IOException closedEarly) {
                // the platform may stop reading and close: its answer may still be there
            }
            java.io.InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int b; (b = in.read()) >= 0 && b != '\n' && line.length() < 200; ) {
                line.append((char) b);
            }
            String[] parts = line.toString().trim().split(" ");
            return parts.length >= 2 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1]) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Sends one request.
     *
     * @param headers every header to send besides Content-Type (which a body gets) and Idempotency-Key
     * @throws UncheckedIOException when the target cannot be reached
     */
    Answer send(String method, String endpoint, String query, byte[] body, String idempotencyKey,
            Map<String, String> headers) {
        URI uri = URI.create(baseUrl + endpoint + (query == null ? "" : "?" + query));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", "application/json; charset=utf-8");
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
        Map<String, String> received = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().map().forEach((k, v) -> received.put(k, v.get(0)));
        return new Answer(method, signedPath(endpoint), query, headers.get(SignatureHeaders.APP_ID),
                headers.get(SignatureHeaders.NONCE), body, response.statusCode(), received, response.body());
    }
}
