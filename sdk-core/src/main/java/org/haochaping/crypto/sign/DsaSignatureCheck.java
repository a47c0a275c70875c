package org.haochaping.crypto.sign;

import java.math.BigInteger;

import org.bouncycastle.crypto.signers.DSAEncoding;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.haochaping.crypto.CryptoException;

/**
 * Tells a malformed (r, s) encoding from a well-formed one before the curve arithmetic runs, so that
 * callers learn {@code MALFORMED} rather than a bare "invalid": non-canonical DER (BER lengths, extra
 * leading zeros, trailing bytes, negative integers), a wrong raw length, and r or s outside [1, n-1].
 */
final class DsaSignatureCheck {

    private DsaSignatureCheck() {
    }

    static DSAEncoding encodingOf(SignatureEncoding encoding) {
        return encoding == SignatureEncoding.RAW ? PlainDSAEncoding.INSTANCE : StandardDSAEncoding.INSTANCE;
    }

    static void requireWellFormed(String algorithm, SignatureEncoding encoding, BigInteger n, byte[] signature) {
        if (signature == null) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, algorithm + " signature is missing");
        }
        int rawLength = 2 * ((n.bitLength() + 7) / 8);
        if (encoding == SignatureEncoding.RAW && signature.length != rawLength) {
            throw new CryptoException(CryptoException.Reason.MALFORMED,
                    algorithm + " raw signature must be " + rawLength + " bytes (r || s), got " + signature.length);
        }
        if (encoding == SignatureEncoding.DER && (signature.length < 8 || signature.length > rawLength + 8)) {
            throw new CryptoException(CryptoException.Reason.MALFORMED,
                    algorithm + " DER signature has an impossible length " + signature.length);
        }
        BigInteger[] rs;
        try {
            // Bouncy Castle's decoders reject non-canonical DER and values >= n; they accept zero.
            rs = encodingOf(encoding).decode(n, signature);
        } catch (java.io.IOException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, encoding == SignatureEncoding.DER
                    ? algorithm + " signature is not a canonical DER SEQUENCE of two INTEGERs in [1, n-1]"
                    : algorithm + " raw signature has r or s outside [1, n-1]");
        }
        for (BigInteger value : rs) {
            if (value.signum() <= 0 || value.compareTo(n) >= 0) {
                throw new CryptoException(CryptoException.Reason.MALFORMED, algorithm + " signature has r or s outside [1, n-1]");
            }
        }
    }
}
