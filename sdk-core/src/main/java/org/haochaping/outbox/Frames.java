package org.haochaping.outbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.CRC32;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.cipher.Sm4FieldCipher;
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
 * SEALED  = type u8 = 3 | as RECORD, but the payload is nonce (12) | SM4-GCM ciphertext | tag (16), with the
 *           sequence, creation time, key and kind as associated data (encryption at rest)
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
    static final byte TYPE_SEALED = 3;
    /** What encryption at rest adds to a record's frame: the GCM nonce and tag. */
    static final int SEAL_OVERHEAD = 12 + 16;
    private static final byte[] SEAL_CONTEXT = "HCPOUTBX sealed record v1".getBytes(StandardCharsets.US_ASCII);
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
        return recordFrame(record, null);
    }

    /**
     * A record's frame; with a cipher, the payload is sealed with SM4-GCM and the record's metadata as associated
     * data, so that a sealed payload cannot be moved to another record unnoticed.
     */
    static ByteBuffer recordFrame(OutboxRecord record, Sm4FieldCipher atRest) {
        byte[] key = record.idempotencyKey().value().getBytes(StandardCharsets.US_ASCII);
        byte[] kind = record.kind().getBytes(StandardCharsets.UTF_8);
        byte[] payload = atRest == null ? record.payloadUnsafe()
                : atRest.encrypt(record.payloadUnsafe(), associatedData(record.sequence(),
                        record.createdAt().toEpochMilli(), key, kind));
        int bodyLength = RECORD_FIXED_BODY + key.length + kind.length + payload.length;
        ByteBuffer frame = ByteBuffer.allocate(FRAME_OVERHEAD + bodyLength);
        frame.putInt(bodyLength).putInt(0);
        frame.put(atRest == null ? TYPE_RECORD : TYPE_SEALED).putLong(record.sequence())
                .putLong(record.createdAt().toEpochMilli());
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

    private static byte[] associatedData(long sequence, long createdAt, byte[] key, byte[] kind) {
        return ByteBuffer.allocate(SEAL_CONTEXT.length + 8 + 8 + 2 + key.length + 2 + kind.length)
                .put(SEAL_CONTEXT).putLong(sequence).putLong(createdAt)
                .putShort((short) key.length).put(key).putShort((short) kind.length).put(kind).array();
    }

    /**
     * Whether the bytes at {@code offset} look like the start of a frame this version writes, judged from the
     * fields alone (before the CRC): a recovery that lost its place in a damaged journal looks for the next one.
     * The body's own length fields must add up to the frame's length, which random bytes seldom do.
     */
    static boolean plausibleFrame(byte[] file, int offset, int end) {
        if (end - offset < FRAME_OVERHEAD + 1) {
            return false;
        }
        ByteBuffer in = ByteBuffer.wrap(file, offset, end - offset);
        long bodyLength = in.getInt() & 0xffffffffL;
        in.getInt();
        if (bodyLength == 0 || bodyLength > end - offset - FRAME_OVERHEAD) {
            return false;
        }
        byte type = in.get();
        if (type == TYPE_ACK) {
            return bodyLength == 9;
        }
        if ((type != TYPE_RECORD && type != TYPE_SEALED) || bodyLength < RECORD_FIXED_BODY) {
            return false;
        }
        in.getLong();
        in.getLong();
        int keyLength = in.getShort() & 0xffff;
        if (keyLength == 0 || keyLength > 256 || in.remaining() < keyLength + 2) {
            return false;
        }
        in.position(in.position() + keyLength);
        int kindLength = in.getShort() & 0xffff;
        if (kindLength == 0 || kindLength > 256 || in.remaining() < kindLength + 4) {
            return false;
        }
        in.position(in.position() + kindLength);
        long payloadLength = in.getInt() & 0xffffffffL;
        return RECORD_FIXED_BODY + keyLength + kindLength + payloadLength == bodyLength;
    }

    /** Whether a frame starts at {@code offset} whose length fits and whose CRC matches. */
    static boolean intactFrame(byte[] file, int offset, int end) {
        if (end - offset < FRAME_OVERHEAD) {
            return false;
        }
        ByteBuffer in = ByteBuffer.wrap(file, offset, end - offset);
        long bodyLength = in.getInt() & 0xffffffffL;
        int storedCrc = in.getInt();
        return bodyLength > 0 && bodyLength <= end - offset - FRAME_OVERHEAD
                && (int) crc(file, offset + FRAME_OVERHEAD, (int) bodyLength) == storedCrc;
    }

    static int bodyLength(byte[] file, int offset) {
        return ByteBuffer.wrap(file, offset, 4).getInt();
    }

    static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }

    /** A sealed payload whose frame CRC matched: a failure here is the key, not damage to the file. */
    private static byte[] open(byte[] sealed, byte[] associatedData, long offset, String file, Sm4FieldCipher atRest) {
        if (atRest == null) {
            throw new OutboxStorageException(file + ": the record at offset " + offset + " is encrypted at rest; "
                    + "open the outbox with its key (Outbox.Builder.encryptAtRest)");
        }
        try {
            return atRest.decrypt(sealed, associatedData);
        } catch (CryptoException wrongKey) {
            throw new OutboxStorageException(file + ": the record at offset " + offset + " does not decrypt with "
                    + "the key given to encryptAtRest (a different key than the one that wrote it?)");
        }
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
        return decode(body, 0, body.length, offset, file, null);
    }

    /**
     * Decodes a body whose CRC matched, opening a sealed record with the cipher.
     *
     * @throws OutboxStorageException when the body is well-sealed but not one this version writes, or a sealed
     *     record meets no key or the wrong key
     */
    static Entry decode(byte[] bytes, int start, int length, long offset, String file, Sm4FieldCipher atRest) {
        ByteBuffer in = ByteBuffer.wrap(bytes, start, length).slice();
        byte type = in.get();
        try {
            if (type == TYPE_ACK && length == 9) {
                return new Entry(null, in.getLong());
            }
            if (type == TYPE_RECORD || type == TYPE_SEALED) {
                long sequence = in.getLong();
                long createdAt = in.getLong();
                byte[] key = new byte[in.getShort() & 0xffff];
                in.get(key);
                byte[] kind = new byte[in.getShort() & 0xffff];
                in.get(kind);
                byte[] payload = new byte[in.getInt()];
                in.get(payload);
                if (in.hasRemaining()) {
                    throw new IllegalArgumentException("trailing bytes");
                }
                if (type == TYPE_SEALED) {
                    payload = open(payload, associatedData(sequence, createdAt, key, kind), offset, file, atRest);
                }
                return new Entry(new OutboxRecord(sequence,
                        IdempotencyKey.of(new String(key, StandardCharsets.US_ASCII)),
                        new String(kind, StandardCharsets.UTF_8), Instant.ofEpochMilli(createdAt), payload), -1);
            }
        } catch (OutboxStorageException keyProblem) {
            throw keyProblem;
        } catch (RuntimeException malformed) {
            throw new OutboxStorageException(file + ": entry at offset " + offset
                    + " has a valid checksum but a malformed body", malformed);
        }
        throw new OutboxStorageException(file + ": entry at offset " + offset + " has unknown type " + type
                + "; was the journal written by a newer SDK?");
    }
}
