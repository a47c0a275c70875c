package org.haochaping.crypto.envelope;

import org.bouncycastle.util.encoders.Base64;
import org.bouncycastle.util.encoders.DecoderException;
import org.bouncycastle.util.encoders.Hex;
import org.haochaping.crypto.CryptoException;

/**
 * How the SM2 ciphertexts of a national envelope are written as text. No public spec fixes it: a profile choice.
 * Reading is strict: each byte string has exactly one accepted spelling, the one this SDK writes, so a captured
 * envelope cannot be re-spelled into a "new" one.
 */
public enum CiphertextEncoding {
    /** Lower-case hex (upper or mixed case is refused); what most provincial integrations send. The default. */
    HEX,
    /** Standard Base64 with padding, no line breaks, zero padding bits. */
    BASE64;

    String encode(byte[] bytes) {
        return this == HEX ? Hex.toHexString(bytes) : Base64.toBase64String(bytes);
    }

    byte[] decode(String text, String field) {
        byte[] bytes;
        try {
            if (this == HEX) {
                if (text.length() % 2 != 0) {
                    throw new IllegalArgumentException("odd length");
                }
                bytes = Hex.decodeStrict(text);
            } else {
                bytes = Base64.decode(text);
            }
        } catch (DecoderException | IllegalArgumentException e) {
            throw malformed(field);
        }
        if (!encode(bytes).equals(text)) {
            throw malformed(field); // upper-case hex, Base64 without padding or with stray bits: another spelling
        }
        return bytes;
    }

    private CryptoException malformed(String field) {
        return new CryptoException(CryptoException.Reason.MALFORMED, "envelope field " + field + " is not valid "
                + (this == HEX ? "lower-case hex" : "canonical Base64"));
    }
}
