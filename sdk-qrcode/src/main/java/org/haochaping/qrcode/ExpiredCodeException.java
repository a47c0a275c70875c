package org.haochaping.qrcode;

import java.time.Duration;
import java.time.Instant;

/** The receipt code's validity has ended, even allowing for clock skew. */
public final class ExpiredCodeException extends InvalidCodeException {

    private static final long serialVersionUID = 1L;

    private final Instant expiresAt;

    ExpiredCodeException(Instant expiresAt, Instant now, Duration skew) {
        super("receipt code expired at " + expiresAt + "; now " + now + ", clock-skew tolerance " + skew
                + " (evaluation window of Art. 16)");
        this.expiresAt = expiresAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public Reason reason() {
        return Reason.EXPIRED;
    }
}
