package org.haochaping.qrcode;

/**
 * Bytes as decimal digits, 7 bytes to 17 digits: QR numeric mode stores a digit in 3⅓ bits, so the
 * payload costs 8.1 bits per byte in the symbol instead of 8 in byte mode plus the 33% of Base64 (10.7),
 * and the digits need no escaping in a URL.
 *
 * <p>Each full block of 7 bytes is read as an unsigned big-endian number and written as 17 digits with
 * leading zeros. A last block of {@code k} (1 to 6) bytes is written the same way in {@code 3, 5, 8, 10,
 * 13, 15} digits, the fewest that hold {@code 256^k - 1}. Decoding accepts only this canonical form.
 */
final class DecimalBlocks {

    private static final int BLOCK_BYTES = 7;
    private static final int BLOCK_DIGITS = 17;
    /** Digits for a last block of k bytes, k = 0..7. */
    private static final int[] DIGITS_FOR_BYTES = {0, 3, 5, 8, 10, 13, 15, 17};

    private DecimalBlocks() {
    }

    static String encode(byte[] bytes) {
        int full = bytes.length / BLOCK_BYTES;
        int rest = bytes.length % BLOCK_BYTES;
        char[] out = new char[full * BLOCK_DIGITS + DIGITS_FOR_BYTES[rest]];
        int at = 0;
        for (int block = 0; block <= full; block++) {
            int k = block < full ? BLOCK_BYTES : rest;
            long value = 0;
            for (int i = 0; i < k; i++) {
                value = value << 8 | (bytes[block * BLOCK_BYTES + i] & 0xFF);
            }
            int digits = DIGITS_FOR_BYTES[k];
            for (int i = digits - 1; i >= 0; i--) {
                out[at + i] = (char) ('0' + value % 10);
                value /= 10;
            }
            at += digits;
        }
        return new String(out);
    }

    /** @throws MalformedCodeException if the text is not the canonical encoding of some bytes */
    static byte[] decode(String digits) {
        int full = digits.length() / BLOCK_DIGITS;
        int restDigits = digits.length() % BLOCK_DIGITS;
        int rest = -1;
        for (int k = 0; k < BLOCK_BYTES; k++) {
            if (DIGITS_FOR_BYTES[k] == restDigits) {
                rest = k;
            }
        }
        if (rest < 0) {
            throw new MalformedCodeException("payload", "has " + digits.length() + " digits, which no byte count encodes to");
        }
        byte[] out = new byte[full * BLOCK_BYTES + rest];
        for (int block = 0; block <= full; block++) {
            int k = block < full ? BLOCK_BYTES : rest;
            int start = block * BLOCK_DIGITS;
            long value = 0;
            for (int i = start; i < start + DIGITS_FOR_BYTES[k]; i++) {
                char c = digits.charAt(i);
                if (c < '0' || c > '9') {
                    throw new MalformedCodeException("payload", "has a non-digit at position " + i);
                }
                value = value * 10 + (c - '0');
            }
            if (value >>> (8 * k) != 0) {
                throw new MalformedCodeException("payload", "block at digit " + start + " is larger than " + k + " bytes hold");
            }
            for (int i = k - 1; i >= 0; i--) {
                out[block * BLOCK_BYTES + i] = (byte) value;
                value >>>= 8;
            }
        }
        return out;
    }
}
