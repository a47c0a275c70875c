package org.haochaping.crypto.keys;

import java.io.IOException;
import java.io.StringWriter;
import java.security.SecureRandom;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.internal.BouncyCastleKeys;

/**
 * A private key the SDK can sign or decrypt with: SM2, ECDSA P-256 or RSA (CRT form). Immutable and
 * thread-safe. {@code toString()} names only the algorithm and the public fingerprint; the key itself
 * leaves this object only through {@link #exportPkcs8Pem()} (for writing a key file). Load one with
 * {@link PemKeys}, {@link Pkcs12Keys} or {@link JcaKeys}, or generate one.
 */
public final class PrivateKeyMaterial {

    static {
        // The SDK's signers and ciphers reach the Bouncy Castle parameters through the unexported internal package.
        BouncyCastleKeys.install(new KeyAccess());
    }

    private final KeyAlgorithm algorithm;
    private final AsymmetricKeyParameter key;
    private final PublicKeyMaterial publicKey;

    private PrivateKeyMaterial(KeyAlgorithm algorithm, AsymmetricKeyParameter key, PublicKeyMaterial publicKey) {
        this.algorithm = algorithm;
        this.key = key;
        this.publicKey = publicKey;
    }

    /**
     * Wraps a Bouncy Castle private key ({@code ECPrivateKeyParameters} on SM2 or P-256,
     * {@code RSAPrivateCrtKeyParameters}); the public key is derived from it. Outside this package:
     * {@link BouncyCastleKeys#privateKey}.
     *
     * @throws CryptoException {@code KEY_UNUSABLE} for any other key
     */
    static PrivateKeyMaterial of(AsymmetricKeyParameter key) {
        if (key == null || !key.isPrivate()) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, "a private key is required");
        }
        if (key instanceof ECPrivateKeyParameters) {
            ECPrivateKeyParameters ec = (ECPrivateKeyParameters) key;
            ECNamedDomainParameters curve = Curves.identify(ec.getParameters());
            if (curve == null) {
                throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                        "EC private key is on an unsupported curve (supported: SM2 sm2p256v1, P-256)");
            }
            if (ec.getD().signum() <= 0 || ec.getD().compareTo(curve.getN()) >= 0) {
                throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, "EC private key is out of range [1, n-1]");
            }
            ECPrivateKeyParameters normalised = new ECPrivateKeyParameters(ec.getD(), curve);
            ECPublicKeyParameters pub = new ECPublicKeyParameters(
                    new FixedPointCombMultiplier().multiply(curve.getG(), ec.getD()).normalize(), curve);
            KeyAlgorithm algorithm = curve == Curves.SM2 ? KeyAlgorithm.SM2 : KeyAlgorithm.EC_P256;
            return new PrivateKeyMaterial(algorithm, normalised, PublicKeyMaterial.of(pub));
        }
        if (key instanceof RSAPrivateCrtKeyParameters) {
            RSAPrivateCrtKeyParameters rsa = (RSAPrivateCrtKeyParameters) key;
            PublicKeyMaterial pub = PublicKeyMaterial.of(new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent()));
            return new PrivateKeyMaterial(KeyAlgorithm.RSA, rsa, pub);
        }
        throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                "unsupported private key type " + key.getClass().getSimpleName()
                        + " (supported: SM2, EC P-256, RSA with CRT parameters)");
    }

    /** A fresh SM2 key pair from a strong random source. */
    public static PrivateKeyMaterial generateSm2() {
        return generateSm2(new SecureRandom());
    }

    /** A fresh SM2 key pair drawing on {@code random}. */
    public static PrivateKeyMaterial generateSm2(SecureRandom random) {
        return generateEc(Curves.SM2, random);
    }

    /** A fresh ECDSA P-256 key pair. */
    public static PrivateKeyMaterial generateP256() {
        return generateEc(Curves.P256, new SecureRandom());
    }

    private static PrivateKeyMaterial generateEc(ECNamedDomainParameters curve, SecureRandom random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(curve, random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return of(pair.getPrivate());
    }

    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    /** The matching public key. */
    public PublicKeyMaterial publicKey() {
        return publicKey;
    }

    /**
     * The key as an unencrypted PKCS#8 {@code -----BEGIN PRIVATE KEY-----} block, the form OpenSSL 3
     * writes and reads. Meant for writing a key file with restricted permissions, never for logs.
     */
    public String exportPkcs8Pem() {
        StringWriter out = new StringWriter();
        try (PemWriter pem = new PemWriter(out)) {
            pem.writeObject(new PemObject("PRIVATE KEY", PrivateKeyInfoFactory.createPrivateKeyInfo(key).getEncoded("DER")));
        } catch (IOException e) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, "private key cannot be encoded as PKCS#8", e);
        }
        return out.toString();
    }

    /**
     * The Bouncy Castle lightweight parameters ({@code ECPrivateKeyParameters} on named parameters, or
     * {@code RSAPrivateCrtKeyParameters}). Outside this package: {@link BouncyCastleKeys#parameters(PrivateKeyMaterial)}.
     */
    AsymmetricKeyParameter parameters() {
        return key;
    }

    @Override
    public String toString() {
        return "PrivateKey[" + algorithm + ", public fingerprint " + publicKey.defaultKeyId() + "]";
    }
}
