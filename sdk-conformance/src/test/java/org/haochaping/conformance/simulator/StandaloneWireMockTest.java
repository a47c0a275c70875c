package org.haochaping.conformance.simulator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.haochaping.client.HcpClient;
import org.haochaping.client.RecordStatus;
import org.haochaping.client.SubmissionResult;
import org.haochaping.conformance.SamplePayloads;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.model.Evaluation;
import org.haochaping.transport.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The exported layout served by a WireMock configured like the standalone server: files root plus extension by class name. */
class StandaloneWireMockTest {

    @TempDir
    Path dir;

    private WireMockServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        System.clearProperty(StandaloneTransformer.CONFIG_PROPERTY);
    }

    private WireMockServer standalone() {
        WireMockServer s = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .usingFilesUnderDirectory(dir.toString())
                .extensions(StandaloneTransformer.class.getName()));
        s.start();
        return s;
    }

    @Test
    void anExportedSimulatorAcceptsASignedEvaluationAndSignsItsAnswer() throws Exception {
        PrivateKeyMaterial platformKey = PrivateKeyMaterial.generateSm2();
        PrivateKeyMaterial appKey = PrivateKeyMaterial.generateSm2();
        String appKeyId = appKey.publicKey().defaultKeyId();
        StandaloneExport export = StandaloneExport.builder().platformKey(platformKey, null)
                .app("dept-system-01", appKeyId, appKey.publicKey()).writeTo(dir);

        String mapping = new String(Files.readAllBytes(dir.resolve("mappings").resolve(StandaloneExport.MAPPING)),
                StandardCharsets.UTF_8);
        assertThat(mapping).contains("\"ANY\"").contains(PlatformTransformer.NAME);
        assertThat(Files.readString(dir.resolve(StandaloneExport.PROPERTIES)))
                .doesNotContain(platformKey.exportPkcs8Pem().split("\n")[1]);

        System.setProperty(StandaloneTransformer.CONFIG_PROPERTY, dir.resolve(StandaloneExport.PROPERTIES).toString());
        server = standalone();
        Evaluation evaluation = SamplePayloads.all().get(0).evaluation();
        try (HcpClient client = client(server, appKey, appKeyId, platformKey, export.platformKeyId())) {
            SubmissionResult result = client.submitEvaluations(List.of(evaluation));
            assertThat(result.results()).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(RecordStatus.ACCEPTED);
                assertThat(r.evaluationNo()).isNotBlank();
            });
            assertThat(client.submitEvaluations(List.of(evaluation)).results().get(0).status())
                    .isEqualTo(RecordStatus.DUPLICATE);
        }
        // the answers are verified against the exported platform key: another key refuses them
        PrivateKeyMaterial otherKey = PrivateKeyMaterial.generateSm2();
        try (HcpClient client = client(server, appKey, appKeyId, otherKey, export.platformKeyId())) {
            assertThatThrownBy(() -> client.submitEvaluations(List.of(SamplePayloads.all().get(1).evaluation())))
                    .isInstanceOf(CryptoException.class);
        }
    }

    @Test
    void aMissingConfigurationStopsTheServerFromStartingWithTheSettingNamed() {
        System.setProperty(StandaloneTransformer.CONFIG_PROPERTY, dir.resolve("absent.properties").toString());
        assertThatThrownBy(this::standalone).hasStackTraceContaining("absent.properties")
                .hasStackTraceContaining(StandaloneTransformer.CONFIG_PROPERTY);
    }

    private static HcpClient client(WireMockServer server, PrivateKeyMaterial appKey, String appKeyId,
            PrivateKeyMaterial platformKey, String platformKeyId) {
        return HcpClient.builder()
                .baseUrl("http://127.0.0.1:" + server.port())
                .appId("dept-system-01")
                .signer(Sm2Signer.builder(appKey).keyId(appKeyId).build())
                .platformVerifier(Sm2Verifier.builder().key(platformKeyId, platformKey.publicKey()).build())
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50))
                        .maxRetries(1).build())
                .build();
    }
}
