package org.haochaping.crypto.sign;

import java.util.Set;

import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.Verifier;
import org.haochaping.crypto.internal.BouncyCastleKeys;
import org.haochaping.crypto.keys.KeyAlgorithm;
import org.haochaping.crypto.keys.PublicKeyMaterial;

/**
 * Verifies RSA / SHA-256 signatures (PKCS#1 v1.5 or PSS) under one or more keys picked by key id. A
 * signature whose length is not the modulus length is {@code MALFORMED}. Thread-safe; keys can be added
 * and removed in use.
 */
public final class RsaVerifier implements Verifier {

    private final RsaPadding padding;
    private final KeyRing<RSAKeyParameters> keys = new KeyRing<RSAKeyParameters>();

    public RsaVerifier(RsaPadding padding) {
        if (padding == null) {
            throw new IllegalArgumentException("padding is null");
        }
        this.padding = padding;
    }

    public void addKey(String keyId, PublicKeyMaterial key) {
        KeyIds.require(keyId);
        if (key == null || key.algorithm() != KeyAlgorithm.RSA) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                    "RSA verifier needs an RSA public key" + (key == null ? "" : ", got " + key.algorithm()));
        }
        keys.put(keyId, (RSAKeyParameters) BouncyCastleKeys.parameters(key));
    }

    public boolean removeKey(String keyId) {
        return keys.remove(keyId);
    }

    public Set<String> keyIds() {
        return keys.ids();
    }

    @Override
    public String algorithm() {
        return padding.algorithm().wireName();
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
        if (message == null) {
            throw new IllegalArgumentException("message is null");
        }
        RSAKeyParameters key = keys.require(algorithm(), keyId);
        int length = (key.getModulus().bitLength() + 7) / 8;
        if (signature == null || signature.length != length) {
            throw new CryptoException(CryptoException.Reason.MALFORMED,
                    algorithm() + " signature must be " + length + " bytes (the modulus length)");
        }
        org.bouncycastle.crypto.Signer engine = RsaEngines.create(padding);
        engine.init(false, key);
        engine.update(message, 0, message.length);
        if (!engine.verifySignature(signature)) {
            throw new CryptoException(CryptoException.Reason.SIGNATURE_INVALID,
                    algorithm() + " signature does not verify under key id '" + keyId + "'");
        }
    }

    @Override
    public String toString() {
        return "RsaVerifier[" + padding + ", keys " + keys.ids() + "]";
    }
}
