package org.haochaping.qrcode;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The binary payload of a receipt code, format version 1 (docs/interface-spec.md, "QR codes"):
 *
 * <pre>
 * payload   = body signature
 * body      = %x01 flags issued expires nonce key-id case-number item-code [window-code] [staff-number]
 * flags     = 1 byte: 0x01 window-code present, 0x02 staff-number present, other bits zero
 * issued    = 4 bytes, unsigned big-endian seconds since 1970-01-01T00:00:00Z
 * expires   = 4 bytes, the same; later than issued
 * nonce     = 8 random bytes
 * key-id, case-number, item-code, window-code, staff-number, signature
 *           = 1 length byte (1 to 255) followed by that many bytes; text in UTF-8
 * </pre>
 *
 * The signature covers {@code "HCP-RECEIPT" %x00 len(algorithm) algorithm body}: the domain prefix keeps
 * the issuer's key from being tricked into signing a receipt through some other message, and the
 * algorithm name binds the signature to one scheme without spending bytes on it in the code.
 */
final class ReceiptPayload {

    static final int FORMAT_VERSION = 1;
    static final int NONCE_BYTES = 8;
    private static final int FLAG_WINDOW = 0x01;
    private static final int FLAG_STAFF = 0x02;
    private static final byte[] DOMAIN = "HCP-RECEIPT".getBytes(StandardCharsets.US_ASCII);

    final ReceiptCase receiptCase;
    final long issuedAt;
    final long expiresAt;
    final byte[] nonce;
    final String keyId;
    final byte[] body;
    final byte[] signature;

    private ReceiptPayload(ReceiptCase receiptCase, long issuedAt, long expiresAt, byte[] nonce, String keyId,
            byte[] body, byte[] signature) {
        this.receiptCase = receiptCase;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.nonce = nonce;
        this.keyId = keyId;
        this.body = body;
        this.signature = signature;
    }

    static byte[] encodeBody(ReceiptCase receiptCase, long issuedAt, long expiresAt, byte[] nonce, String keyId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        String window = receiptCase.windowCode().orElse(null);
        String staff = receiptCase.staffNumber().orElse(null);
        out.write(FORMAT_VERSION);
        out.write((window != null ? FLAG_WINDOW : 0) | (staff != null ? FLAG_STAFF : 0));
        writeUint32(out, issuedAt);
        writeUint32(out, expiresAt);
        out.write(nonce, 0, nonce.length);
        writeText(out, keyId);
        writeText(out, receiptCase.caseNumber());
        writeText(out, receiptCase.itemCode());
        if (window != null) {
            writeText(out, window);
        }
        if (staff != null) {
            writeText(out, staff);
        }
        return out.toByteArray();
    }

    /** The exact bytes the issuer signs and the verifier checks. */
    static byte[] signedBytes(String algorithm, byte[] body) {
        byte[] name = algorithm.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buffer = ByteBuffer.allocate(DOMAIN.length + 2 + name.length + body.length);
        buffer.put(DOMAIN).put((byte) 0).put((byte) name.length).put(name).put(body);
        return buffer.array();
    }

    static byte[] payload(byte[] body, byte[] signature) {
        byte[] out = Arrays.copyOf(body, body.length + 1 + signature.length);
        out[body.length] = (byte) signature.length;
        System.arraycopy(signature, 0, out, body.length + 1, signature.length);
        return out;
    }

    /** @throws MalformedCodeException naming the first field that breaks the grammar */
    static ReceiptPayload decode(byte[] payload) {
        Reader in = new Reader(payload);
        int version = in.u8("version");
        if (version != FORMAT_VERSION) {
            throw new MalformedCodeException("version", "format version " + version + " is not supported (only "
                    + FORMAT_VERSION + ")");
        }
        int flags = in.u8("flags");
        if ((flags & ~(FLAG_WINDOW | FLAG_STAFF)) != 0) {
            throw new MalformedCodeException("flags", "reserved bits are set");
        }
        long issued = in.u32("issued");
        long expires = in.u32("expires");
        if (expires <= issued) {
            throw new MalformedCodeException("expires", "is not later than issued");
        }
        byte[] nonce = in.bytes(NONCE_BYTES, "nonce");
        String keyId = CodeField.KEY_ID.requireParsed(in.text("keyId"));
        String caseNumber = in.text("caseNumber");
        String itemCode = in.text("itemCode");
        String window = (flags & FLAG_WINDOW) != 0 ? in.text("windowCode") : null;
        String staff = (flags & FLAG_STAFF) != 0 ? in.text("staffNumber") : null;
        ReceiptCase receiptCase = ReceiptCase.parsed(caseNumber, itemCode, window, staff);
        int bodyLength = in.position;
        byte[] signature = in.bytes(in.u8("signature"), "signature");
        if (signature.length == 0) {
            throw new MalformedCodeException("signature", "is empty");
        }
        if (in.position != payload.length) {
            throw new MalformedCodeException("payload", (payload.length - in.position) + " bytes follow the signature");
        }
        return new ReceiptPayload(receiptCase, issued, expires, nonce, keyId, Arrays.copyOf(payload, bodyLength),
                signature);
    }

    private static void writeUint32(ByteArrayOutputStream out, long value) {
        out.write((int) (value >>> 24));
        out.write((int) (value >>> 16));
        out.write((int) (value >>> 8));
        out.write((int) value);
    }

    private static void writeText(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // CodeField limits keep every field under 256 bytes; this guards the invariant.
        if (bytes.length > 255) {
            throw new IllegalStateException("field of " + bytes.length + " bytes exceeds the 255-byte limit");
        }
        out.write(bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    private static final class Reader {
        private final byte[] data;
        int position;

        Reader(byte[] data) {
            this.data = data;
        }

        int u8(String field) {
            need(1, field);
            return data[position++] & 0xFF;
        }

        long u32(String field) {
            need(4, field);
            long value = 0;
            for (int i = 0; i < 4; i++) {
                value = value << 8 | (data[position++] & 0xFF);
            }
            return value;
        }

        byte[] bytes(int length, String field) {
            need(length, field);
            byte[] out = Arrays.copyOfRange(data, position, position + length);
            position += length;
            return out;
        }

        String text(String field) {
            byte[] bytes = bytes(u8(field), field);
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new MalformedCodeException(field, "is not valid UTF-8");
            }
        }

        private void need(int length, String field) {
            if (data.length - position < length) {
                throw new MalformedCodeException(field, "is cut off: the payload ends early");
            }
        }
    }
}
