package org.haochaping.conformance.kit;

import org.haochaping.crypto.sign.SignatureEncoding;

/**
 * Checks one SM2-with-SM3 verification case: the group's public key, signer ID and encoding with the test's
 * message and signature; {@code valid} signatures must verify, {@code invalid} ones must not.
 */
public final class Sm2VectorCheck {

    private Sm2VectorCheck() {
    }

    public static CaseResult check(VectorCase c, Sm2Verification verification) {
        boolean verified;
        try {
            SignatureEncoding encoding = SignatureEncoding.valueOf(c.group().path("sigEncoding").asText());
            verified = verification.verify(c.groupHex("publicKey"), c.groupHex("signerId"), c.hex("msg"),
                    c.hex("sig"), encoding);
        } catch (Exception e) {
            return CaseResult.threw(c, e);
        }
        return CaseResult.of(c, verified, "the signature verified", "the signature did not verify");
    }
}
