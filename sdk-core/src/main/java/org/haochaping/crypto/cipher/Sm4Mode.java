package org.haochaping.crypto.cipher;

/** The SM4 (GB/T 32907) modes a {@link Sm4FieldCipher} can use. */
public enum Sm4Mode {
    /** SM4-GCM (RFC 8998): 12-byte random nonce, 16-byte tag; confidentiality and integrity. The default. */
    GCM,
    /** SM4-CBC with PKCS#7 padding and a random 16-byte IV, for platforms that use it; no integrity. */
    CBC,
    /** SM4-ECB with PKCS#7 padding: no IV, equal plaintexts give equal ciphertexts. Legacy only. */
    ECB
}
