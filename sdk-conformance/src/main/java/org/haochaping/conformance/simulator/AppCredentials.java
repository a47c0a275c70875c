package org.haochaping.conformance.simulator;

import java.time.Clock;

import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.sign.Sm2Signer;

/**
 * An app registered with the simulator together with its SM2 private key, as {@link SimulatedPlatform#newApp}
 * makes it for tests and demos. {@code toString()} never shows the key.
 */
public final class AppCredentials {

    private final String appId;
    private final String keyId;
    private final PrivateKeyMaterial privateKey;

    AppCredentials(String appId, String keyId, PrivateKeyMaterial privateKey) {
        this.appId = appId;
        this.keyId = keyId;
        this.privateKey = privateKey;
    }

    public String appId() {
        return appId;
    }

    public String keyId() {
        return keyId;
    }

    public PrivateKeyMaterial privateKey() {
        return privateKey;
    }

    public PublicKeyMaterial publicKey() {
        return privateKey.publicKey();
    }

    /** An SM2 signer of this app's key under its key id. */
    public Sm2Signer signer() {
        return Sm2Signer.builder(privateKey).keyId(keyId).build();
    }

    /** A request signer for this app whose timestamps come from {@code clock}. */
    public MessageSigner messageSigner(Clock clock) {
        return MessageSigner.builder(signer()).appId(appId).clock(clock).build();
    }

    @Override
    public String toString() {
        return "AppCredentials[appId " + appId + ", keyId " + keyId + "]";
    }
}
