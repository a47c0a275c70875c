package org.haochaping.qrcode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.haochaping.crypto.Verifier;

/**
 * Checks scanned receipt codes: grammar, then signature, then time. Immutable and thread-safe if its
 * {@link Verifier} is.
 *
 * <p>The page URL in front of the code is not checked (it is not signed): the payload carries everything
 * that matters, and a code copied under another URL is still the same signed code. One-time use is the
 * platform's to enforce with {@link ReceiptCode#nonce()}.
 */
public final class ReceiptCodeVerifier {

    /** Default tolerance for the difference between the issuing system's clock and the verifier's: 5 minutes. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

    private final Verifier verifier;
    private final String algorithm;
    private final Duration clockSkew;
    private final Clock clock;

    private ReceiptCodeVerifier(Builder builder) {
        this.verifier = builder.verifier;
        this.algorithm = ReceiptCodeIssuer.checkAlgorithm(verifier.algorithm());
        this.clockSkew = builder.clockSkew;
        this.clock = builder.clock;
    }

    /** @param verifier knows the issuing systems' public keys by key id */
    public static Builder builder(Verifier verifier) {
        if (verifier == null) {
            throw new IllegalArgumentException("verifier must not be null");
        }
        return new Builder(verifier);
    }

    /**
     * Accepts a scanned receipt code or says why not.
     *
     * @throws MalformedCodeException if the text breaks the grammar
     * @throws BadSignatureException if the signature does not verify under the named key
     * @throws ExpiredCodeException if now is past the expiry plus the clock-skew tolerance
     * @throws NotYetValidCodeException if now is before the issue time minus the clock-skew tolerance
     */
    public ReceiptCode verify(String text) {
        CodeText parsed = CodeText.parse(text, "r");
        ReceiptPayload payload = ReceiptPayload.decode(DecimalBlocks.decode(parsed.value(0)));
        byte[] signed = ReceiptPayload.signedBytes(algorithm, payload.body);
        if (!verifier.verify(payload.keyId, signed, payload.signature)) {
            throw new BadSignatureException(payload.keyId, algorithm);
        }
        ReceiptCode code = new ReceiptCode(payload, text);
        Instant now = clock.instant();
        if (now.isAfter(code.expiresAt().plus(clockSkew))) {
            throw new ExpiredCodeException(code.expiresAt(), now, clockSkew);
        }
        if (now.isBefore(code.issuedAt().minus(clockSkew))) {
            throw new NotYetValidCodeException(code.issuedAt(), now, clockSkew);
        }
        return code;
    }

    public static final class Builder {
        private final Verifier verifier;
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;
        private Clock clock = Clock.systemUTC();

        private Builder(Verifier verifier) {
            this.verifier = verifier;
        }

        /** Clock-skew tolerance applied to both ends of the validity, 0 to 1 hour; 5 minutes by default. */
        public Builder clockSkew(Duration clockSkew) {
            if (clockSkew == null || clockSkew.isNegative() || clockSkew.compareTo(Duration.ofHours(1)) > 0) {
                throw new InvalidFieldException("clockSkew", "must be 0 to 1 hour");
            }
            this.clockSkew = clockSkew;
            return this;
        }

        /** The clock to check validity against; the system UTC clock by default. */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new IllegalArgumentException("clock must not be null");
            }
            this.clock = clock;
            return this;
        }

        public ReceiptCodeVerifier build() {
            return new ReceiptCodeVerifier(this);
        }
    }
}
