package org.haochaping.crypto;

import org.haochaping.HcpException;

/**
 * The one exception of the crypto layer. {@link #reason()} says what went wrong so callers can react
 * (refuse a callback, rotate a key, ask the sender to retry); the message names the field and the rule
 * but never contains key material, secrets or personal data (Art. 17).
 */
public final class CryptoException extends HcpException {

    private static final long serialVersionUID = 1L;

    /** Why a signing, verification, encryption or key operation failed. */
    public enum Reason {
        /** Well-formed signature that does not match the message, the key or the signer ID. */
        SIGNATURE_INVALID,
        /** No key is registered under the key id the message names. */
        UNKNOWN_KEY,
        /** The key cannot be used: wrong algorithm or curve, unreadable, wrong password. */
        KEY_UNUSABLE,
        /** Input that is not in the expected encoding: bad DER, wrong length, bad Base64, missing header. */
        MALFORMED,
        /** A timestamp outside the accepted window. */
        EXPIRED,
        /** A nonce (or envelope) already seen inside the window. */
        REPLAYED,
        /** Ciphertext that does not decrypt: wrong key, tampered data or failed authentication tag. */
        DECRYPTION_FAILED
    }

    private final Reason reason;

    public CryptoException(Reason reason, String message) {
        super(message);
        this.reason = requireReason(reason);
    }

    public CryptoException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = requireReason(reason);
    }

    private static Reason requireReason(Reason reason) {
        if (reason == null) {
            throw new NullPointerException("reason");
        }
        return reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "CryptoException[" + reason + "]: " + getMessage();
    }
}
