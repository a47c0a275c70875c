package org.haochaping.conformance.kit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.haochaping.transport.Exchange;
import org.haochaping.transport.HttpMethod;
import org.haochaping.transport.IdempotencyKey;
import org.haochaping.transport.RequestOptions;
import org.haochaping.transport.ResponseTooLargeException;
import org.haochaping.transport.RetryPolicy;
import org.haochaping.transport.RetryingTransport;
import org.haochaping.transport.ServiceException;
import org.haochaping.transport.Sleeper;
import org.haochaping.transport.TransportException;
import org.haochaping.transport.TransportRequest;
import org.haochaping.transport.TransportResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * TCK for an {@link Exchange}, one attempt on the wire (the SPI of an adapter to another HTTP library): implement
 * {@link #newExchange} in a JUnit 5 test class and the default tests run it against a local HTTP server (WireMock,
 * HTTP/1.1, one per test). They check what {@link Exchange}'s class comment asks: every status is a response (no
 * redirect followed, nothing retried), the request goes out as given (URL below the base URL, method, every header
 * value, body, {@code User-Agent}, {@code Idempotency-Key}), the attempt body and attempt headers are made per attempt
 * over what is sent, response headers keep every value under case-insensitive names, the body limit holds (declared
 * and undeclared lengths), a timeout is an {@link InterruptedIOException}, a refused, reset or broken connection an
 * {@link IOException}, the asynchronous form does the same; and the SDK's retry executor ({@link RetryingTransport})
 * runs on the exchange: {@code Retry-After}, backoff, one idempotency key, typed errors.
 */
public interface TransportContract {

    /**
     * A new exchange that sends to {@code baseUrl} (an {@code http} URL with a path, e.g.
     * {@code http://127.0.0.1:41234/api}) and reads at most {@code maxResponseBytes} of a response body; its own call
     * timeout, when no attempt timeout is given, is at least 30 seconds.
     */
    Exchange newExchange(String baseUrl, long maxResponseBytes) throws Exception;

