package org.haochaping.conformance.kit.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.haochaping.client.HcpClient;
import org.haochaping.conformance.SamplePayloads;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference client in another language, examples/python-client (Python 3 standard library and the openssl
 * command, written from docs/interface-spec.md), passes a whole client session, faults included. Needs python3 and
 * OpenSSL 3 on the PATH (.ci/run installs them).
 */
class PythonClientTest {

    private static final Path CLIENT_DIR = Path.of("..", "examples", "python-client");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The records it submits are the kit's samples in the unified profile, so they cannot drift from the rules. */
    @Test
    void itsRecordsAreTheKitsSamples() throws IOException {
        byte[] expected;
        try (HcpClient encoder = HcpClient.builder().baseUrl("http://127.0.0.1:1").appId("x")
                .signer(Sm2Signer.builder(PrivateKeyMaterial.generateSm2()).build())
                .platformVerifier(Sm2Verifier.builder().key("k", PrivateKeyMaterial.generateSm2().publicKey()).build())
                .build()) {
            expected = encoder.encodeEvaluations(SamplePayloads.all().stream().map(SamplePayloads.Sample::evaluation)
                    .toList());
        }
        Path records = CLIENT_DIR.resolve("records.json");
        if (Boolean.getBoolean("hcp.regenerate")) {
            Files.writeString(records, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(expected))
                    + "\n");
        }
        assertThat(JSON.readTree(Files.readAllBytes(records)))
                .as("examples/python-client/records.json is stale: run this test with -Dhcp.regenerate=true")
                .isEqualTo(JSON.readTree(expected));
    }

    @Test
    void passesAClientSessionWithFaults() throws Exception {
        PrivateKeyMaterial appKey = PrivateKeyMaterial.generateSm2();
        Path keyFile = dir.resolve("app-private.pem");
        Path platformFile = dir.resolve("platform-public.pem");
        Files.writeString(keyFile, appKey.exportPkcs8Pem());
        // The session's clock runs from a fixed date; the client signs on it through --clock-offset.
        java.time.Clock clock = ScenarioDriver.sessionClock();
        long offset = java.time.Duration.between(java.time.Instant.now(), clock.instant()).getSeconds();
        try (ClientConformanceSession session = ClientConformanceSession.builder().clock(clock).app("python-app",
                appKey.publicKey().defaultKeyId(), appKey.publicKey()).start()) {
            Files.writeString(platformFile, session.platformPublicKey().toPem());
            List<String> command = new ArrayList<>(List.of("python3", CLIENT_DIR.resolve("hcp_client.py").toString(),
                    "--base-url", session.baseUrl(), "--app-id", "python-app", "--key", keyFile.toString(),
                    "--platform-key", platformFile.toString(), "--debug-canonical", "--clock-offset",
                    Long.toString(offset)));
            Path log = dir.resolve("python.log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            ClientConformanceReport report = session.evaluate();
            assertThat(p.exitValue()).as(output + "\n" + report.summary()).isZero();
            assertThat(report.passed()).as(output + "\n" + report.summary()).isTrue();
            assertThat(report.faults()).hasSize(6).allMatch(ClientResult::passed);
            assertThat(output).contains("429, waiting Retry-After 1 s").contains("response does not verify")
                    .contains("FOLLOWED_UP");
        }
    }
}
