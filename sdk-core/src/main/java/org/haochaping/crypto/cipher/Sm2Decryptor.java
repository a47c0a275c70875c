package org.haochaping.crypto.cipher;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.util.Arrays;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.internal.BouncyCastleKeys;
import org.haochaping.crypto.keys.KeyAlgorithm;
import org.haochaping.crypto.keys.PrivateKeyMaterial;

/**
 * SM2 decryption (GB/T 32918.4) with the recipient's private key; the simulator of the central platform
 * uses it to open national envelopes. The C3 check value authenticates the result: a wrong key or a
 * changed byte is {@code DECRYPTION_FAILED}. For {@code C1C3C2} and {@code C1C2C3}, a C1 without its
 * {@code 04} prefix (as several JavaScript libraries write it) is accepted too. Thread-safe.
 */
public final class Sm2Decryptor {

    private final PrivateKeyMaterial key;
    private final Sm2CiphertextLayout layout;

    private Sm2Decryptor(PrivateKeyMaterial key, Sm2CiphertextLayout layout) {
        if (key == null || key.algorithm() != KeyAlgorithm.SM2) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                    "SM2 decryption needs an SM2 private key" + (key == null ? "" : ", got " + key.algorithm()));
        }
        if (layout == null) {
            throw new IllegalArgumentException("layout is null");
        }
        this.key = key;
        this.layout = layout;
    }

    public static Sm2Decryptor of(PrivateKeyMaterial key, Sm2CiphertextLayout layout) {
        return new Sm2Decryptor(key, layout);
    }

    public Sm2CiphertextLayout layout() {
        return layout;
    }

    public byte[] decrypt(byte[] ciphertext) {
        return decryptWithCheckValue(ciphertext).plaintext();
    }

    /**
     * Decrypts and also returns the ciphertext's check value C3 = SM3(x2 || M || y2). C3 identifies one
     * encryption however its text or bytes are spelled (hex case, with or without the {@code 04} prefix,
     * a hybrid point encoding, DER or raw): making another valid ciphertext of the same message needs the
     * message. So C3, not the ciphertext text, is what a replay guard must remember.
     */
    public Decryption decryptWithCheckValue(byte[] ciphertext) {
        if (ciphertext == null) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "SM2 ciphertext is missing");
        }
        if (layout == Sm2CiphertextLayout.ASN1) {
            return decryptOrFail(Sm2Asn1.toC1C3C2(ciphertext), SM2Engine.Mode.C1C3C2);
        }
        SM2Engine.Mode mode = layout == Sm2CiphertextLayout.C1C2C3 ? SM2Engine.Mode.C1C2C3 : SM2Engine.Mode.C1C3C2;
        int minimum = Sm2Asn1.POINT + Sm2Asn1.HASH + 1;
        if (ciphertext.length < minimum - 1) {
            throw new CryptoException(CryptoException.Reason.MALFORMED,
                    "SM2 ciphertext is " + ciphertext.length + " bytes; at least " + minimum + " are needed (C1 65, C3 32, C2 1+)");
        }
        if (ciphertext[0] == 0x04 && ciphertext.length >= minimum) {
            byte[] plain = tryDecrypt(ciphertext, mode);
            if (plain != null) {
                return new Decryption(plain, checkValue(ciphertext, mode));
            }
        }
        // No 04 prefix (or an x coordinate that happens to start with 04): try with the prefix restored.
        return decryptOrFail(Arrays.concatenate(new byte[] {0x04}, ciphertext), mode);
    }

    private Decryption decryptOrFail(byte[] ciphertext, SM2Engine.Mode mode) {
        byte[] plain = tryDecrypt(ciphertext, mode);
        if (plain == null) {
            throw new CryptoException(CryptoException.Reason.DECRYPTION_FAILED,
                    "SM2 ciphertext does not decrypt (" + layout + "): wrong key, wrong layout or tampered data");
        }
        return new Decryption(plain, checkValue(ciphertext, mode));
    }

    /** C3 of a ciphertext with its {@code 04} prefix (65-byte C1) that has just decrypted. */
    private static byte[] checkValue(byte[] ciphertext, SM2Engine.Mode mode) {
        int from = mode == SM2Engine.Mode.C1C3C2 ? Sm2Asn1.POINT : ciphertext.length - Sm2Asn1.HASH;
        return Arrays.copyOfRange(ciphertext, from, from + Sm2Asn1.HASH);
    }

    /** A plaintext and the check value C3 of the ciphertext it came from. Immutable. */
    public static final class Decryption {
        private final byte[] plaintext;
        private final byte[] checkValue;

        Decryption(byte[] plaintext, byte[] checkValue) {
            this.plaintext = plaintext;
            this.checkValue = checkValue;
        }

        /** The decrypted bytes (the array itself: the caller owns it). */
        public byte[] plaintext() {
            return plaintext;
        }

        /** C3, 32 bytes: the canonical identity of this encryption. */
        public byte[] checkValue() {
            return checkValue.clone();
        }

        /** Sizes only: the plaintext may be personal data. */
        @Override
        public String toString() {
            return "Sm2Decryptor.Decryption[" + plaintext.length + " bytes]";
        }
    }

    private byte[] tryDecrypt(byte[] ciphertext, SM2Engine.Mode mode) {
        SM2Engine engine = new SM2Engine(new SM3Digest(), mode);
        engine.init(false, BouncyCastleKeys.parameters(key));
        try {
            return engine.processBlock(ciphertext, 0, ciphertext.length);
        } catch (InvalidCipherTextException | IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "Sm2Decryptor[" + layout + ", " + key + "]";
    }
}
