package org.haochaping.crypto.keys;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;

import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.haochaping.crypto.CryptoException;

/**
 * Keys that an application already holds as JCA objects: a {@link PrivateKey} or {@link PublicKey} from its own
 * code, or an entry of a {@link KeyStore} (PKCS#12, JKS, a provider's store) loaded the application's way. The key's
 * standard encoding (PKCS#8, X.509 SubjectPublicKeyInfo) is read without a JCA provider, so SM2 keys work as well as
 * P-256 and RSA.
 *
 * <p>A key that never leaves its hardware (a 密码机/HSM through PKCS#11, the Android Keystore) has no encoding to
 * read: these methods refuse it with {@link CryptoException.Reason#KEY_UNUSABLE}. Sign with such a key by
 * implementing {@link org.haochaping.crypto.Signer} over it (its documentation has an example).
 */
public final class JcaKeys {

    private JcaKeys() {
    }

    /** The private key of a JCA {@link PrivateKey} that exports its PKCS#8 encoding. */
    public static PrivateKeyMaterial privateKey(PrivateKey key) {
        if (key == null) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, "private key is null");
        }
        byte[] pkcs8 = exportable(key, "PKCS#8");
        try {
            return PrivateKeyMaterial.of(PrivateKeyFactory.createKey(pkcs8));
        } catch (CryptoException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle answers some malformed keys (an unknown curve OID, a wrong ASN.1 type) with
            // NullPointerException or ClassCastException: all of them are an unusable key here.
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                    key.getAlgorithm() + " private key: its PKCS#8 encoding is not a key the SDK supports", e);
        } finally {
            java.util.Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** The public key of a JCA {@link PublicKey} (X.509 SubjectPublicKeyInfo encoding). */
    public static PublicKeyMaterial publicKey(PublicKey key) {
        if (key == null) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, "public key is null");
        }
        try {
            return PublicKeyMaterial.of(PublicKeyFactory.createKey(exportable(key, "X.509")));
        } catch (CryptoException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle answers some malformed keys (an unknown curve OID, a wrong ASN.1 type) with
            // NullPointerException or ClassCastException: all of them are an unusable key here.
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                    key.getAlgorithm() + " public key: its X.509 encoding is not a key the SDK supports", e);
        }
    }

    /**
     * The private key stored under {@code alias} in a loaded {@link KeyStore}, recovered with {@code password}.
     * The message of a failure names the alias, never the password.
     */
    public static PrivateKeyMaterial privateKey(KeyStore store, String alias, char[] password) {
        if (store == null || alias == null) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, "key store and alias are required");
        }
        Key key;
        try {
            key = store.getKey(alias, password);
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, "key store entry '" + alias
                    + "' cannot be recovered (wrong password, or the store is not loaded): "
                    + e.getClass().getSimpleName(), e);
        }
        if (!(key instanceof PrivateKey)) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                    "key store entry '" + alias + "' holds no private key" + (key == null ? " (no such alias)" : ""));
        }
        return privateKey((PrivateKey) key);
    }

    private static byte[] exportable(Key key, String format) {
        byte[] encoded = format.equals(key.getFormat()) ? key.getEncoded() : null;
        if (encoded == null) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, key.getAlgorithm()
                    + " key does not export its " + format + " encoding (a hardware key, e.g. an HSM or the Android "
                    + "Keystore?): implement org.haochaping.crypto.Signer over it instead");
        }
        return encoded;
    }
}
