package org.haochaping.crypto.sign;

import java.util.Set;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.Verifier;
import org.haochaping.crypto.internal.BouncyCastleKeys;
import org.haochaping.crypto.keys.KeyAlgorithm;
import org.haochaping.crypto.keys.PublicKeyMaterial;

/**
 * Verifies ECDSA P-256 / SHA-256 signatures under one or more keys picked by key id. Malformed encodings
 * and r, s outside [1, n-1] are {@code MALFORMED}. Thread-safe; keys can be added and removed in use.
 */
public final class EcdsaP256Verifier implements Verifier {

    private static final String ALGORITHM = SignatureAlgorithm.ECDSA_P256_SHA256.wireName();

    private final SignatureEncoding encoding;
    private final KeyRing<ECPublicKeyParameters> keys = new KeyRing<ECPublicKeyParameters>();

    /** A verifier with no keys yet; add them with {@link #addKey}. */
    public EcdsaP256Verifier(SignatureEncoding encoding) {
        if (encoding == null) {
            throw new IllegalArgumentException("encoding is null");
        }
        this.encoding = encoding;
    }

    public void addKey(String keyId, PublicKeyMaterial key) {
        KeyIds.require(keyId);
        if (key == null || key.algorithm() != KeyAlgorithm.EC_P256) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                    "ECDSA P-256 verifier needs a P-256 public key" + (key == null ? "" : ", got " + key.algorithm()));
        }
        keys.put(keyId, (ECPublicKeyParameters) BouncyCastleKeys.parameters(key));
    }

    public boolean removeKey(String keyId) {
        return keys.remove(keyId);
    }

    public Set<String> keyIds() {
        return keys.ids();
    }

    @Override
    public String algorithm() {
        return ALGORITHM;
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
        ECPublicKeyParameters key = keys.require(ALGORITHM, keyId);
        DsaSignatureCheck.requireWellFormed(ALGORITHM, encoding, key.getParameters().getN(), signature);
        DSADigestSigner engine = new DSADigestSigner(new ECDSASigner(), new SHA256Digest(), DsaSignatureCheck.encodingOf(encoding));
        engine.init(false, key);
        engine.update(message, 0, message.length);
        if (!engine.verifySignature(signature)) {
            throw new CryptoException(CryptoException.Reason.SIGNATURE_INVALID,
                    ALGORITHM + " signature does not verify under key id '" + keyId + "'");
        }
    }

    @Override
    public String toString() {
        return "EcdsaP256Verifier[" + encoding + ", keys " + keys.ids() + "]";
    }
}
