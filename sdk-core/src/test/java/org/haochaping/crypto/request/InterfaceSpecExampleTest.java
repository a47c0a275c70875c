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
    /** One record of the unified profile in {@code {"records": [...]}} (5.3), the kit's first sample. */
    static final String BODY = "{\"records\":[{\"evaluationId\":\"EV-0001\",\"scope\":\"CASE\",\"targets\":[\"SERVICE_ITEM\"],\"channel\":\"ONLINE_HALL\",\"grade\":\"VERY_SATISFIED\",\"indicators\":[\"1504\"],\"evaluatedAt\":\"2026-11-26T10:22:00+08:00\",\"kind\":\"ACTIVE\",\"visitNo\":1,\"stage\":\"AT_COMPLETION\",\"evaluator\":{\"kind\":\"NATURAL_PERSON\",\"name\":\"张三\",\"certificateType\":\"RESIDENT_ID_CARD\",\"certificateNumber\":\"120101198506121236\",\"mobile\":\"13812345678\"},\"case\":{\"caseNo\":\"TJ2026112600001\",\"itemCode\":\"11120101000234567200012011700002\",\"itemName\":\"户籍证明开具\",\"deptCode\":\"111201010002345670\",\"deptName\":\"天津市公安局\",\"areaCode\":\"120101\",\"status\":\"COMPLETED\",\"acceptedAt\":\"2026-11-25T20:11:00+08:00\",\"completedAt\":\"2026-11-26T10:02:00+08:00\",\"handlingMode\":\"FULLY_ONLINE\",\"businessKind\":\"APPLICATION\"}}]}";
    static final String BODY_SM3 = "f3dbef673b494f4d47400e077844e3a3de83b93ebeac5741b1102d385f75f857";
    static final String CANONICAL = "HCP1-SM2-SM3\nREQUEST\nPOST\n/v1/evaluations\n\napp-001\napp-key-2025\n"
            + "1741919400\n3f3b89b1d95e5ca352d84d43381652d8\n" + BODY_SM3;
    static final String SIGNATURE = "MEQCIA8shM8cGDlufOZPaptMwRtIKScnW2QsDXA/zq9kBNS7AiBOcFBsOOjtw7MA4QZzyzz8LFyYMzXWeBmw3pXFeBYD9A==";

    @Test
    void documentedValuesAreWhatTheCodeComputes() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(Sm3.hex(body)).isEqualTo(BODY_SM3);
        CanonicalMessage canonical = CanonicalMessage.builder().algorithm("SM2-SM3").direction(MessageDirection.REQUEST)
                .method("POST").path("/v1/evaluations").query(null)
                .appId("app-001").keyId("app-key-2025").timestamp(1741919400L).nonce("3f3b89b1d95e5ca352d84d43381652d8")
                .body(body).build();
        assertThat(canonical.text()).isEqualTo(CANONICAL);

        PublicKeyMaterial key = PemKeys.publicKey(PUBLIC_KEY);
        assertThat(key.defaultKeyId()).isEqualTo("d94a2fcb88a63e82");
        MessageVerifier verifier = MessageVerifier.builder(Sm2Verifier.builder().key("app-key-2025", key).build())
                .clock(Clock.fixed(Instant.ofEpochSecond(1741919400L + 60), ZoneOffset.UTC)).build();
        VerifiedMessage verified = verifier.verify(MessageDirection.REQUEST, "POST", "/v1/evaluations", null,
                Map.of(SignatureHeaders.APP_ID, "app-001", SignatureHeaders.KEY_ID, "app-key-2025", SignatureHeaders.ALGORITHM, "SM2-SM3",
                        SignatureHeaders.TIMESTAMP, "1741919400", SignatureHeaders.NONCE, "3f3b89b1d95e5ca352d84d43381652d8",
                        SignatureHeaders.SIGNATURE, SIGNATURE),
                body);
        assertThat(verified.keyId()).isEqualTo("app-key-2025");
        assertThat(CanonicalMessage.canonicalQuery("state=DISPATCHED&pageSize=20&page=1"))
                .isEqualTo("page=1&pageSize=20&state=DISPATCHED");
    }

    @Test
    void theDocumentShowsTheseValues() throws Exception {
        Path doc = Paths.get(System.getProperty("hcp.docs.dir", "../docs")).resolve("interface-spec.md");
        String text = Files.readString(doc);
        assertThat(text).contains("## 4. Request signing").contains(BODY_SM3).contains(SIGNATURE).contains("d94a2fcb88a63e82")
                .contains(CANONICAL).contains(BODY).contains("`page=1&pageSize=20&state=DISPATCHED`")
                .doesNotContain("[{\"projectNo\"");
    }
}
