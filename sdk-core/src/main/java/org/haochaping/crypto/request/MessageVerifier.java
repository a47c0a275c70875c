package org.haochaping.crypto.request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.bouncycastle.util.encoders.Base64;
import org.bouncycastle.util.encoders.DecoderException;
import org.haochaping.InternalApi;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.Verifier;
import org.haochaping.crypto.sign.KeyIds;

/**
 * Verifies messages signed with the unified profile: the SDK checks platform responses and callbacks
 * with the platform keys, the simulator checks SDK requests. In order: headers present and well-formed
 * ({@code MALFORMED}), the expected app id and algorithm ({@code SIGNATURE_INVALID}), the timestamp
 * within the allowed skew of the injected clock, ±5 minutes by default ({@code EXPIRED}), the
 * signature ({@code UNKNOWN_KEY}, {@code MALFORMED}, {@code SIGNATURE_INVALID}), and last the nonce, so
 * that only authentic messages take a place in the bounded {@link ReplayGuard} ({@code REPLAYED}).
 * Thread-safe.
 */
@InternalApi
public final class MessageVerifier {

    /** The default allowed difference between the sender's timestamp and this clock. */
    public static final Duration DEFAULT_ALLOWED_SKEW = Duration.ofMinutes(5);
    /** The default number of nonces remembered. */
    public static final int DEFAULT_REPLAY_CAPACITY = 100_000;

    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");

    private final Verifier verifier;
    private final Clock clock;
    private final Duration allowedSkew;
    private final String expectedAppId;
    private final ReplayGuard replayGuard;

    private MessageVerifier(Builder builder) {
        this.verifier = builder.verifier;
        this.clock = builder.clock;
        this.allowedSkew = builder.allowedSkew;
        this.expectedAppId = builder.expectedAppId;
        this.replayGuard = builder.replayGuard != null ? builder.replayGuard : new InMemoryReplayGuard(DEFAULT_REPLAY_CAPACITY);
    }

    public static Builder builder(Verifier verifier) {
        return new Builder(verifier);
    }

    /**
     * Verifies one request or callback ({@code REQUEST} direction); responses use {@link #verifyResponse}.
     *
     * @param headers the message's headers; names are matched case-insensitively
     * @param body the body bytes exactly as received ({@code null} for none)
     * @throws CryptoException with the reason the message is refused
     */
    public VerifiedMessage verify(MessageDirection direction, String method, String encodedPath, String encodedQuery,
            Map<String, String> headers, byte[] body) {
        if (direction != MessageDirection.REQUEST) {
            throw new IllegalArgumentException("a response is bound to its request: use verifyResponse");
        }
        return verify(direction, method, encodedPath, encodedQuery, null, null, headers, body);
    }

    /**
     * Verifies a response against the request it answers: method, path and query of the request, and the nonce and
     * body bytes the request was sent with. A response the platform gave to any other request fails
     * ({@code SIGNATURE_INVALID}).
     *
     * @param requestNonce the {@code X-Hcp-Nonce} the request was sent with
     * @param requestBody the request's body bytes as sent ({@code null} for none)
     * @throws CryptoException with the reason the response is refused
     */
    public VerifiedMessage verifyResponse(String method, String encodedPath, String encodedQuery, String requestNonce,
            byte[] requestBody, Map<String, String> headers, byte[] body) {
        return verify(MessageDirection.RESPONSE, method, encodedPath, encodedQuery,
                requestNonce == null ? "" : requestNonce, requestBody == null ? new byte[0] : requestBody, headers, body);
    }

