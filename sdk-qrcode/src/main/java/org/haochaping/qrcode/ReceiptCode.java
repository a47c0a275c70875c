package org.haochaping.qrcode;

import java.time.Instant;
import java.util.Objects;

/**
 * A dynamic receipt code (动态二维码, Art. 10(二)): what {@link ReceiptCodeIssuer} printed or what
 * {@link ReceiptCodeVerifier} accepted. Immutable.
 *
 * <p>The {@linkplain #nonce() nonce} lets the platform accept each code once: remember
 * {@code (keyId, nonce)} until {@link #expiresAt()} plus the clock-skew tolerance and refuse a second
 * evaluation through the same code.
 */
public final class ReceiptCode {

    private final ReceiptCase receiptCase;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final String nonce;
    private final String keyId;
    private final String text;

    ReceiptCode(ReceiptPayload payload, String text) {
        this.receiptCase = payload.receiptCase;
        this.issuedAt = Instant.ofEpochSecond(payload.issuedAt);
        this.expiresAt = Instant.ofEpochSecond(payload.expiresAt);
        this.nonce = hex(payload.nonce);
        this.keyId = payload.keyId;
        this.text = text;
    }

    /** The case, item, window and staff the code refers to. */
    public ReceiptCase receiptCase() {
        return receiptCase;
    }

    /** When the issuing system made the code (whole seconds). */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** When the code stops being accepted (whole seconds), before the verifier's clock-skew tolerance. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** The code's random nonce, 16 lowercase hex digits: with {@link #keyId()}, its one-time-use key. */
    public String nonce() {
        return nonce;
    }

    /** The issuing system's signing key, as named by its {@code Signer}. */
    public String keyId() {
        return keyId;
    }

    /** The complete text in the QR symbol: the evaluation page URL with the code appended. */
    public String text() {
        return text;
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = Character.forDigit((bytes[i] >>> 4) & 0xF, 16);
            out[2 * i + 1] = Character.forDigit(bytes[i] & 0xF, 16);
        }
        return new String(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceiptCode && ((ReceiptCode) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(text);
    }

    @Override
    public String toString() {
        return "ReceiptCode{" + receiptCase + ", issuedAt=" + issuedAt + ", expiresAt=" + expiresAt
                + ", keyId=" + keyId + ", nonce=" + nonce + "}";
    }
}
