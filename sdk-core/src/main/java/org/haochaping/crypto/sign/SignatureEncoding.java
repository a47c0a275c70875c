package org.haochaping.crypto.sign;

/** How an (r, s) signature of SM2 or ECDSA is encoded. */
public enum SignatureEncoding {
    /** DER {@code SEQUENCE { r INTEGER, s INTEGER }} (GM/T 0009 7.3, what OpenSSL writes). The default. */
    DER,
    /** The fixed-length concatenation {@code r || s}, 32 bytes each (64 bytes for SM2 and P-256). */
    RAW
}
