package org.haochaping.crypto.internal;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.keys.PublicKeyMaterial;

/**
 * The Bouncy Castle side of the SDK's key objects, for the SDK's own signers and ciphers, the conformance kit, the
 * benchmarks and tests. Not API: the public key API speaks PEM, PKCS#8, PKCS#12, JCA and bytes only, so that Bouncy
 * Castle can change underneath it; this package is not exported by the {@code org.haochaping.core} module.
 *
 * <p>The key classes keep their Bouncy Castle parameters private and hand them over through an {@link Access}
 * installed once, by {@link PrivateKeyMaterial}'s class initialiser (the "shared secrets" pattern of the JDK).
 */
public final class BouncyCastleKeys {

    /** What the keys package implements for this class. */
    public interface Access {
        PrivateKeyMaterial privateKey(AsymmetricKeyParameter key);

        PublicKeyMaterial publicKey(AsymmetricKeyParameter key);

        AsymmetricKeyParameter parameters(PrivateKeyMaterial key);

        AsymmetricKeyParameter parameters(PublicKeyMaterial key);
    }

    private static volatile Access access;

    private BouncyCastleKeys() {
    }

    /**
     * Wraps a Bouncy Castle private key ({@code ECPrivateKeyParameters} on SM2 or P-256,
     * {@code RSAPrivateCrtKeyParameters}); the public key is derived from it.
     *
     * @throws org.haochaping.crypto.CryptoException {@code KEY_UNUSABLE} for any other key
     */
    public static PrivateKeyMaterial privateKey(AsymmetricKeyParameter key) {
        return access().privateKey(key);
    }

    /**
     * Wraps a Bouncy Castle public key (SM2 or P-256 point on the curve, RSA of at least 2048 bits).
     *
     * @throws org.haochaping.crypto.CryptoException {@code KEY_UNUSABLE} for any other key
     */
    public static PublicKeyMaterial publicKey(AsymmetricKeyParameter key) {
        return access().publicKey(key);
    }

    /** {@code ECPrivateKeyParameters} on the SDK's named curve objects, or {@code RSAPrivateCrtKeyParameters}. */
    public static AsymmetricKeyParameter parameters(PrivateKeyMaterial key) {
        return access().parameters(key);
    }

    /** {@code ECPublicKeyParameters} on the SDK's named curve objects, or {@code RSAKeyParameters}. */
    public static AsymmetricKeyParameter parameters(PublicKeyMaterial key) {
        return access().parameters(key);
    }

    /** Called once, by {@link PrivateKeyMaterial}'s class initialiser. */
    public static synchronized void install(Access keysPackage) {
        if (access != null) {
            throw new IllegalStateException("the key access is installed once, by PrivateKeyMaterial");
        }
        if (keysPackage == null) {
            throw new NullPointerException("keysPackage");
        }
        access = keysPackage;
    }

    private static Access access() {
        Access installed = access;
        if (installed == null) {
            try {
                // Runs PrivateKeyMaterial's class initialiser, which installs the access (once, JLS 12.4.2).
                Class.forName(PrivateKeyMaterial.class.getName(), true, PrivateKeyMaterial.class.getClassLoader());
            } catch (ClassNotFoundException impossible) {
                throw new IllegalStateException(impossible);
            }
            installed = access;
        }
        return installed;
    }
}
