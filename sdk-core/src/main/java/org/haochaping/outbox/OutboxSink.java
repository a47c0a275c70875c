package org.haochaping.outbox;

/**
 * Delivers one outbox record to the platform, e.g. through the client with
 * {@code RequestOptions.builder().idempotencyKey(record.idempotencyKey())} so that a record delivered
 * again after a crash is counted once.
 *
 * <p>Called from the outbox's single sender thread, one record at a time, oldest first.
 */
@FunctionalInterface
public interface OutboxSink {

    /**
     * Returns normally once the platform has accepted the record (now, or earlier under the same
     * idempotency key); the outbox then forgets it.
     *
     * @throws RecordRejectedException when the platform will never accept the record
     * @throws Exception for anything else (no network, timeouts, 5xx): the record stays and is delivered
     *     again after a backoff
     */
    void deliver(OutboxRecord record) throws Exception;
}
