package org.haochaping.crypto.envelope;

import org.bouncycastle.util.encoders.Base64;
import org.bouncycastle.util.encoders.DecoderException;
import org.bouncycastle.util.encoders.Hex;
import org.haochaping.crypto.CryptoException;

/** How the SM2 ciphertexts of a national envelope are written as text. No public spec fixes it: a profile choice. */
public enum CiphertextEncoding {
    /** Lower-case hex (upper case is accepted when reading); what most provincial integrations send. The default. */
    HEX,
    /** Standard Base64 with padding. */
    BASE64;

    String encode(byte[] bytes) {
        return this == HEX ? Hex.toHexString(bytes) : Base64.toBase64String(bytes);
    }

    byte[] decode(String text, String field) {
        try {
            if (this == HEX) {
                if (text.length() % 2 != 0) {
                    throw new IllegalArgumentException("odd length");
                }
                return Hex.decodeStrict(text);
            }
            return Base64.decode(text);
        } catch (DecoderException | IllegalArgumentException e) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "envelope field " + field + " is not valid " + this);
        }
    }
}
