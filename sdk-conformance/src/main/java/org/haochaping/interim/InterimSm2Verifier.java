package org.haochaping.interim;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.haochaping.crypto.Verifier;

/**
 * INTERIM SM2-with-SM3 verifier (see the package documentation) for a fixed set of public keys by key id.
 * Thread-safe: one initialised {@code SM2Signer} per key, used under its lock.
 */
public final class InterimSm2Verifier implements Verifier {

    private final Map<String, SM2Signer> keys;

    public InterimSm2Verifier(Map<String, ECPublicKeyParameters> publicKeys) {
        Map<String, SM2Signer> initialised = new HashMap<>();
        publicKeys.forEach((id, key) -> {
            SM2Signer sm2 = new SM2Signer();
            sm2.init(false, new ParametersWithID(key, InterimSm2Keys.DEFAULT_SIGNER_ID.clone()));
            initialised.put(id, sm2);
        });
        this.keys = Collections.unmodifiableMap(initialised);
    }

    @Override
    public String algorithm() {
        return InterimSm2Keys.ALGORITHM;
    }

    @Override
    public boolean verify(String keyId, byte[] message, byte[] signature) {
        SM2Signer sm2 = keys.get(keyId);
        if (sm2 == null) {
            return false;
        }
        synchronized (sm2) {
            sm2.update(message, 0, message.length);
            try {
                return sm2.verifySignature(signature);
            } catch (RuntimeException malformed) {
                sm2.reset();
                return false;
            }
        }
    }

    @Override
    public String toString() {
        return "InterimSm2Verifier{keyIds=" + keys.keySet() + "}";
    }
}
