package org.haochaping.crypto.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.haochaping.crypto.Sm3;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.junit.jupiter.api.Test;

/**
 * The worked example of {@code docs/interface-spec.md}, section "Request signing": the values printed
 * there are checked here, so the document cannot drift from the code. The key is the public example key
 * of GB/T 32918.5-2017 Annex A (never use it for anything real).
 */
class InterfaceSpecExampleTest {

    static final String PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----\n"
            + "MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAECfnfMR5UIaFQ3X0WHkvFxnIXn60Y\n"
            + "M/wHa7CP81bzUCDM6kkM4md1pS3G6nGMwapgCu0F+/NeCEpmMvYHLamtEw==\n"
            + "-----END PUBLIC KEY-----\n";
    static final String BODY = "[{\"projectNo\":\"TJ-2025-0001\",\"satisfaction\":\"5\"}]";
    static final String BODY_SM3 = "20749113c9045950093405beefeccd1bc9236b83c757a772a109fb430f9ccc9a";
    static final String CANONICAL = "HCP1-SM2-SM3\nREQUEST\nPOST\n/v1/evaluations\nareaCode=120101&channel=4\napp-001\napp-key-2025\n"
            + "1741919400\n3f3b89b1d95e5ca352d84d43381652d8\n" + BODY_SM3;
    static final String SIGNATURE = "MEYCIQC+8cGdal8A8Lnmw4ROt0E2vj3zUz0M78z9RO1BjsI/nQIhAMGShXjmxFBikkoXJWC+q+XhllB49bSQi32slCLdj3fF";

    @Test
    void documentedValuesAreWhatTheCodeComputes() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(Sm3.hex(body)).isEqualTo(BODY_SM3);
        CanonicalMessage canonical = CanonicalMessage.builder().algorithm("SM2-SM3").direction(MessageDirection.REQUEST)
                .method("POST").path("/v1/evaluations").query("channel=4&areaCode=120101")
                .appId("app-001").keyId("app-key-2025").timestamp(1741919400L).nonce("3f3b89b1d95e5ca352d84d43381652d8")
                .body(body).build();
        assertThat(canonical.text()).isEqualTo(CANONICAL);

        PublicKeyMaterial key = PemKeys.publicKey(PUBLIC_KEY);
        assertThat(key.defaultKeyId()).isEqualTo("d94a2fcb88a63e82");
        MessageVerifier verifier = MessageVerifier.builder(Sm2Verifier.builder().key("app-key-2025", key).build())
                .clock(Clock.fixed(Instant.ofEpochSecond(1741919400L + 60), ZoneOffset.UTC)).build();
        VerifiedMessage verified = verifier.verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", "channel=4&areaCode=120101",
                Map.of(SignatureHeaders.APP_ID, "app-001", SignatureHeaders.KEY_ID, "app-key-2025", SignatureHeaders.ALGORITHM, "SM2-SM3",
                        SignatureHeaders.TIMESTAMP, "1741919400", SignatureHeaders.NONCE, "3f3b89b1d95e5ca352d84d43381652d8",
                        SignatureHeaders.SIGNATURE, SIGNATURE),
                body);
        assertThat(verified.keyId()).isEqualTo("app-key-2025");
    }

    @Test
    void theDocumentShowsTheseValues() throws Exception {
        Path doc = Paths.get(System.getProperty("hcp.docs.dir", "../docs")).resolve("interface-spec.md");
        String text = Files.readString(doc);
        assertThat(text).contains("## 4. Request signing").contains(BODY_SM3).contains(SIGNATURE).contains("d94a2fcb88a63e82")
                .contains(CANONICAL);
    }
}
