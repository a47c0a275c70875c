package org.haochaping.conformance.kit;

import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.haochaping.crypto.internal.BouncyCastleKeys;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import org.haochaping.crypto.sign.SignatureEncoding;
import org.haochaping.crypto.sign.Sm2Verifier;

/** An implementation under test that verifies SM2-with-SM3 signatures (GB/T 32918.2, GM/T 0009). */
@FunctionalInterface
public interface Sm2Verification {

    /**
     * Whether {@code signature} over {@code message} verifies.
     *
     * @param publicKey the uncompressed public point ({@code 04 || x || y})
     * @param signerId  the signer ID (user ID, ZA input), e.g. the bytes of {@code 1234567812345678}
     * @param encoding  {@link SignatureEncoding#DER} or {@link SignatureEncoding#RAW} ({@code r || s})
     * @return false (or an exception) for a signature that does not verify
     */
    boolean verify(byte[] publicKey, byte[] signerId, byte[] message, byte[] signature, SignatureEncoding encoding)
            throws Exception;

    /** The SDK's {@link Sm2Verifier}. */
    static Sm2Verification sdk() {
        ECNamedDomainParameters curve = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1,
                CustomNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1));
        return (publicKey, signerId, message, signature, encoding) -> {
            PublicKeyMaterial key = BouncyCastleKeys.publicKey(
                    new ECPublicKeyParameters(curve.getCurve().decodePoint(publicKey), curve));
            return Sm2Verifier.builder().signerId(signerId).encoding(encoding).key("vector", key).build()
                    .verify("vector", message, signature);
        };
    }
}
