package org.haochaping.jdbc;

import java.time.Instant;
import org.haochaping.outbox.OutboxRecord;

/**
 * A record the platform refused for good, kept in the outbox table with the platform's reason until an operator
 * repairs and resubmits it, requeues it ({@link JdbcOutboxStore#requeue}) or lets it be purged. Immutable.
 */
public final class DeadLetter {

    private final OutboxRecord record;
    private final String reason;
    private final Instant deadAt;
    private final int attempts;

    DeadLetter(OutboxRecord record, String reason, Instant deadAt, int attempts) {
        this.record = record;
        this.reason = reason;
        this.deadAt = deadAt;
        this.attempts = attempts;
    }

    /** The record as submitted (its payload may hold personal data: handle it as the business data it came from). */
    public OutboxRecord record() {
        return record;
    }

    /** The platform's reason (its error code and message), as the sink reported it. */
    public String reason() {
        return reason;
    }

    public Instant deadAt() {
        return deadAt;
    }

    public int attempts() {
        return attempts;
    }

    /** Without the payload. */
    @Override
    public String toString() {
        return "DeadLetter{" + record + ", reason=" + reason + ", deadAt=" + deadAt + ", attempts=" + attempts + "}";
    }
}
