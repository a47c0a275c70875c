package org.haochaping.outbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.CRC32;
import org.haochaping.transport.IdempotencyKey;

/**
 * The journal's byte layout (all integers big-endian; see {@code docs/outbox.md}).
 *
 * <pre>
 * header  = magic "HCPOUTBX" (8) | version u32 = 1 | next sequence u64 | CRC32 of the 20 bytes before (u32)
 * frame   = body length u32 | CRC32 of body u32 | body
 * RECORD  = type u8 = 1 | sequence u64 | created-at epoch millis i64 | key length u16 | key (ASCII)
 *           | kind length u16 | kind (UTF-8) | payload length u32 | payload
 * ACK     = type u8 = 2 | sequence u64
 * </pre>
 *
 * A frame whose length runs past the end of the file, or whose CRC does not match, is where a crash cut
 * a write short: recovery keeps everything before it.
 */
final class Frames {

    static final byte[] MAGIC = "HCPOUTBX".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER_SIZE = 24;
    static final int FRAME_OVERHEAD = 8;
    static final byte TYPE_RECORD = 1;
    static final byte TYPE_ACK = 2;
    static final int ACK_FRAME_SIZE = FRAME_OVERHEAD + 1 + 8;
    private static final int RECORD_FIXED_BODY = 1 + 8 + 8 + 2 + 2 + 4;

    private Frames() {
    }

    static ByteBuffer header(long nextSequence) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
        header.put(MAGIC).putInt(VERSION).putLong(nextSequence);
        header.putInt((int) crc(header.array(), 0, 20));
        header.flip();
        return header;
    }

    /**
     * Reads the next sequence from a header.
     *
     * @throws OutboxStorageException when the bytes are not an outbox journal header of a known version
     */
    static long readHeader(ByteBuffer header, String file) {
        byte[] bytes = new byte[HEADER_SIZE];
        header.get(bytes);
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new OutboxStorageException(file + " is not an outbox journal (no HCPOUTBX header)");
            }
        }
        ByteBuffer fields = ByteBuffer.wrap(bytes);
        fields.position(MAGIC.length);
        int version = fields.getInt();
        long nextSequence = fields.getLong();
        int storedCrc = fields.getInt();
        if (storedCrc != (int) crc(bytes, 0, 20)) {
            throw new OutboxStorageException(file + ": the journal header is damaged (CRC mismatch)");
        }
        if (version != VERSION) {
            throw new OutboxStorageException(file + ": journal version " + version
                    + " is not readable by this SDK (it reads version " + VERSION + "); was it written by a newer SDK?");
        }
        return nextSequence;
    }

    static int recordFrameSize(IdempotencyKey key, String kind, int payloadLength) {
        return FRAME_OVERHEAD + RECORD_FIXED_BODY + key.value().length()
                + kind.getBytes(StandardCharsets.UTF_8).length + payloadLength;
    }

    static int recordFrameSize(OutboxRecord record) {
        return recordFrameSize(record.idempotencyKey(), record.kind(), record.payloadSize());
    }

    static ByteBuffer recordFrame(OutboxRecord record) {
        byte[] key = record.idempotencyKey().value().getBytes(StandardCharsets.US_ASCII);
        byte[] kind = record.kind().getBytes(StandardCharsets.UTF_8);
        byte[] payload = record.payloadUnsafe();
        int bodyLength = RECORD_FIXED_BODY + key.length + kind.length + payload.length;
        ByteBuffer frame = ByteBuffer.allocate(FRAME_OVERHEAD + bodyLength);
        frame.putInt(bodyLength).putInt(0);
        frame.put(TYPE_RECORD).putLong(record.sequence()).putLong(record.createdAt().toEpochMilli());
        frame.putShort((short) key.length).put(key);
        frame.putShort((short) kind.length).put(kind);
        frame.putInt(payload.length).put(payload);
        return sealed(frame, bodyLength);
    }

    static ByteBuffer ackFrame(long sequence) {
        ByteBuffer frame = ByteBuffer.allocate(ACK_FRAME_SIZE);
        frame.putInt(1 + 8).putInt(0).put(TYPE_ACK).putLong(sequence);
        return sealed(frame, 1 + 8);
    }

    private static ByteBuffer sealed(ByteBuffer frame, int bodyLength) {
        frame.putInt(4, (int) crc(frame.array(), FRAME_OVERHEAD, bodyLength));
        frame.flip();
        return frame;
    }

    static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }

    /** One decoded frame body: a record, or the acknowledgement of a sequence. */
    static final class Entry {
        final OutboxRecord record;
        final long acknowledged;

        private Entry(OutboxRecord record, long acknowledged) {
            this.record = record;
            this.acknowledged = acknowledged;
        }
    }

    /**
     * Decodes a body whose CRC matched.
     *
     * @throws OutboxStorageException when the body is well-sealed but not one this version writes
     */
    static Entry decode(byte[] body, long offset, String file) {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte type = in.get();
        try {
            if (type == TYPE_ACK && body.length == 9) {
                return new Entry(null, in.getLong());
            }
            if (type == TYPE_RECORD) {
                long sequence = in.getLong();
                Instant createdAt = Instant.ofEpochMilli(in.getLong());
                byte[] key = new byte[in.getShort() & 0xffff];
                in.get(key);
                byte[] kind = new byte[in.getShort() & 0xffff];
                in.get(kind);
                byte[] payload = new byte[in.getInt()];
                in.get(payload);
                if (in.hasRemaining()) {
                    throw new IllegalArgumentException("trailing bytes");
                }
                return new Entry(new OutboxRecord(sequence,
                        IdempotencyKey.of(new String(key, StandardCharsets.US_ASCII)),
                        new String(kind, StandardCharsets.UTF_8), createdAt, payload), -1);
            }
        } catch (RuntimeException malformed) {
            throw new OutboxStorageException(file + ": entry at offset " + offset
                    + " has a valid checksum but a malformed body", malformed);
        }
        throw new OutboxStorageException(file + ": entry at offset " + offset + " has unknown type " + type
                + "; was the journal written by a newer SDK?");
    }
}
