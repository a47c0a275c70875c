package org.haochaping.qrcode.testing;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.haochaping.crypto.Signer;
import org.haochaping.crypto.Verifier;

/**
 * HMAC-SHA256 from the JDK behind the SDK's Signer and Verifier interfaces: shows that receipt codes take
 * any signer, and keeps this module's tests independent of the SM2 signer (tested with SM2 in
 * sdk-conformance).
 */
public final class HmacTestKeys {

    public static final String ALGORITHM = "HMAC-SHA256";

    private HmacTestKeys() {
    }

    public static Signer signer(String keyId, byte[] key) {
        return new Signer() {
            @Override
            public String algorithm() {
                return ALGORITHM;
            }

            @Override
            public String keyId() {
                return keyId;
            }

            @Override
            public byte[] sign(byte[] message) {
                return mac(key, message);
            }
        };
    }

    /** A verifier that knows the given keys by id. */
    public static Verifier verifier(Map<String, byte[]> keys) {
        return new Verifier() {
            @Override
            public String algorithm() {
                return ALGORITHM;
            }

            @Override
            public boolean verify(String keyId, byte[] message, byte[] signature) {
                byte[] key = keys.get(keyId);
                return key != null && MessageDigest.isEqual(mac(key, message), signature);
            }
        };
    }

    private static byte[] mac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
