package org.haochaping.outbox;

import java.time.Instant;
import org.haochaping.transport.IdempotencyKey;

/**
 * One record in the outbox: opaque payload bytes with the metadata kept beside them on disk. The
 * idempotency key is stored with the record and is the same on every delivery, before and after a crash.
 * Immutable.
 */
public final class OutboxRecord {

    private final long sequence;
    private final IdempotencyKey idempotencyKey;
    private final String kind;
    private final Instant createdAt;
    private final byte[] payload;

    OutboxRecord(long sequence, IdempotencyKey idempotencyKey, String kind, Instant createdAt, byte[] payload) {
        this.sequence = sequence;
        this.idempotencyKey = idempotencyKey;
        this.kind = kind;
        this.createdAt = createdAt;
        this.payload = payload;
    }

    /**
     * A record read back from a store other than the file journal (e.g. a database table); the payload is copied.
     * Stores keep records, they do not make them up: the sequence, key and time are the ones stored at submit.
     */
    public static OutboxRecord restore(long sequence, IdempotencyKey idempotencyKey, String kind, Instant createdAt,
            byte[] payload) {
        if (idempotencyKey == null || kind == null || createdAt == null || payload == null) {
            throw new IllegalArgumentException("idempotencyKey, kind, createdAt and payload are required");
        }
        return new OutboxRecord(sequence, idempotencyKey, kind, createdAt, payload.clone());
    }

    /** The record's position in submission order, unique for the lifetime of the outbox directory. */
    public long sequence() {
        return sequence;
    }

    public IdempotencyKey idempotencyKey() {
        return idempotencyKey;
    }

    /** What the payload is, as the submitter named it (e.g. {@code evaluation}); tells the sink where to send it. */
    public String kind() {
        return kind;
    }

    /** When the record was submitted, to the millisecond. */
    public Instant createdAt() {
        return createdAt;
    }

    /** A copy of the payload bytes. */
    public byte[] payload() {
        return payload.clone();
    }

    public int payloadSize() {
        return payload.length;
    }

    byte[] payloadUnsafe() {
        return payload;
    }

    /** Metadata and payload size; never the payload, which may hold personal data. */
    @Override
    public String toString() {
        return "OutboxRecord{sequence=" + sequence + ", kind=" + kind + ", idempotencyKey=" + idempotencyKey
                + ", createdAt=" + createdAt + ", payload=" + payload.length + " bytes}";
    }
}
