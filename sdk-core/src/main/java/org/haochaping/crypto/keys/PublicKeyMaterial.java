package org.haochaping.crypto.keys;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.Sm3;
import org.haochaping.crypto.internal.BouncyCastleKeys;

/**
 * A public key the SDK can verify or encrypt with: SM2, ECDSA P-256 or RSA. Immutable and thread-safe.
 * Read one with {@link PemKeys#publicKey(String)} or {@link JcaKeys#publicKey(java.security.PublicKey)}, or take it
 * from a {@link PrivateKeyMaterial}.
 */
public final class PublicKeyMaterial {

    private static final int MIN_RSA_BITS = 2048;

    private final KeyAlgorithm algorithm;
    private final AsymmetricKeyParameter key;
    private final byte[] subjectPublicKeyInfo;
    private final String fingerprint;

    private PublicKeyMaterial(KeyAlgorithm algorithm, AsymmetricKeyParameter key) {
        this.algorithm = algorithm;
        this.key = key;
        try {
            this.subjectPublicKeyInfo = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded("DER");
        } catch (IOException e) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, "public key cannot be encoded", e);
        }
        this.fingerprint = Sm3.hex(subjectPublicKeyInfo);
    }

    /**
     * Wraps a Bouncy Castle public key, checking that it is one the SDK supports (SM2 or P-256 point on
     * the curve, RSA of at least 2048 bits). Outside this package: {@link BouncyCastleKeys#publicKey}.
     *
     * @throws CryptoException {@code KEY_UNUSABLE} for any other key
     */
    static PublicKeyMaterial of(AsymmetricKeyParameter key) {
        if (key == null || key.isPrivate()) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, "a public key is required");
        }
        if (key instanceof ECPublicKeyParameters) {
            ECPublicKeyParameters ec = (ECPublicKeyParameters) key;
            ECNamedDomainParameters curve = Curves.identify(ec.getParameters());
            if (curve == null) {
                throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                        "EC public key is on an unsupported curve (supported: SM2 sm2p256v1, P-256)");
            }
            ECPublicKeyParameters normalised = new ECPublicKeyParameters(
                    curve.getCurve().decodePoint(ec.getQ().getEncoded(false)), curve);
            return new PublicKeyMaterial(curve == Curves.SM2 ? KeyAlgorithm.SM2 : KeyAlgorithm.EC_P256, normalised);
        }
        if (key instanceof RSAKeyParameters) {
            RSAKeyParameters rsa = (RSAKeyParameters) key;
            if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                        "RSA public key has " + rsa.getModulus().bitLength() + " bits; at least " + MIN_RSA_BITS + " are required");
            }
            return new PublicKeyMaterial(KeyAlgorithm.RSA,
                    new RSAKeyParameters(false, rsa.getModulus(), rsa.getExponent()));
        }
        throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                "unsupported public key type " + key.getClass().getSimpleName() + " (supported: SM2, EC P-256, RSA)");
    }

    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * SM3 of the DER SubjectPublicKeyInfo, 64 lowercase hex characters. Public information: safe to log
     * and to compare; the first 16 characters are the SDK's default key id.
     */
    public String fingerprint() {
        return fingerprint;
    }

    /** The default key id of this key: the first 16 hex characters of {@link #fingerprint()}. */
    public String defaultKeyId() {
        return fingerprint.substring(0, 16);
    }

    /** The DER SubjectPublicKeyInfo (X.509 {@code PUBLIC KEY}). */
    public byte[] encoded() {
        return Arrays.clone(subjectPublicKeyInfo);
    }

    /** The key as a {@code -----BEGIN PUBLIC KEY-----} PEM block, as OpenSSL writes it. */
    public String toPem() {
        StringWriter out = new StringWriter();
        try (PemWriter pem = new PemWriter(out)) {
            pem.writeObject(new PemObject("PUBLIC KEY", subjectPublicKeyInfo));
        } catch (IOException e) {
            throw new IllegalStateException("writing to a StringWriter failed", e);
        }
        return out.toString();
    }

    /**
     * The Bouncy Castle lightweight parameters ({@code ECPublicKeyParameters} on named parameters, or
     * {@code RSAKeyParameters}). Outside this package: {@link BouncyCastleKeys#parameters(PublicKeyMaterial)}.
     */
    AsymmetricKeyParameter parameters() {
        return key;
    }

    /** The RSA modulus size in bits, or the field size for EC keys. */
    public int bitLength() {
        if (key instanceof RSAKeyParameters) {
            return ((RSAKeyParameters) key).getModulus().bitLength();
        }
        BigInteger n = ((ECPublicKeyParameters) key).getParameters().getN();
        return n.bitLength();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKeyMaterial && Arrays.areEqual(subjectPublicKeyInfo, ((PublicKeyMaterial) o).subjectPublicKeyInfo);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    @Override
    public String toString() {
        return "PublicKey[" + algorithm + ", fingerprint " + defaultKeyId() + "]";
    }
}
