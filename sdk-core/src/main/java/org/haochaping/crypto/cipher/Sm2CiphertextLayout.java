package org.haochaping.crypto.cipher;

/**
 * How the parts of an SM2 ciphertext (GB/T 32918.4) are laid out: C1 is the ephemeral point
 * ({@code 04 || x || y}, 65 bytes), C3 the SM3 check value (32 bytes), C2 the masked message.
 */
public enum Sm2CiphertextLayout {
    /** {@code C1 || C3 || C2}: the order of GB/T 32918.4-2016 and GM/T 0009; the default. */
    C1C3C2,
    /** {@code C1 || C2 || C3}: the order of the 2010 draft, still used by older platforms. */
    C1C2C3,
    /**
     * DER {@code SEQUENCE { x INTEGER, y INTEGER, hash OCTET STRING, ciphertext OCTET STRING }} of
     * GM/T 0009 7.2: what OpenSSL's {@code pkeyutl -encrypt} writes.
     */
    ASN1
}
