package org.haochaping.interim;

import java.security.SecureRandom;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.haochaping.crypto.Signer;

/**
 * INTERIM SM2-with-SM3 signer (see the package documentation): DER-encoded signatures with the default
 * signer ID {@code 1234567812345678}. Thread-safe: one {@code SM2Signer}, initialised once (its reset
 * keeps the Z prefix, a fresh init per signature would recompute the public point), used under a lock.
 */
public final class InterimSm2Signer implements Signer {

    private final String keyId;
    private final SM2Signer sm2 = new SM2Signer();

    public InterimSm2Signer(ECPrivateKeyParameters privateKey, String keyId) {
        this.keyId = keyId;
        sm2.init(true, new ParametersWithID(new ParametersWithRandom(privateKey, new SecureRandom()),
                InterimSm2Keys.DEFAULT_SIGNER_ID.clone()));
    }

    @Override
    public String algorithm() {
        return InterimSm2Keys.ALGORITHM;
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public synchronized byte[] sign(byte[] message) {
        sm2.update(message, 0, message.length);
        try {
            return sm2.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed with key " + keyId, e);
        }
    }

    @Override
    public String toString() {
        return "InterimSm2Signer{keyId=" + keyId + "}";
    }
}
