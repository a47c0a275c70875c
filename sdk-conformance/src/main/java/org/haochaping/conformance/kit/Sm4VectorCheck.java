package org.haochaping.conformance.kit;

import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.encoders.Hex;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.cipher.Sm4FieldCipher;

/**
 * Checks one SM4 case against the SDK's {@link Sm4FieldCipher} in the group's mode. A {@code valid} case must
 * decrypt to the message (and, in GCM and CBC, survive an encrypt/decrypt round trip; in ECB, encrypt to the same
 * ciphertext); an {@code invalid} one must be refused with {@code DECRYPTION_FAILED} or {@code MALFORMED}.
 */
public final class Sm4VectorCheck {

    private Sm4VectorCheck() {
    }

    public static CaseResult check(VectorCase c) {
        String mode = c.group().path("mode").asText();
        byte[] key = c.hex("key");
        byte[] msg = c.hex("msg");
        Sm4FieldCipher cipher;
        byte[] wire;
        byte[] aad = null;
        try {
            switch (mode) {
                case "GCM" -> {
                    cipher = Sm4FieldCipher.gcm(key);
                    wire = Arrays.concatenate(c.hex("iv"), c.hex("ct"), c.hex("tag"));
                    aad = c.test().path("aad").asText("").isEmpty() ? null : c.hex("aad");
                }
                case "CBC" -> {
                    cipher = Sm4FieldCipher.cbc(key);
                    wire = Arrays.concatenate(c.hex("iv"), c.hex("ct"));
                }
                case "ECB" -> {
                    cipher = Sm4FieldCipher.legacyEcb(key);
                    wire = c.hex("ct");
                }
                default -> throw new VectorFileException(c.id() + ": unknown SM4 mode '" + mode + "'");
            }
        } catch (CryptoException e) {
            return CaseResult.threw(c, e);
        }
        byte[] decrypted;
        try {
            decrypted = cipher.decrypt(wire, aad);
        } catch (CryptoException e) {
            String actual = "invalid (" + e.reason() + ")";
            if (c.expectsValid()) {
                return CaseResult.fail(c, actual, "expected valid, but decryption was refused: " + e.getMessage());
            }
            boolean expectedReason = e.reason() == CryptoException.Reason.DECRYPTION_FAILED
                    || e.reason() == CryptoException.Reason.MALFORMED;
            return expectedReason ? CaseResult.pass(c, actual)
                    : CaseResult.fail(c, actual, "refused, but with reason " + e.reason()
                            + " instead of DECRYPTION_FAILED or MALFORMED");
        }
        if (!c.expectsValid()) {
            return CaseResult.fail(c, "valid", "expected invalid, but the ciphertext decrypted");
        }
        if (!Arrays.areEqual(decrypted, msg)) {
            return CaseResult.fail(c, "valid, plaintext " + Hex.toHexString(decrypted),
                    "decrypted to a different plaintext");
        }
        if (mode.equals("ECB")) {
            byte[] encrypted = cipher.encrypt(msg);
            if (!Arrays.areEqual(encrypted, c.hex("ct"))) {
                return CaseResult.fail(c, "valid, ciphertext " + Hex.toHexString(encrypted),
                        "ECB is deterministic, but encrypting the message gave a different ciphertext");
            }
        } else if (!Arrays.areEqual(cipher.decrypt(cipher.encrypt(msg, aad), aad), msg)) {
            return CaseResult.fail(c, "valid", "an encrypt/decrypt round trip lost the message");
        }
        return CaseResult.pass(c, "valid");
    }
}
