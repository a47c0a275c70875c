package org.haochaping.conformance.kit;

import org.bouncycastle.util.Arrays;
import org.haochaping.crypto.sign.HmacSigner;
import org.haochaping.crypto.sign.HmacVerifier;
import org.haochaping.crypto.sign.SignatureAlgorithm;

/**
 * Checks one HMAC-SM3 case against the SDK: a {@code valid} tag verifies and is the tag the SDK computes; an
 * {@code invalid} (modified or truncated) one does not verify.
 */
public final class HmacSm3VectorCheck {

    private HmacSm3VectorCheck() {
    }

    public static CaseResult check(VectorCase c) {
        HmacVerifier verifier = new HmacVerifier(SignatureAlgorithm.HMAC_SM3);
        boolean verified;
        try {
            verifier.addKey("vector", c.hex("key"));
            verified = verifier.verify("vector", c.hex("msg"), c.hex("tag"));
        } catch (RuntimeException e) {
            return CaseResult.threw(c, e);
        }
        CaseResult result = CaseResult.of(c, verified, "the tag verified", "the tag did not verify");
        if (result.passed() && c.expectsValid()) {
            byte[] computed = HmacSigner.of(SignatureAlgorithm.HMAC_SM3, "vector", c.hex("key")).sign(c.hex("msg"));
            if (!Arrays.areEqual(computed, c.hex("tag"))) {
                return CaseResult.fail(c, "valid", "the tag verified, but the SDK computes a different tag");
            }
        }
        return result;
    }
}
