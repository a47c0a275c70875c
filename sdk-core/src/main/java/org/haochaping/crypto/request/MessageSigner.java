package org.haochaping.crypto.request;

import java.security.SecureRandom;
import java.time.Clock;

import org.bouncycastle.util.encoders.Base64;
import org.bouncycastle.util.encoders.Hex;
import org.haochaping.crypto.Signer;
import org.haochaping.crypto.sign.KeyIds;

/**
 * Signs HTTP messages with the unified profile ({@link CanonicalMessage}): the SDK signs its requests,
 * the platform (or the simulator) signs responses and callbacks. Fills in timestamp (from the injected
 * {@link Clock}) and a random 128-bit nonce. Thread-safe when the {@link Signer} is (the SDK's are).
 */
public final class MessageSigner {

    private static final int NONCE_BYTES = 16;

    private final Signer signer;
    private final String appId;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private MessageSigner(Builder builder) {
        this.signer = builder.signer;
        this.appId = builder.appId;
        this.clock = builder.clock;
    }

    public static Builder builder(Signer signer) {
        return new Builder(signer);
    }

    /** Signs a request of this signer's app id (the SDK calling the platform). */
    public SignedHeaders signRequest(String method, String encodedPath, String encodedQuery, byte[] body) {
        if (appId == null) {
            throw new IllegalStateException("signRequest needs the builder's appId; use sign(...) to name it per message");
        }
        return sign(MessageDirection.REQUEST, appId, method, encodedPath, encodedQuery, body);
    }

    /**
     * Signs any message of the profile.
     *
     * @param appId the app the exchange belongs to (for a response or callback: the app it is addressed to)
     * @param method for a response, the method of the request it answers; likewise path and query
     */
    public SignedHeaders sign(MessageDirection direction, String appId, String method, String encodedPath,
            String encodedQuery, byte[] body) {
        long timestamp = clock.instant().getEpochSecond();
        byte[] nonceBytes = new byte[NONCE_BYTES];
        random.nextBytes(nonceBytes);
        String nonce = Hex.toHexString(nonceBytes);
        CanonicalMessage canonical = CanonicalMessage.builder()
                .algorithm(signer.algorithm())
                .direction(direction)
                .method(method)
                .path(encodedPath)
                .query(encodedQuery)
                .appId(appId)
                .keyId(signer.keyId())
                .timestamp(timestamp)
                .nonce(nonce)
                .body(body)
                .build();
        String signature = Base64.toBase64String(signer.sign(canonical.bytes()));
        return new SignedHeaders(appId, signer.keyId(), signer.algorithm(), timestamp, nonce, signature, canonical);
    }

    @Override
    public String toString() {
        return "MessageSigner[" + signer.algorithm() + ", keyId " + signer.keyId() + ", appId " + appId + "]";
    }

    /** Options of a {@link MessageSigner}. */
    public static final class Builder {
        private final Signer signer;
        private String appId;
        private Clock clock = Clock.systemUTC();

        private Builder(Signer signer) {
            if (signer == null) {
                throw new IllegalArgumentException("signer is null");
            }
            this.signer = signer;
        }

        /** The app id assigned by the platform, used by {@link #signRequest}. */
        public Builder appId(String appId) {
            this.appId = KeyIds.require(appId);
            return this;
        }

        /** The clock timestamps come from (inject one in tests or to correct a known skew). */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new IllegalArgumentException("clock is null");
            }
            this.clock = clock;
            return this;
        }

        public MessageSigner build() {
            return new MessageSigner(this);
        }
    }
}
