package org.haochaping.spring.boot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.haochaping.crypto.Signer;
import org.haochaping.crypto.Verifier;
import org.haochaping.crypto.keys.KeyAlgorithm;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.Pkcs12Keys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.springframework.core.io.Resource;

/** Loads the keys named by {@code hcp.signing.*} and {@code hcp.platform.keys.*}; errors name the property. */
final class HcpKeys {

    private HcpKeys() {
    }

    static Signer signer(HcpProperties.Signing signing) {
        if (signing.getPrivateKey() == null || signing.getKeyId() == null) {
            throw new IllegalStateException("hcp.signing.private-key and hcp.signing.key-id are required");
        }
        PrivateKeyMaterial key = privateKey(signing.getPrivateKey(), signing.getKeyPassword());
        if (key.algorithm() != KeyAlgorithm.SM2) {
            throw new IllegalStateException("hcp.signing.private-key: an SM2 key is expected (interface-spec 4), not "
                    + key.algorithm());
        }
        return Sm2Signer.builder(key).keyId(signing.getKeyId()).build();
    }

    static Verifier platformVerifier(Map<String, Resource> keys) {
        if (keys.isEmpty()) {
            throw new IllegalStateException("hcp.platform.keys: at least one platform public key (PEM) by key id");
        }
        Sm2Verifier.Builder verifier = Sm2Verifier.builder();
        for (Map.Entry<String, Resource> key : keys.entrySet()) {
            try {
                PublicKeyMaterial material = PemKeys.publicKey(text(key.getValue()));
                verifier.key(key.getKey(), material);
            } catch (RuntimeException | IOException unreadable) {
                throw new IllegalStateException("hcp.platform.keys." + key.getKey() + ": not a readable PEM public key ("
                        + unreadable.getClass().getSimpleName() + ")", unreadable);
            }
        }
        return verifier.build();
    }

    private static PrivateKeyMaterial privateKey(Resource resource, String password) {
        char[] secret = password == null ? null : password.toCharArray();
        try {
            byte[] bytes = bytes(resource);
            String text = new String(bytes, StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN")) {
                return secret == null ? PemKeys.privateKey(text) : PemKeys.privateKey(text, secret);
            }
            if (secret == null) {
                throw new IllegalStateException("hcp.signing.key-password: required for a PKCS#12 private key");
            }
            return Pkcs12Keys.privateKey(bytes, secret);
        } catch (IOException unreadable) {
            throw new IllegalStateException("hcp.signing.private-key: cannot read " + resource.getDescription(),
                    unreadable);
        } catch (RuntimeException wrong) {
            if (wrong instanceof IllegalStateException && wrong.getMessage() != null
                    && wrong.getMessage().startsWith("hcp.")) {
                throw wrong;
            }
            // the SDK's key errors name no secret; keep their class, not the key's content
            throw new IllegalStateException("hcp.signing.private-key: not a usable PEM or PKCS#12 key ("
                    + wrong.getMessage() + ")", wrong);
        }
    }

    private static byte[] bytes(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static String text(Resource resource) throws IOException {
        return new String(bytes(resource), StandardCharsets.US_ASCII);
    }
}
