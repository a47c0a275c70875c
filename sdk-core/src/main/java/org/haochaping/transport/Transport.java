package org.haochaping.transport;

import java.util.concurrent.CompletableFuture;

/**
 * Sends opaque HTTP requests to one platform, with retries, idempotency keys and typed errors. The client
 * of the central interface builds on it; {@link OkHttpTransport} is the default implementation.
 *
 * <p>Contract for implementations: only connection failures, timeouts, 429 and 5xx are retried, never
 * another 4xx; every write ({@link HttpMethod#isWrite()}) carries an {@code Idempotency-Key}, the same on
 * every attempt; a 2xx response is returned, any other status ends in a {@link ServiceException}, no
 * response at all in a {@link TransportException}; each attempt sends {@link TransportRequest#attemptBody()}'s bytes
 * when the request has one and sets {@link TransportRequest#attemptHeaders()} computed over those bytes; when the
 * request has an {@link TransportRequest#attemptObserver()}, it is told of each attempt before it is sent and of each
 * retry before the wait (what it throws is ignored).
 * Implementations are thread-safe.
 */
public interface Transport extends AutoCloseable {

    /**
     * Sends the request, retrying as the options and the retry policy allow.
     *
     * @return the 2xx response
     * @throws ServiceException when the last response had another status
     * @throws TransportException when no attempt got a response
     */
    TransportResponse execute(TransportRequest request, RequestOptions options);

    /**
     * Sends the request without blocking the caller. The future completes with the 2xx response, or
     * exceptionally with a {@link ServiceException} or {@link TransportException}; cancelling it cancels
     * the attempt in flight and any retry still to come.
     */
    CompletableFuture<TransportResponse> executeAsync(TransportRequest request, RequestOptions options);

    /** Releases threads and connections the transport created; calls after closing fail. */
    @Override
    void close();
}
