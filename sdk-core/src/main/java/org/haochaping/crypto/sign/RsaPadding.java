package org.haochaping.crypto.sign;

/** The RSA signature schemes the SDK supports, both with SHA-256. */
public enum RsaPadding {
    /** RSASSA-PKCS1-v1_5 (RFC 8017 8.2). */
    PKCS1_V1_5(SignatureAlgorithm.RSA_PKCS1_SHA256),
    /** RSASSA-PSS with MGF1-SHA-256 and a 32-byte salt (RFC 8017 8.1). */
    PSS(SignatureAlgorithm.RSA_PSS_SHA256);

    private final SignatureAlgorithm algorithm;

    RsaPadding(SignatureAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    public SignatureAlgorithm algorithm() {
        return algorithm;
    }
}
