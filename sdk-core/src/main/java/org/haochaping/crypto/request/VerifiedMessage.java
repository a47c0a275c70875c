package org.haochaping.crypto.request;

import java.time.Instant;
import org.haochaping.InternalApi;

/** What a verified message's headers said, once its signature, timestamp and nonce were accepted. */
@InternalApi
public final class VerifiedMessage {

    private final String appId;
    private final String keyId;
    private final Instant timestamp;
    private final String nonce;

    VerifiedMessage(String appId, String keyId, Instant timestamp, String nonce) {
        this.appId = appId;
        this.keyId = keyId;
        this.timestamp = timestamp;
        this.nonce = nonce;
    }

    public String appId() {
        return appId;
    }

    /** The key that signed: tells which platform key is in use during a rotation. */
    public String keyId() {
        return keyId;
    }

    public Instant timestamp() {
        return timestamp;
    }

    public String nonce() {
        return nonce;
    }

    @Override
    public String toString() {
        return "VerifiedMessage[appId " + appId + ", keyId " + keyId + ", " + timestamp + "]";
    }
}
