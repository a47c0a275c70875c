package org.haochaping.crypto.sign;

import java.util.Set;

import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.util.Arrays;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.Verifier;

/**
 * Checks HMAC-SM3 or HMAC-SHA256 tags under one or more shared secrets picked by key id, in constant
 * time. Thread-safe; secrets can be added and removed in use.
 */
public final class HmacVerifier implements Verifier {

    private final SignatureAlgorithm algorithm;
    private final KeyRing<Pool<HMac>> keys = new KeyRing<Pool<HMac>>();

    public HmacVerifier(SignatureAlgorithm algorithm) {
        HmacKeys.requireAlgorithm(algorithm);
        this.algorithm = algorithm;
    }

    /** Accepts tags made with {@code secret} (at least 16 bytes; copied) under {@code keyId}. */
    public void addKey(String keyId, byte[] secret) {
        KeyIds.require(keyId);
        keys.put(keyId, HmacKeys.pool(algorithm, secret));
    }

    public boolean removeKey(String keyId) {
        return keys.remove(keyId);
    }

    public Set<String> keyIds() {
        return keys.ids();
    }

    @Override
    public String algorithm() {
        return algorithm.wireName();
    }

    @Override
    public boolean verify(String keyId, byte[] message, byte[] signature) {
        try {
            verifyOrThrow(keyId, message, signature);
            return true;
        } catch (CryptoException e) {
            return false;
        }
    }

    @Override
    public void verifyOrThrow(String keyId, byte[] message, byte[] signature) {
        Pool<HMac> engines = keys.require(algorithm.wireName(), keyId);
        byte[] expected = HmacKeys.mac(engines, message);
        if (signature == null || signature.length != expected.length) {
            throw new CryptoException(CryptoException.Reason.MALFORMED,
                    algorithm.wireName() + " tag must be " + expected.length + " bytes");
        }
        if (!Arrays.constantTimeAreEqual(expected, signature)) {
            throw new CryptoException(CryptoException.Reason.SIGNATURE_INVALID,
                    algorithm.wireName() + " tag does not verify under key id '" + keyId + "'");
        }
    }

    @Override
    public String toString() {
        return "HmacVerifier[" + algorithm + ", keys " + keys.ids() + "]";
    }
}
