package org.haochaping.crypto.sign;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;

/** One fresh Bouncy Castle RSA signature engine per operation; setting one up costs next to nothing. */
final class RsaEngines {

    static final int PSS_SALT_BYTES = 32;

    private RsaEngines() {
    }

    static org.bouncycastle.crypto.Signer create(RsaPadding padding) {
        if (padding == RsaPadding.PSS) {
            return new PSSSigner(new RSABlindedEngine(), new SHA256Digest(), PSS_SALT_BYTES);
        }
        return new RSADigestSigner(new SHA256Digest());
    }
}
