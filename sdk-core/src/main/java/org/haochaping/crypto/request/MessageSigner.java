package org.haochaping.crypto.request;

import java.security.SecureRandom;
import java.time.Clock;

import org.bouncycastle.util.encoders.Base64;
import org.bouncycastle.util.encoders.Hex;
import org.haochaping.InternalApi;
import org.haochaping.crypto.Signer;
import org.haochaping.crypto.sign.KeyIds;

/**
 * Signs HTTP messages with the unified profile ({@link CanonicalMessage}): the SDK signs its requests,
 * the platform (or the simulator) signs responses and callbacks. Fills in timestamp (from the injected
 * {@link Clock}) and a random 128-bit nonce. Thread-safe when the {@link Signer} is (the SDK's are).
 */
@InternalApi
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
     * Signs a request or callback ({@code REQUEST} direction) of the profile; responses use {@link #signResponse}.
     *
     * @param appId the app the exchange belongs to (for a callback: the app it is addressed to)
     */
    public SignedHeaders sign(MessageDirection direction, String appId, String method, String encodedPath,
            String encodedQuery, byte[] body) {
        if (direction != MessageDirection.REQUEST) {
            throw new IllegalArgumentException("a response is bound to its request: use signResponse");
        }
        return sign(direction, appId, method, encodedPath, encodedQuery, null, null, body);
    }

    /**
     * Signs a response (the platform's side), bound to the request it answers: that request's method, path, query,
     * nonce and body digest are signed with it, so no other answer can stand in for it.
     *
     * @param appId the app the request named
     * @param requestNonce the request's {@code X-Hcp-Nonce} ({@code null} or empty when it had no well-formed one)
     * @param requestBody the request's body bytes as received ({@code null} for none)
     */
    public SignedHeaders signResponse(String appId, String method, String encodedPath, String encodedQuery,
            String requestNonce, byte[] requestBody, byte[] body) {
        return sign(MessageDirection.RESPONSE, appId, method, encodedPath, encodedQuery,
                CanonicalMessage.isValidNonce(requestNonce) ? requestNonce : "", requestBody == null ? new byte[0] : requestBody,
                body);
    }

    private SignedHeaders sign(MessageDirection direction, String appId, String method, String encodedPath,
            String encodedQuery, String requestNonce, byte[] requestBody, byte[] body) {
        long timestamp = clock.instant().getEpochSecond();
        byte[] nonceBytes = new byte[NONCE_BYTES];
        random.nextBytes(nonceBytes);
        String nonce = Hex.toHexString(nonceBytes);
        CanonicalMessage.Builder builder = CanonicalMessage.builder()
                .algorithm(signer.algorithm())
                .direction(direction)
                .method(method)
                .path(encodedPath)
                .query(encodedQuery)
                .appId(appId)
                .keyId(signer.keyId())
                .timestamp(timestamp)
                .nonce(nonce)
                .body(body);
        if (direction == MessageDirection.RESPONSE) {
            builder.answering(requestNonce, requestBody);
        }
        CanonicalMessage canonical = builder.build();
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