    private VerifiedMessage verify(MessageDirection direction, String method, String encodedPath, String encodedQuery,
            String requestNonce, byte[] requestBody, Map<String, String> headers, byte[] body) {
        if (headers == null) {
            throw new IllegalArgumentException("headers are required");
        }
        Map<String, String> h = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        String appId = require(h, SignatureHeaders.APP_ID);
        String keyId = require(h, SignatureHeaders.KEY_ID);
        String algorithm = require(h, SignatureHeaders.ALGORITHM);
        String timestampText = require(h, SignatureHeaders.TIMESTAMP);
        String nonce = require(h, SignatureHeaders.NONCE);
        String signatureText = require(h, SignatureHeaders.SIGNATURE);
        if (!KeyIds.isValid(appId) || !KeyIds.isValid(keyId)) {
            throw malformed(SignatureHeaders.APP_ID + " and " + SignatureHeaders.KEY_ID + " must be 1 to 64 characters of A-Z a-z 0-9 . _ : -");
        }
        if (!TIMESTAMP.matcher(timestampText).matches()) {
            throw malformed(SignatureHeaders.TIMESTAMP + " must be Unix seconds");
        }
        if (!CanonicalMessage.isValidNonce(nonce)) {
            throw malformed(SignatureHeaders.NONCE + " must be 16 to 64 characters of A-Z a-z 0-9 _ -");
        }
        byte[] signature;
        try {
            signature = Base64.decode(signatureText);
        } catch (DecoderException e) {
            throw malformed(SignatureHeaders.SIGNATURE + " is not valid Base64");
        }
        if (expectedAppId != null && !expectedAppId.equals(appId)) {
            throw new CryptoException(CryptoException.Reason.SIGNATURE_INVALID,
                    "message is for app id '" + appId + "', expected '" + expectedAppId + "'");
        }
        if (!verifier.algorithm().equals(algorithm)) {
            throw new CryptoException(CryptoException.Reason.SIGNATURE_INVALID,
                    "message is signed with " + sanitize(algorithm) + ", this verifier accepts " + verifier.algorithm());
        }
        long timestamp = Long.parseLong(timestampText);
        Instant now = clock.instant();
        long skewSeconds = Math.abs(now.getEpochSecond() - timestamp);
        if (skewSeconds > allowedSkew.getSeconds()) {
            throw new CryptoException(CryptoException.Reason.EXPIRED,
                    SignatureHeaders.TIMESTAMP + " is " + skewSeconds + " s from this clock; at most "
                            + allowedSkew.getSeconds() + " s are allowed");
        }
        CanonicalMessage.Builder builder = CanonicalMessage.builder()
                .algorithm(algorithm)
                .direction(direction)
                .method(method)
                .path(encodedPath)
                .query(encodedQuery)
                .appId(appId)
                .keyId(keyId)
                .timestamp(timestamp)
                .nonce(nonce)
                .body(body);
        if (direction == MessageDirection.RESPONSE) {
            builder.answering(CanonicalMessage.isValidNonce(requestNonce) ? requestNonce : "", requestBody);
        }
        CanonicalMessage canonical = builder.build();
        verifier.verifyOrThrow(keyId, canonical.bytes(), signature);
        // The timestamp check compares whole seconds, so a message stays acceptable until the end of second
        // timestamp + skew: its nonce is remembered until then, not merely until that second starts.
        long expiresAt = (timestamp + allowedSkew.getSeconds() + 1) * 1000L;
        if (!replayGuard.firstSeen(nonce, now.toEpochMilli(), expiresAt)) {
            throw new CryptoException(CryptoException.Reason.REPLAYED,
                    SignatureHeaders.NONCE + " was already used by an accepted message within the window");
        }
        return new VerifiedMessage(appId, keyId, Instant.ofEpochSecond(timestamp), nonce);
    }

    private static String require(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isEmpty()) {
            throw malformed("header " + name + " is missing");
        }
        return value.trim();
    }

    private static String sanitize(String algorithm) {
        return algorithm.matches("[A-Za-z0-9\\-]{1,32}") ? algorithm : "(unrecognised algorithm)";
    }

    private static CryptoException malformed(String message) {
        return new CryptoException(CryptoException.Reason.MALFORMED, message);
    }

    @Override
    public String toString() {
        return "MessageVerifier[" + verifier.algorithm() + ", skew " + allowedSkew + "]";
    }

    /** Options of a {@link MessageVerifier}. */
    public static final class Builder {
        private final Verifier verifier;
        private Clock clock = Clock.systemUTC();
        private Duration allowedSkew = DEFAULT_ALLOWED_SKEW;
        private String expectedAppId;
        private ReplayGuard replayGuard;

        private Builder(Verifier verifier) {
            if (verifier == null) {
                throw new IllegalArgumentException("verifier is null");
            }
            this.verifier = verifier;
        }

        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new IllegalArgumentException("clock is null");
            }
            this.clock = clock;
            return this;
        }

        /** How far a timestamp may be from this clock, either way; default 5 minutes. */
        public Builder allowedSkew(Duration allowedSkew) {
            if (allowedSkew == null || allowedSkew.isNegative() || allowedSkew.getSeconds() < 1) {
                throw new IllegalArgumentException("allowed skew must be at least one second");
            }
            this.allowedSkew = allowedSkew;
            return this;
        }

        /** Refuses messages for any other app id (the SDK: its own app id). */
        public Builder expectedAppId(String appId) {
            this.expectedAppId = KeyIds.require(appId);
            return this;
        }

        /** The nonce memory; default an {@link InMemoryReplayGuard} of {@value MessageVerifier#DEFAULT_REPLAY_CAPACITY}. */
        public Builder replayGuard(ReplayGuard replayGuard) {
            if (replayGuard == null) {
                throw new IllegalArgumentException("replay guard is null");
            }
            this.replayGuard = replayGuard;
            return this;
        }

        public MessageVerifier build() {
            return new MessageVerifier(this);
        }
    }
}
