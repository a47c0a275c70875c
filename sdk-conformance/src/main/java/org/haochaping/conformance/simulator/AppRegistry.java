package org.haochaping.conformance.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.Verifier;
import org.haochaping.crypto.request.MessageDirection;
import org.haochaping.crypto.request.MessageVerifier;
import org.haochaping.crypto.request.SignatureHeaders;
import org.haochaping.crypto.sign.KeyIds;

/**
 * The registered apps and the verification of their requests (docs/interface-spec.md, section 4): one
 * {@link MessageVerifier} per app, bound to the app id, with the app's keys, the platform's clock and its own
 * nonce memory. Thread-safe; apps can be registered while requests are served.
 */
final class AppRegistry {

    private final Clock clock;
    private final Duration allowedSkew;
    private final Map<String, MessageVerifier> apps = new ConcurrentHashMap<>();

    AppRegistry(Clock clock, Duration allowedSkew) {
        this.clock = clock;
        this.allowedSkew = allowedSkew;
    }

    /** Registers (or replaces) an app; {@code verifier} holds its public keys by key id. */
    void register(String appId, Verifier verifier) {
        KeyIds.require(appId);
        if (verifier == null) {
            throw new IllegalArgumentException("verifier is null");
        }
        apps.put(appId, MessageVerifier.builder(verifier).clock(clock).allowedSkew(allowedSkew).expectedAppId(appId).build());
    }

    boolean isRegistered(String appId) {
        return apps.containsKey(appId);
    }

    /**
     * Authenticates a request: the app is registered ({@code UNKNOWN_APP}), then headers, window, signature and
     * nonce ({@code SIGNATURE_INVALID}, {@code TIMESTAMP_EXPIRED}, {@code NONCE_REPLAYED}).
     *
     * @return the app id
     */
    String authenticate(SimRequest request) {
        String appId = request.header(SignatureHeaders.APP_ID);
        if (appId == null || appId.isEmpty()) {
            throw new ApiException(ErrorCode.SIGNATURE_INVALID, "header " + SignatureHeaders.APP_ID + " is missing");
        }
        if (!KeyIds.isValid(appId)) {
            throw new ApiException(ErrorCode.SIGNATURE_INVALID,
                    SignatureHeaders.APP_ID + " must be 1 to 64 characters of A-Z a-z 0-9 . _ : -");
        }
        MessageVerifier verifier = apps.get(appId);
        if (verifier == null) {
            throw new ApiException(ErrorCode.UNKNOWN_APP, "app id '" + appId + "' is not registered with this platform");
        }
        try {
            verifier.verify(MessageDirection.REQUEST, request.method, request.path, request.query, request.headers, request.body);
        } catch (CryptoException e) {
            throw new ApiException(codeOf(e.reason()), e.getMessage());
        }
        return appId;
    }

    static ErrorCode codeOf(CryptoException.Reason reason) {
        switch (reason) {
            case EXPIRED:
                return ErrorCode.TIMESTAMP_EXPIRED;
            case REPLAYED:
                return ErrorCode.NONCE_REPLAYED;
            default:
                return ErrorCode.SIGNATURE_INVALID;
        }
    }
}
