package org.haochaping.crypto;

/**
 * Signs messages with one private key. Implementations are thread-safe and never reveal the key,
 * not even in {@code toString()}.
 *
 * <h2>Keys in hardware</h2>
 * A key that must not leave its hardware, a 密码机 (HSM, through PKCS#11 or the vendor's API) or the Android Keystore,
 * signs through this interface: the SDK hands over the bytes to sign and sends what comes back. For
 * {@code SM2-SM3}, {@link #sign(byte[])} returns the DER {@code SEQUENCE {r, s}} of GM/T 0009 over the message with
 * the signer ID {@code 1234567812345678} (unless the platform agreed on another), exactly what an HSM's SM2 signing
 * call or {@code openssl pkeyutl -rawin -digest sm3} produces; for {@code ECDSA-P256-SHA256} (Android Keystore has no
 * SM2) the DER signature of JCA {@code SHA256withECDSA}. For example, a key in the Android Keystore:
 *
 * <pre>{@code
 * final class KeystoreSigner implements Signer {
 *     private final PrivateKey key;              // KeyStore.getInstance("AndroidKeyStore"), loaded, getKey(alias, null)
 *     private final String keyId;                // the id the platform registered the public key under
 *
 *     KeystoreSigner(PrivateKey key, String keyId) { this.key = key; this.keyId = keyId; }
 *
 *     public String algorithm() { return "ECDSA-P256-SHA256"; }
 *     public String keyId() { return keyId; }
 *     public byte[] sign(byte[] message) {
 *         try {
 *             java.security.Signature s = java.security.Signature.getInstance("SHA256withECDSA");
 *             s.initSign(key);                   // the key stays in the secure hardware
 *             s.update(message);
 *             return s.sign();                   // DER, as the verifier expects
 *         } catch (java.security.GeneralSecurityException e) {
 *             throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, "keystore signing failed", e);
 *         }
 *     }
 * }
 * }</pre>
 *
 * and {@code HcpClient.builder().signer(new KeystoreSigner(key, "terminal-07"))}. An HSM's signer looks the same,
 * with the vendor's SM2 call in {@code sign}; the conformance kit's {@code SignerContract} checks an SM2 signer
 * against the SDK's verifiers. A key that may live in memory is simpler to load: {@code PemKeys},
 * {@code Pkcs12Keys} and {@code JcaKeys} (for JCA {@code PrivateKey} and {@code KeyStore} objects) in
 * {@link org.haochaping.crypto.keys}.
 */
public interface Signer {

    /** The signature algorithm, e.g. {@code SM2-SM3}; carried beside the signature on the wire. */
    String algorithm();

    /** Identifies the key, so that a verifier holding several keys can pick the right one (key rotation). */
    String keyId();

    /** Signs the message bytes and returns the encoded signature. */
    byte[] sign(byte[] message);
}
