package org.haochaping.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** One attempt on the wire, without retries: what an HTTP library adapter provides. */
interface Exchange {

    /**
     * @param idempotencyKey sent as {@code Idempotency-Key}, or {@code null} for none
     * @param timeout the time allowed for the attempt, or {@code null} for the client's call timeout
     */
    TransportResponse send(TransportRequest request, IdempotencyKey idempotencyKey, Duration timeout)
            throws IOException;

    /**
     * Like {@link #send}, without blocking. The future fails with the {@link IOException}; cancelling it
     * cancels the attempt.
     */
    CompletableFuture<TransportResponse> sendAsync(TransportRequest request, IdempotencyKey idempotencyKey,
            Duration timeout);
}
