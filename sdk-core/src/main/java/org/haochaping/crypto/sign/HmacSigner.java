package org.haochaping.crypto.sign;

import org.bouncycastle.crypto.macs.HMac;
import org.haochaping.crypto.Signer;

/**
 * HMAC-SM3 or HMAC-SHA256 "signatures" for platforms that hand out a shared secret instead of keys.
 * The secret is copied in and never leaves. Thread-safe.
 */
public final class HmacSigner implements Signer {

    private final SignatureAlgorithm algorithm;
    private final String keyId;
    private final Pool<HMac> engines;

    private HmacSigner(SignatureAlgorithm algorithm, String keyId, byte[] secret) {
        HmacKeys.requireAlgorithm(algorithm);
        this.algorithm = algorithm;
        this.keyId = KeyIds.require(keyId);
        this.engines = HmacKeys.pool(algorithm, secret);
    }

    /**
     * @param algorithm {@link SignatureAlgorithm#HMAC_SM3} or {@link SignatureAlgorithm#HMAC_SHA256}
     * @param keyId the id the platform knows this secret by (often the app id)
     * @param secret at least 16 bytes
     */
    public static HmacSigner of(SignatureAlgorithm algorithm, String keyId, byte[] secret) {
        return new HmacSigner(algorithm, keyId, secret);
    }

    @Override
    public String algorithm() {
        return algorithm.wireName();
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public byte[] sign(byte[] message) {
        return HmacKeys.mac(engines, message);
    }

    @Override
    public String toString() {
        return "HmacSigner[" + algorithm + ", keyId " + keyId + "]";
    }
}
