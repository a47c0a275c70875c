package org.haochaping.outbox;

import java.time.Duration;
import java.util.Optional;
import org.haochaping.transport.IdempotencyKey;

/**
 * Where evaluations and cases wait until the platform has them, whatever keeps them: the file journal of a terminal
 * ({@link Outbox}, the default) or a table shared by several instances of a department system (sdk-jdbc's
 * {@code JdbcOutboxStore}). Both keep each record with its idempotency key, deliver it through an
 * {@link OutboxSink} until the platform accepts or refuses it for good, and so lose none and count none twice.
 * Application code submits through this interface and stays the same when the store changes.
 *
 * <p>Implementations are thread-safe.
 */
public interface OutboxStore extends AutoCloseable {

    /** Submits a record under a fresh random idempotency key. */
    OutboxRecord submit(String kind, byte[] payload);

    /**
     * Stores a record durably and queues it for delivery; from the return on, a crash loses nothing (a store that
     * joins the caller's transaction: from its commit on).
     *
     * @param kind what the payload is ({@code [A-Za-z0-9._:-]}, 1 to 64 characters); tells the sink where to send it
     * @param payload the bytes to deliver (copied), not empty
     * @param idempotencyKey the key every delivery of this record carries
     * @throws IllegalArgumentException when kind or payload are invalid
     * @throws OutboxException when the record could not be stored; nothing was stored
     */
    OutboxRecord submit(String kind, byte[] payload, IdempotencyKey idempotencyKey);

    /** Records stored and not yet accepted or refused by the platform (for a shared store: by any instance). */
    int pendingCount();

    /** How long the oldest pending record has waited; empty when nothing is pending. */
    Optional<Duration> oldestAge();

    /** Ends the current backoff and delivers at once. */
    void retryNow();

    /**
     * Waits until every submitted record has been accepted or refused.
     *
     * @return {@code true} when drained, {@code false} when the timeout passed first
     */
    boolean awaitDrained(Duration timeout) throws InterruptedException;

    /** Stops delivering; pending records stay stored and are delivered after the next start. */
    @Override
    void close();
}
