package org.haochaping.crypto.sign;

/**
 * The signature algorithms the SDK implements, with the names carried on the wire (the
 * {@code X-Hcp-Algorithm} header and {@link org.haochaping.crypto.Signer#algorithm()}).
 */
public enum SignatureAlgorithm {
    /** SM2 with SM3 and a signer ID (GM/T 0009, GB/T 32918.2): the national default. */
    SM2_SM3("SM2-SM3"),
    /** ECDSA on P-256 with SHA-256 (FIPS 186-4), deterministic nonces (RFC 6979). */
    ECDSA_P256_SHA256("ECDSA-P256-SHA256"),
    /** RSA PKCS#1 v1.5 with SHA-256 (RFC 8017 8.2). */
    RSA_PKCS1_SHA256("RSA-PKCS1-SHA256"),
    /** RSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt (RFC 8017 8.1). */
    RSA_PSS_SHA256("RSA-PSS-SHA256"),
    /** HMAC with SM3 (GB/T 15852.2 construction over GB/T 32905) for shared-secret platforms. */
    HMAC_SM3("HMAC-SM3"),
    /** HMAC with SHA-256 (RFC 2104) for shared-secret platforms. */
    HMAC_SHA256("HMAC-SHA256");

    private final String wireName;

    SignatureAlgorithm(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire, e.g. {@code SM2-SM3}. */
    public String wireName() {
        return wireName;
    }

    /** The algorithm with this wire name, or {@code null} if the SDK does not know it. */
    public static SignatureAlgorithm fromWireName(String name) {
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.wireName.equals(name)) {
                return algorithm;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
