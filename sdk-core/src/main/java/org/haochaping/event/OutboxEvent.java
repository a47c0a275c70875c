package org.haochaping.event;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.haochaping.transport.IdempotencyKey;

/**
 * An outbox record stored, delivered or dead-lettered: its store, kind, sequence, idempotency key, size and age, and
 * the platform's code for a dead letter. Never the payload. Immutable.
 */
public final class OutboxEvent {

    private final String store;
    private final String kind;
    private final long sequence;
    private final IdempotencyKey idempotencyKey;
    private final int payloadBytes;
    private final Duration age;
    private final String platformCode;

    /**
     * @param store which store: {@code file} or {@code jdbc}
     * @param kind the record's kind, e.g. {@code evaluations}
     * @param age since the record was submitted (zero when stored)
     * @param platformCode the platform's code of a dead letter, or {@code null}
     */
    public OutboxEvent(String store, String kind, long sequence, IdempotencyKey idempotencyKey, int payloadBytes,
            Duration age, String platformCode) {
        this.store = Objects.requireNonNull(store, "store");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.sequence = sequence;
        this.idempotencyKey = Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        this.payloadBytes = payloadBytes;
        this.age = age.isNegative() ? Duration.ZERO : age;
        this.platformCode = platformCode;
    }

    /** {@code file} (the journal of {@code Outbox}) or {@code jdbc} ({@code JdbcOutboxStore}). */
    public String store() {
        return store;
    }

    public String kind() {
        return kind;
    }

    public long sequence() {
        return sequence;
    }

    public IdempotencyKey idempotencyKey() {
        return idempotencyKey;
    }

    public int payloadBytes() {
        return payloadBytes;
    }

    /** How long the record had waited since it was submitted. */
    public Duration age() {
        return age;
    }

    /** For a dead letter: the platform's code (e.g. {@code INVALID_PAYLOAD}), when the refusal had one. */
    public Optional<String> platformCode() {
        return Optional.ofNullable(platformCode);
    }

    @Override
    public String toString() {
        return "OutboxEvent{" + store + ", " + kind + " #" + sequence + ", idempotencyKey=" + idempotencyKey.value()
                + ", " + payloadBytes + " bytes, age " + age.toMillis() + " ms"
                + (platformCode == null ? "" : ", platform code " + platformCode) + "}";
    }
}
