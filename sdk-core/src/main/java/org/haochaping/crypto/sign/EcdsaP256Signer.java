package org.haochaping.crypto.sign;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.Signer;
import org.haochaping.crypto.internal.BouncyCastleKeys;
import org.haochaping.crypto.keys.KeyAlgorithm;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.keys.PublicKeyMaterial;

/**
 * ECDSA on P-256 with SHA-256, for platforms that use it. Nonces are deterministic (RFC 6979), so no
 * random source can weaken the key. Thread-safe: the engine is cheap to set up and made per signature.
 */
public final class EcdsaP256Signer implements Signer {

    private final PrivateKeyMaterial key;
    private final String keyId;
    private final SignatureEncoding encoding;

    private EcdsaP256Signer(PrivateKeyMaterial key, String keyId, SignatureEncoding encoding) {
        if (key == null || key.algorithm() != KeyAlgorithm.EC_P256) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                    "ECDSA P-256 signer needs a P-256 key" + (key == null ? "" : ", got " + key.algorithm()));
        }
        if (encoding == null) {
            throw new IllegalArgumentException("encoding is null");
        }
        this.key = key;
        this.keyId = keyId == null ? key.publicKey().defaultKeyId() : KeyIds.require(keyId);
        this.encoding = encoding;
    }

    /** A DER-encoding signer whose key id is the public key's default key id. */
    public static EcdsaP256Signer of(PrivateKeyMaterial key) {
        return new EcdsaP256Signer(key, null, SignatureEncoding.DER);
    }

    /** A signer with an explicit key id and encoding. */
    public static EcdsaP256Signer of(PrivateKeyMaterial key, String keyId, SignatureEncoding encoding) {
        return new EcdsaP256Signer(key, KeyIds.require(keyId), encoding);
    }

    @Override
    public String algorithm() {
        return SignatureAlgorithm.ECDSA_P256_SHA256.wireName();
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
        DSADigestSigner engine = new DSADigestSigner(new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())),
                new SHA256Digest(), DsaSignatureCheck.encodingOf(encoding));
        engine.init(true, BouncyCastleKeys.parameters(key));
        engine.update(message, 0, message.length);
        return engine.generateSignature();
    }

    @Override
    public String toString() {
        return "EcdsaP256Signer[keyId " + keyId + ", " + encoding + ", " + key + "]";
    }
}
