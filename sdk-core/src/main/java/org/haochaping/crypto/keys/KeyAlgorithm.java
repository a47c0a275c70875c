package org.haochaping.crypto.keys;

/** The asymmetric key types the SDK signs, verifies and encrypts with. */
public enum KeyAlgorithm {
    /** SM2 on the curve sm2p256v1 (GB/T 32918.5, OID 1.2.156.10197.1.301). */
    SM2,
    /** ECDSA on NIST P-256 (secp256r1, prime256v1). */
    EC_P256,
    /** RSA, any modulus of at least 2048 bits. */
    RSA
}
