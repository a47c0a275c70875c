package org.haochaping.crypto.cipher;

import java.io.IOException;
import java.math.BigInteger;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.BigIntegers;
import org.haochaping.crypto.CryptoException;

/** Converts between {@code C1 || C3 || C2} and the GM/T 0009 DER structure, strictly. */
final class Sm2Asn1 {

    static final int COORDINATE = 32;
    static final int POINT = 1 + 2 * COORDINATE;
    static final int HASH = 32;

    private Sm2Asn1() {
    }

    static byte[] fromC1C3C2(byte[] c) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(c, 1, 1 + COORDINATE))));
        v.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(c, 1 + COORDINATE, POINT))));
        v.add(new DEROctetString(Arrays.copyOfRange(c, POINT, POINT + HASH)));
        v.add(new DEROctetString(Arrays.copyOfRange(c, POINT + HASH, c.length)));
        try {
            return new DERSequence(v).getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory failed", e);
        }
    }

    static byte[] toC1C3C2(byte[] der) {
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
            if (seq.size() != 4) {
                throw malformed();
            }
            BigInteger x = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
            BigInteger y = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
            byte[] hash = ASN1OctetString.getInstance(seq.getObjectAt(2)).getOctets();
            byte[] c2 = ASN1OctetString.getInstance(seq.getObjectAt(3)).getOctets();
            if (x.signum() < 0 || y.signum() < 0 || x.bitLength() > 256 || y.bitLength() > 256 || hash.length != HASH || c2.length == 0) {
                throw malformed();
            }
            // Only canonical DER: re-encoding must give the same bytes back.
            byte[] point = Arrays.concatenate(new byte[] {0x04}, BigIntegers.asUnsignedByteArray(COORDINATE, x),
                    BigIntegers.asUnsignedByteArray(COORDINATE, y));
            byte[] c1c3c2 = Arrays.concatenate(point, hash, c2);
            if (!Arrays.areEqual(fromC1C3C2(c1c3c2), der)) {
                throw malformed();
            }
            return c1c3c2;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw malformed();
        }
    }

    private static CryptoException malformed() {
        return new CryptoException(CryptoException.Reason.MALFORMED,
                "SM2 ciphertext is not a canonical GM/T 0009 DER SEQUENCE { x, y, hash(32), ciphertext }");
    }
}
