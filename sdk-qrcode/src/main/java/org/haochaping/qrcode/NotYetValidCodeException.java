package org.haochaping.qrcode;

import java.time.Duration;
import java.time.Instant;

/** The receipt code claims an issue time in the future beyond the clock-skew tolerance. */
public final class NotYetValidCodeException extends InvalidCodeException {

    private static final long serialVersionUID = 1L;

    private final Instant issuedAt;

    NotYetValidCodeException(Instant issuedAt, Instant now, Duration skew) {
        super("receipt code issued at " + issuedAt + " lies in the future; now " + now + ", clock-skew tolerance " + skew);
        this.issuedAt = issuedAt;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    @Override
    public Reason reason() {
        return Reason.NOT_YET_VALID;
    }
}
