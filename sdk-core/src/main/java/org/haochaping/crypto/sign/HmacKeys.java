package org.haochaping.crypto.sign;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.haochaping.crypto.CryptoException;

/** Pools of keyed HMAC engines: keying an HMAC costs two compressions, so keyed engines are reused. */
final class HmacKeys {

    /** Shared secrets shorter than this are refused: 128 bits is the floor for HMAC keys. */
    static final int MIN_SECRET_BYTES = 16;

    private HmacKeys() {
    }

    static void requireAlgorithm(SignatureAlgorithm algorithm) {
        if (algorithm != SignatureAlgorithm.HMAC_SM3 && algorithm != SignatureAlgorithm.HMAC_SHA256) {
            throw new IllegalArgumentException("HMAC algorithm must be HMAC-SM3 or HMAC-SHA256, got " + algorithm);
        }
    }

    static Pool<HMac> pool(final SignatureAlgorithm algorithm, byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE,
                    algorithm.wireName() + " secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        final KeyParameter key = new KeyParameter(secret);
        return new Pool<HMac>(new Pool.Factory<HMac>() {
            @Override
            public HMac create() {
                HMac mac = new HMac(digest(algorithm));
                mac.init(key);
                return mac;
            }
        });
    }

    static byte[] mac(Pool<HMac> pool, byte[] message) {
        if (message == null) {
            throw new IllegalArgumentException("message is null");
        }
        HMac mac = pool.take();
        mac.update(message, 0, message.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0); // doFinal resets the engine to its keyed state
        pool.give(mac);
        return out;
    }

    private static Digest digest(SignatureAlgorithm algorithm) {
        return algorithm == SignatureAlgorithm.HMAC_SM3 ? new SM3Digest() : new SHA256Digest();
    }
}
