package org.haochaping.crypto.sign;

import java.security.SecureRandom;

import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.Signer;
import org.haochaping.crypto.internal.BouncyCastleKeys;
import org.haochaping.crypto.keys.KeyAlgorithm;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.keys.PublicKeyMaterial;

/** RSA signatures with SHA-256 (PKCS#1 v1.5 or PSS) for platforms that use them. Thread-safe. */
public final class RsaSigner implements Signer {

    private final PrivateKeyMaterial key;
    private final String keyId;
    private final RsaPadding padding;
    private final SecureRandom random = new SecureRandom();

    private RsaSigner(PrivateKeyMaterial key, String keyId, RsaPadding padding) {
        if (key == null || key.algorithm() != KeyAlgorithm.RSA) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                    "RSA signer needs an RSA key" + (key == null ? "" : ", got " + key.algorithm()));
        }
        if (padding == null) {
            throw new IllegalArgumentException("padding is null");
        }
        this.key = key;
        this.keyId = keyId == null ? key.publicKey().defaultKeyId() : KeyIds.require(keyId);
        this.padding = padding;
    }

    /** A signer whose key id is the public key's default key id. */
    public static RsaSigner of(PrivateKeyMaterial key, RsaPadding padding) {
        return new RsaSigner(key, null, padding);
    }

    public static RsaSigner of(PrivateKeyMaterial key, String keyId, RsaPadding padding) {
        return new RsaSigner(key, KeyIds.require(keyId), padding);
    }

    @Override
    public String algorithm() {
        return padding.algorithm().wireName();
    }

    @Override
    public String keyId() {
        return keyId;
    }

    public PublicKeyMaterial publicKey() {
        return key.publicKey();
    }

    @Override
    public byte[] sign(byte[] message) {
        if (message == null) {
            throw new IllegalArgumentException("message is null");
        }
        org.bouncycastle.crypto.Signer engine = RsaEngines.create(padding);
        // Blinding (and the PSS salt) draw on the random source.
        engine.init(true, new ParametersWithRandom(BouncyCastleKeys.parameters(key), random));
        engine.update(message, 0, message.length);
        try {
            return engine.generateSignature();
        } catch (org.bouncycastle.crypto.CryptoException e) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                    "RSA signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "RsaSigner[keyId " + keyId + ", " + padding + ", " + key + "]";
    }
}
