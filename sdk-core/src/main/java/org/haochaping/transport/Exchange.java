package org.haochaping.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One attempt on the wire, without retries: the service-provider interface for an adapter to another HTTP library.
 * The SDK's retry executor ({@link RetryingTransport}, or {@code HcpClient.Builder.exchange}) runs around it: it picks
 * the idempotency key once per logical request, decides what is retried and how long to wait ({@link RetryPolicy},
 * {@code Retry-After}), logs every attempt with redacted headers and turns the final outcome into a
 * {@link TransportResponse}, {@link ServiceException} or {@link TransportException}. {@link OkHttpTransport#exchange()}
 * is the SDK's own implementation; the conformance kit's {@code TransportContract} is the test every implementation
 * must pass.
 *
 * <p>What one attempt must do:
 * <ul>
 *   <li>send to the adapter's base URL followed by {@link TransportRequest#path()} (path and query as given,
 *       percent-encoded already), with the request's method and {@link TransportRequest#headers()} (every value, in
 *       order), {@value #USER_AGENT_HEADER} {@link #USER_AGENT} and, when {@code idempotencyKey} is not {@code null},
 *       {@value #IDEMPOTENCY_KEY_HEADER};</li>
 *   <li>send the bytes of {@link TransportRequest#bodyForAttempt()} (called once per attempt: a national envelope is
 *       sealed anew each time) with {@link TransportRequest#contentType()}, or an empty body for a method that
 *       requires one, and set the headers of {@link TransportRequest#attemptHeadersFor} computed over the encoded
 *       path and query as sent and those very bytes (a fresh signature per attempt);</li>
 *   <li>follow no redirect and retry nothing itself: a 3xx, 4xx or 5xx is a response like a 200, returned with its
 *       status, every header (case-insensitive names, every value) and its body;</li>
 *   <li>read at most the adapter's body limit and throw {@link ResponseTooLargeException} beyond it (a declared
 *       {@code Content-Length} over the limit before reading), so a hostile server cannot exhaust the heap;</li>
 *   <li>report every failure to get a response as an {@link IOException}: a timeout (the attempt's {@code timeout},
 *       or the adapter's own) as an {@link java.io.InterruptedIOException} such as
 *       {@link java.net.SocketTimeoutException}, a refused or reset connection, a truncated or malformed response as
 *       another {@code IOException}. An unchecked exception means a bug or a request the adapter cannot express
 *       (e.g. an invalid URL), and is not retried.</li>
 * </ul>
 * Implementations are thread-safe.
 */
public interface Exchange {

    /** The header that carries the idempotency key of a write (interface-spec 5.1). */
    String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    /** The header that names the SDK. */
    String USER_AGENT_HEADER = "User-Agent";
    /** The {@value #USER_AGENT_HEADER} every attempt carries: SDK version, Java version and operating system. */
    String USER_AGENT = UserAgent.VALUE;

    /**
     * Sends one attempt and reads its whole response.
     *
     * @param idempotencyKey sent as {@value #IDEMPOTENCY_KEY_HEADER}, or {@code null} for none
     * @param timeout the time allowed for the whole attempt, or {@code null} for the adapter's own call timeout
     * @return the response, whatever its status
     * @throws IOException when no complete response came back (see the class comment)
     */
    TransportResponse send(TransportRequest request, IdempotencyKey idempotencyKey, Duration timeout)
            throws IOException;

    /**
     * Like {@link #send}, without blocking the caller. The future completes with the response, whatever its status,
     * or fails with the {@link IOException}; cancelling it cancels the attempt.
     */
    CompletableFuture<TransportResponse> sendAsync(TransportRequest request, IdempotencyKey idempotencyKey,
            Duration timeout);
}
