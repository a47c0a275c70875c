package org.haochaping.crypto.keys;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;

/** The two named curves the SDK accepts, with Bouncy Castle's fast custom implementations. */
final class Curves {

    static final ECNamedDomainParameters SM2 = named(GMObjectIdentifiers.sm2p256v1);
    static final ECNamedDomainParameters P256 = named(SECObjectIdentifiers.secp256r1);

    private Curves() {
    }

    private static ECNamedDomainParameters named(ASN1ObjectIdentifier oid) {
        X9ECParameters x9 = CustomNamedCurves.getByOID(oid);
        return new ECNamedDomainParameters(oid, x9);
    }

    /** The SDK's named parameters equal to {@code params}, or {@code null} for any other curve. */
    static ECNamedDomainParameters identify(ECDomainParameters params) {
        if (params instanceof ECNamedDomainParameters) {
            ASN1ObjectIdentifier name = ((ECNamedDomainParameters) params).getName();
            if (SM2.getName().equals(name)) {
                return SM2;
            }
            if (P256.getName().equals(name)) {
                return P256;
            }
        }
        // Explicit parameters (rare, but some tools write them): compare the curve itself.
        if (sameCurve(SM2, params)) {
            return SM2;
        }
        if (sameCurve(P256, params)) {
            return P256;
        }
        return null;
    }

    private static boolean sameCurve(ECDomainParameters a, ECDomainParameters b) {
        return a.getCurve().getField().equals(b.getCurve().getField())
                && a.getCurve().getA().toBigInteger().equals(b.getCurve().getA().toBigInteger())
                && a.getCurve().getB().toBigInteger().equals(b.getCurve().getB().toBigInteger())
                && a.getN().equals(b.getN())
                && a.getG().getAffineXCoord().toBigInteger().equals(b.getG().normalize().getAffineXCoord().toBigInteger())
                && a.getG().getAffineYCoord().toBigInteger().equals(b.getG().normalize().getAffineYCoord().toBigInteger());
    }
}
