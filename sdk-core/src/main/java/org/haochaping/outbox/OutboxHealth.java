package org.haochaping.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of an outbox's sender, from {@link Outbox#health()}. Healthy means: the sender runs, and it is
 * not failing. A terminal shows it on its status screen; a server exposes it as a health check. Immutable.
 */
public final class OutboxHealth {

    private final boolean senderRunning;
    private final int pending;
    private final int consecutiveFailures;
    private final String lastFailureType;
    private final Instant lastFailureAt;
    private final Instant lastDeliveredAt;
    private final Duration oldestAge;
    private final long quarantinedBytes;

    OutboxHealth(boolean senderRunning, int pending, int consecutiveFailures, String lastFailureType,
            Instant lastFailureAt, Instant lastDeliveredAt, Duration oldestAge, long quarantinedBytes) {
        this.quarantinedBytes = quarantinedBytes;
        this.senderRunning = senderRunning;
        this.pending = pending;
        this.consecutiveFailures = consecutiveFailures;
        this.lastFailureType = lastFailureType;
        this.lastFailureAt = lastFailureAt;
        this.lastDeliveredAt = lastDeliveredAt;
        this.oldestAge = oldestAge;
    }

    /** Whether the sender thread is alive and the outbox open. */
    public boolean senderRunning() {
        return senderRunning;
    }

    /** The sender runs and the last attempt, if any, did not fail. */
    public boolean isHealthy() {
        return senderRunning && consecutiveFailures == 0;
    }

    public int pendingCount() {
        return pending;
    }

    /** Deliveries that failed in a row; zero after a delivery succeeds. */
    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /**
     * The class name of the last failure (e.g. {@code java.lang.OutOfMemoryError}); never its message, which may
     * quote a payload.
     */
    public Optional<String> lastFailureType() {
        return Optional.ofNullable(lastFailureType);
    }

    public Optional<Instant> lastFailureAt() {
        return Optional.ofNullable(lastFailureAt);
    }

    public Optional<Instant> lastDeliveredAt() {
        return Optional.ofNullable(lastDeliveredAt);
    }

    /** How long the oldest pending record has waited; empty when nothing is pending. */
    public Optional<Duration> oldestAge() {
        return Optional.ofNullable(oldestAge);
    }

    /**
     * Damaged journal bytes that the last open set aside in {@code outbox.quarantine} (a flipped bit, a bad
     * sector: not a crash); zero when the journal was sound. Records inside them are not delivered.
     */
    public long quarantinedBytes() {
        return quarantinedBytes;
    }

    @Override
    public String toString() {
        return "OutboxHealth{senderRunning=" + senderRunning + ", pending=" + pending + ", consecutiveFailures="
                + consecutiveFailures + (lastFailureType == null ? "" : ", lastFailure=" + lastFailureType + " at "
                + lastFailureAt) + (lastDeliveredAt == null ? "" : ", lastDelivered=" + lastDeliveredAt)
                + (quarantinedBytes == 0 ? "" : ", quarantinedBytes=" + quarantinedBytes) + "}";
    }
}
