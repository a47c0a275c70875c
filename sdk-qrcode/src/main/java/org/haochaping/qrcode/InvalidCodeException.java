package org.haochaping.qrcode;

import org.haochaping.HcpException;

/**
 * A scanned code that must not be accepted. Each subclass is one reason, named by {@link #reason()} for
 * logs, reports and the {@code hcp qr verify} output. Messages never repeat the scanned content.
 */
public abstract class InvalidCodeException extends HcpException {

    private static final long serialVersionUID = 1L;

    /** Why a code was refused; the constant names are stable and appear in reports. */
    public enum Reason {
        /** The text does not follow the grammar (wrong shape, bad field, truncated, trailing data). */
        MALFORMED,
        /** The signature does not verify under the named key, or the key is unknown. */
        BAD_SIGNATURE,
        /** The expiry, plus the clock-skew tolerance, has passed. */
        EXPIRED,
        /** The issue time lies further in the future than the clock-skew tolerance allows. */
        NOT_YET_VALID
    }

    InvalidCodeException(String message) {
        super(message);
    }

    InvalidCodeException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract Reason reason();
}
