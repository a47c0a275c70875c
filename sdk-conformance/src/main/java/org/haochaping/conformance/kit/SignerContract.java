package org.haochaping.conformance.kit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.sign.SignatureEncoding;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TCK for an SM2-with-SM3 signer (GB/T 32918.2, GM/T 0009; the signatures of requests and responses,
 * docs/interface-spec.md): implement {@link #sign} in a JUnit 5 test class and the default tests sign messages
 * (empty, ASCII, Chinese UTF-8, 1 MB) under a fresh SM2 key with the default signer ID and a custom one, and check
 * each with the SDK's {@link Sm2Verifier}: it verifies under the right ID, not under another ID, not over a changed
 * message, and two signatures of one message differ (k is random, GB/T 32918.2 6.1 A3).
 */
public interface SignerContract {

    /** A signer ID other than the default, as a system with its own registered ID would use. */
    String CUSTOM_SIGNER_ID = "hcp-dept-system@tianjin";

    /**
     * Signs {@code message} with the SM2 private key in {@code privateKeyPem} (PKCS#8 PEM) under {@code signerId}
     * (the user ID hashed into Z).
     *
     * @return the DER signature ({@code SEQUENCE { r INTEGER, s INTEGER }})
     */
    byte[] sign(String privateKeyPem, String signerId, byte[] message) throws Exception;

    private static Map<String, byte[]> messages() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("empty message", new byte[0]);
        out.put("ASCII message", "{\"evaluationNo\":\"E-1\",\"grade\":5}".getBytes(StandardCharsets.US_ASCII));
        out.put("Chinese UTF-8 message", "政务服务好差评：非常满意，窗口人员热情周到。".getBytes(StandardCharsets.UTF_8));
        byte[] large = new byte[1 << 20];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31 + (i >>> 8));
        }
        out.put("1 MB message", large);
        return out;
    }

    private static boolean sdkVerifies(PrivateKeyMaterial key, String signerId, byte[] message, byte[] signature) {
        return Sm2Verifier.builder().signerId(signerId).encoding(SignatureEncoding.DER).key("k", key.publicKey()).build()
                .verify("k", message, signature);
    }

    private byte[] signed(PrivateKeyMaterial key, String signerId, byte[] message, String what) throws Exception {
        byte[] signature = sign(key.exportPkcs8Pem(), signerId, message);
        assertNotNull(signature, "sign returned null for the " + what);
        return signature;
    }

    private void checkSignatures(String signerId, String otherId) throws Exception {
        PrivateKeyMaterial key = PrivateKeyMaterial.generateSm2();
        for (Map.Entry<String, byte[]> m : messages().entrySet()) {
            String what = m.getKey() + " under signer ID " + signerId;
            byte[] signature = signed(key, signerId, m.getValue(), what);
            assertTrue(sdkVerifies(key, signerId, m.getValue(), signature),
                    "the signature of the " + what + " does not verify");
            assertFalse(sdkVerifies(key, otherId, m.getValue(), signature),
                    "the signature of the " + what + " also verifies under signer ID " + otherId);
            byte[] changed = Arrays.copyOf(m.getValue(), m.getValue().length + 1);
            assertFalse(sdkVerifies(key, signerId, changed, signature),
                    "the signature of the " + what + " also verifies over a changed message");
        }
    }

    @Test
    default void signaturesUnderTheDefaultSignerIdVerify() throws Exception {
        checkSignatures(Sm2Signer.DEFAULT_SIGNER_ID, CUSTOM_SIGNER_ID);
    }

    @Test
    default void signaturesUnderACustomSignerIdVerify() throws Exception {
        checkSignatures(CUSTOM_SIGNER_ID, Sm2Signer.DEFAULT_SIGNER_ID);
    }

    @Test
    default void twoSignaturesOfOneMessageDiffer() throws Exception {
        PrivateKeyMaterial key = PrivateKeyMaterial.generateSm2();
        byte[] message = "同一条评价".getBytes(StandardCharsets.UTF_8);
        byte[] first = signed(key, Sm2Signer.DEFAULT_SIGNER_ID, message, "first signature");
        byte[] second = signed(key, Sm2Signer.DEFAULT_SIGNER_ID, message, "second signature");
        assertFalse(Arrays.equals(first, second), "two signatures of one message are equal: k is not random");
        assertTrue(sdkVerifies(key, Sm2Signer.DEFAULT_SIGNER_ID, message, second), "the second signature does not verify");
    }
}