    /** Releases what {@link #newExchange} made; by default closes an exchange that is {@link AutoCloseable}. */
    default void release(Exchange exchange) throws Exception {
        if (exchange instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** The body limit the tests give {@link #newExchange}. */
    long LIMIT = 4096;

    /** A local server and an exchange on it, for one test. */
    final class Wire implements AutoCloseable {
        final WireMockServer server;
        final Exchange exchange;
        private final TransportContract contract;

        Wire(TransportContract contract) throws Exception {
            this.contract = contract;
            this.server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                    .jettyAcceptors(1).http2PlainDisabled(true).gzipDisabled(true));
            server.start();
            this.exchange = contract.newExchange("http://127.0.0.1:" + server.port() + "/api", LIMIT);
            if (exchange == null) {
                server.stop();
                fail("newExchange returned null");
            }
        }

        TransportResponse send(TransportRequest request) throws IOException {
            return exchange.send(request, null, null);
        }

        @Override
        public void close() throws Exception {
            try {
                contract.release(exchange);
            } finally {
                server.stop();
            }
        }
    }

    private Wire wire() throws Exception {
        return new Wire(this);
    }

    private static TransportRequest getRequest(String path) {
        return TransportRequest.builder(HttpMethod.GET, path).build();
    }

    private static byte[] bytes(int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (i * 31 + 7);
        }
        return out;
    }

    @Test
    default void everyStatusIsAResponseAndNoRedirectIsFollowed() throws Exception {
        try (Wire w = wire()) {
            for (int status : new int[] {200, 201, 204, 302, 400, 404, 409, 422, 429, 500, 503}) {
                w.server.stubFor(any(urlEqualTo("/api/s/" + status)).willReturn(aResponse().withStatus(status)
                        .withHeader("Location", "/api/elsewhere").withBody(status == 204 ? "" : "status " + status)));
            }
            for (int status : new int[] {200, 201, 204, 302, 400, 404, 409, 422, 429, 500, 503}) {
                TransportResponse r = w.send(getRequest("/s/" + status));
                assertEquals(status, r.statusCode(), "the status of GET /s/" + status);
                assertEquals(status == 204 ? "" : "status " + status, new String(r.body(), StandardCharsets.UTF_8),
                        "the body of a " + status);
            }
            TransportResponse posted = w.exchange.send(TransportRequest.builder(HttpMethod.POST, "/s/302")
                    .body(new byte[] {1}, "application/octet-stream").build(), IdempotencyKey.random(), null);
            assertEquals(302, posted.statusCode(), "a redirected POST is returned, not followed");
            assertEquals(12, w.server.getAllServeEvents().size(), "one request per send: nothing followed or retried");
        }
    }

    @Test
    default void theRequestGoesOutAsGiven() throws Exception {
        try (Wire w = wire()) {
            w.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
            byte[] body = bytes(3000);
            IdempotencyKey key = IdempotencyKey.random();
            for (HttpMethod method : new HttpMethod[] {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH}) {
                w.exchange.send(TransportRequest.builder(method, "/v1/records/a%2Fb?page=2&q=%E5%A5%BD")
                        .header("X-One", "a").header("X-Multi", "1").header("X-Multi", "2")
                        .body(body, "application/json; charset=utf-8").build(), key, null);
            }
            w.send(TransportRequest.builder(HttpMethod.GET, "/v1/plain").header("Accept", "application/json").build());
            w.exchange.send(TransportRequest.builder(HttpMethod.DELETE, "/v1/gone").build(), key, null);
            List<LoggedRequest> seen = w.server.findAll(anyRequestedFor(anyUrl()));
            assertEquals(5, seen.size(), "requests received");
            for (LoggedRequest r : seen.subList(0, 3)) {
                assertEquals("/api/v1/records/a%2Fb?page=2&q=%E5%A5%BD", r.getUrl(),
                        "the URL: base path, request path and query, as encoded");
                assertEquals(List.of("1", "2"), r.getHeaders().getHeader("X-Multi").values(), "every header value");
                assertEquals("a", r.getHeader("X-One"));
                assertArrayEquals(body, r.getBody(), r.getMethod() + " body");
                assertTrue(r.getHeader("Content-Type").startsWith("application/json"), "Content-Type");
                assertEquals(Exchange.USER_AGENT, r.getHeader(Exchange.USER_AGENT_HEADER), "User-Agent");
                assertEquals(key.value(), r.getHeader(Exchange.IDEMPOTENCY_KEY_HEADER), "Idempotency-Key");
            }
            assertEquals(List.of("POST", "PUT", "PATCH", "GET", "DELETE"),
                    seen.stream().map(r -> r.getMethod().getName()).toList(), "methods");
            LoggedRequest plain = seen.get(3);
            assertFalse(plain.containsHeader(Exchange.IDEMPOTENCY_KEY_HEADER), "no Idempotency-Key without a key");
            assertEquals("application/json", plain.getHeader("Accept"));
            assertEquals(0, plain.getBody().length, "a GET carries no body");
            assertEquals(key.value(), seen.get(4).getHeader(Exchange.IDEMPOTENCY_KEY_HEADER), "DELETE with a key");
        }
    }

    @Test
    default void theAttemptBodyAndHeadersAreMadePerAttemptOverWhatIsSent() throws Exception {
        try (Wire w = wire()) {
            w.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
            AtomicInteger attempts = new AtomicInteger();
            TransportRequest request = TransportRequest.builder(HttpMethod.POST, "/v1/sealed?x=%20y")
                    .body("records".getBytes(StandardCharsets.UTF_8), "application/json")
                    .attemptBody(stored -> (new String(stored, StandardCharsets.UTF_8) + "#" + attempts.incrementAndGet())
                            .getBytes(StandardCharsets.UTF_8))
                    .attemptHeaders((method, encodedPath, encodedQuery, sent) -> Map.of("X-Digest",
                            digest(method + " " + encodedPath + "?" + encodedQuery + " " + new String(sent,
                                    StandardCharsets.UTF_8))))
                    .build();
            w.send(request);
            w.exchange.send(request, IdempotencyKey.random(), null);
            List<LoggedRequest> seen = w.server.findAll(anyRequestedFor(anyUrl()));
            assertEquals(2, attempts.get(), "the attempt body is made once per attempt");
            assertEquals("records#1", seen.get(0).getBodyAsString(), "the first attempt's body");
            assertEquals("records#2", seen.get(1).getBodyAsString(), "the second attempt's body");
            for (LoggedRequest r : seen) {
                assertEquals(digest("POST /api/v1/sealed?x=%20y " + r.getBodyAsString()), r.getHeader("X-Digest"),
                        "attempt headers computed over the full encoded path, the query and the bytes sent");
            }
        }
    }

    @Test
    default void responseHeadersKeepEveryValueUnderCaseInsensitiveNames() throws Exception {
        try (Wire w = wire()) {
            w.server.stubFor(get(urlEqualTo("/api/h")).willReturn(aResponse().withStatus(503)
                    .withHeader("X-Multi", "a", "b").withHeader("Retry-After", "7").withHeader("X-Hcp-Nonce", "n1")));
            TransportResponse r = w.send(getRequest("/h"));
            assertEquals(List.of("a", "b"), r.headers().get("x-multi"), "every value, any case");
            assertEquals("7", r.header("retry-after").orElse(null), "Retry-After passed through");
            assertEquals("n1", r.header("X-HCP-NONCE").orElse(null));
        }
    }

    @Test
    default void theBodyIsReadWholeUpToTheLimitAndNoFurther() throws Exception {
        try (Wire w = wire()) {
            byte[] atLimit = bytes((int) LIMIT);
            w.server.stubFor(get(urlEqualTo("/api/at-limit")).willReturn(aResponse().withBody(atLimit)));
            w.server.stubFor(get(urlEqualTo("/api/declared")).willReturn(aResponse().withBody(bytes((int) LIMIT + 1))));
            w.server.stubFor(get(urlEqualTo("/api/chunked")).willReturn(aResponse().withBody(bytes(64 * 1024))
                    .withChunkedDribbleDelay(8, 200)));
            assertArrayEquals(atLimit, w.send(getRequest("/at-limit")).body(), "a body of exactly the limit");
            ResponseTooLargeException declared = assertThrows(ResponseTooLargeException.class,
                    () -> w.send(getRequest("/declared")), "a Content-Length over the limit");
            assertEquals(LIMIT, declared.limit());
            ResponseTooLargeException chunked = assertThrows(ResponseTooLargeException.class,
                    () -> w.send(getRequest("/chunked")), "a chunked body over the limit");
            assertEquals(LIMIT, chunked.limit());
        }
    }

    @Test
    default void aTimeoutIsAnInterruptedIOException() throws Exception {
        try (Wire w = wire()) {
            w.server.stubFor(get(urlEqualTo("/api/slow")).willReturn(aResponse().withFixedDelay(15_000)));
            IOException e = assertThrows(IOException.class,
                    () -> w.exchange.send(getRequest("/slow"), null, Duration.ofSeconds(1)));
            assertInstanceOf(InterruptedIOException.class, e, "a timeout is an InterruptedIOException, was " + e);
        }
    }

    @Test
    default void aBrokenConnectionIsAnIOException() throws Exception {
        try (Wire w = wire()) {
            for (Fault fault : new Fault[] {Fault.CONNECTION_RESET_BY_PEER, Fault.EMPTY_RESPONSE,
                    Fault.MALFORMED_RESPONSE_CHUNK, Fault.RANDOM_DATA_THEN_CLOSE}) {
                w.server.stubFor(get(urlEqualTo("/api/" + fault)).willReturn(aResponse().withFault(fault)));
                try {
                    TransportResponse r = w.send(getRequest("/" + fault));
                    fail(fault + ": answered " + r + " instead of an IOException");
                } catch (IOException expected) {
                    // the contract: a typed, checked failure the executor may retry
                } catch (RuntimeException wrong) {
                    fail(fault + ": " + wrong + " instead of an IOException");
                }
            }
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Exchange refused = newExchange("http://127.0.0.1:" + closedPort + "/api", LIMIT);
        try {
            assertThrows(IOException.class, () -> refused.send(getRequest("/x"), null, null), "a refused connection");
        } finally {
            release(refused);
        }
    }

    @Test
    default void theAsynchronousFormDoesTheSame() throws Exception {
        try (Wire w = wire()) {
            w.server.stubFor(post(urlEqualTo("/api/ok")).willReturn(aResponse().withStatus(201).withBody("made")));
            w.server.stubFor(get(urlEqualTo("/api/reset")).willReturn(aResponse()
                    .withFault(Fault.CONNECTION_RESET_BY_PEER)));
            w.server.stubFor(get(urlEqualTo("/api/big")).willReturn(aResponse().withBody(bytes((int) LIMIT * 2))));
            IdempotencyKey key = IdempotencyKey.random();
            TransportResponse r = w.exchange.sendAsync(TransportRequest.builder(HttpMethod.POST, "/ok")
                    .body(new byte[] {1, 2}, "application/octet-stream").build(), key, null).get(60, TimeUnit.SECONDS);
            assertEquals(201, r.statusCode());
            assertEquals("made", new String(r.body(), StandardCharsets.UTF_8));
            assertEquals(key.value(), w.server.findAll(anyRequestedFor(anyUrl())).get(0)
                    .getHeader(Exchange.IDEMPOTENCY_KEY_HEADER));
            assertInstanceOf(IOException.class, failureOf(w.exchange.sendAsync(getRequest("/reset"), null, null)),
                    "a reset connection fails the future with an IOException");
            assertInstanceOf(ResponseTooLargeException.class, failureOf(w.exchange.sendAsync(getRequest("/big"), null, null)),
                    "the body limit holds asynchronously");
        }
    }

    @Test
    default void theSdksRetryExecutorRunsOnTheExchange() throws Exception {
        try (Wire w = wire()) {
            w.server.stubFor(post(urlEqualTo("/api/v1/evaluations")).inScenario("r").whenScenarioStateIs(STARTED)
                    .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")).willSetStateTo("reset"));
            w.server.stubFor(post(urlEqualTo("/api/v1/evaluations")).inScenario("r").whenScenarioStateIs("reset")
                    .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
            w.server.stubFor(post(urlEqualTo("/api/v1/evaluations")).inScenario("r").whenScenarioStateIs("up")
                    .willReturn(aResponse().withStatus(200).withBody("{}")));
            w.server.stubFor(get(urlEqualTo("/api/busy")).willReturn(aResponse().withStatus(429)
                    .withHeader("Retry-After", "3600")));
            w.server.stubFor(get(urlEqualTo("/api/slow")).willReturn(aResponse().withFixedDelay(15_000)));
            List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
            Sleeper recording = new Sleeper() {
                @Override
                public void sleep(Duration duration) {
                    waits.add(duration);
                }

                @Override
                public CompletableFuture<Void> sleepAsync(Duration duration) {
                    waits.add(duration);
                    return CompletableFuture.completedFuture(null);
                }
            };
            RetryPolicy policy = RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofMillis(100))
                    .maxBackoff(Duration.ofMillis(400)).jitter(0).build();
            try (RetryingTransport transport = RetryingTransport.builder(w.exchange).retryPolicy(policy)
                    .sleeper(recording).build()) {
                TransportResponse ok = transport.execute(TransportRequest.builder(HttpMethod.POST, "/v1/evaluations")
                        .body("{}".getBytes(StandardCharsets.UTF_8), "application/json").build(),
                        RequestOptions.defaults());
                assertEquals(200, ok.statusCode(), "after a 503 and a reset connection");
                assertEquals(List.of(Duration.ofSeconds(7), Duration.ofMillis(200)), waits,
                        "Retry-After honoured, then the policy's backoff");
                List<String> keys = w.server.findAll(anyRequestedFor(urlEqualTo("/api/v1/evaluations"))).stream()
                        .map(r -> r.getHeader(Exchange.IDEMPOTENCY_KEY_HEADER)).toList();
                assertEquals(3, keys.size(), "attempts");
                assertEquals(1, keys.stream().distinct().count(), "one idempotency key on every attempt");
                assertNotEquals(null, keys.get(0));

                ServiceException busy = assertThrows(ServiceException.class,
                        () -> transport.execute(getRequest("/busy"), RequestOptions.defaults()));
                assertEquals(Duration.ofHours(1), busy.retryAfter().orElse(null), "a long Retry-After is reported");
                assertEquals(1, busy.attempts(), "and not waited for");

                TransportException slow = assertThrows(TransportException.class, () -> transport.execute(getRequest("/slow"),
                        RequestOptions.builder().timeout(Duration.ofSeconds(1)).maxRetries(0).build()));
                assertTrue(slow.isTimeout(), "a timed-out attempt ends in a TransportException that says so");
                assertNull(slow.idempotencyKey().orElse(null), "a read carries no key");
            }
        }
    }

    private static Throwable failureOf(CompletableFuture<TransportResponse> future) throws InterruptedException {
        try {
            TransportResponse r = future.get(60, TimeUnit.SECONDS);
            return fail("the future completed with " + r);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                    && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause;
        } catch (java.util.concurrent.TimeoutException e) {
            return fail("the future did not complete in 60 s");
        }
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
