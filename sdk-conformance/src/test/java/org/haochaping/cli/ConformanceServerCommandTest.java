package org.haochaping.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.haochaping.conformance.simulator.AppCredentials;
import org.haochaping.conformance.simulator.SimulatedPlatform;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConformanceServerCommandTest {

    private static final List<String> ALL_CHECKS = List.of("valid-evaluation-accepted", "response-signed",
            "idempotent-replay", "counted-once", "idempotency-conflict", "invalid-payload-refused",
            "tampered-signature-refused", "expired-timestamp-refused", "replayed-nonce-refused", "unknown-app-refused",
            "missing-idempotency-key-refused", "last-second-replay-refused", "oversized-body-refused",
            "error-responses-signed", "work-order-pagination", "indicators-match-annex");

    @TempDir
    Path dir;
    private SimulatedPlatform platform;
    private Path appKey;
    private Path platformKey;

    private void start(SimulatedPlatform.Builder builder) throws IOException {
        platform = builder.start();
        AppCredentials app = platform.newApp("demo-app");
        appKey = Files.writeString(dir.resolve("app.pem"), app.privateKey().exportPkcs8Pem());
        platformKey = Files.writeString(dir.resolve("platform.pem"), platform.platformPublicKey().toPem());
    }

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.stop();
        }
    }

    private CliRun run(Path report, String... extra) {
        List<String> args = new ArrayList<>(List.of("conformance", "server", "--target", platform.baseUrl(), "--key",
                appKey.toString(), "--platform-key", platformKey.toString(), "--report", report.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** name → status from report.json. */
    private static Map<String, String> statuses(Path report) throws IOException {
        JsonNode json = new ObjectMapper().readTree(report.resolve("report.json").toFile());
        Map<String, String> out = new LinkedHashMap<>();
        json.path("checks").forEach(c -> out.put(c.path("name").asText(), c.path("status").asText()));
        return out;
    }

    @Test
    void theSimulatedPlatformPassesEveryCheckAndAgainOnASecondRun() throws IOException {
        start(SimulatedPlatform.builder());
        Path report = dir.resolve("report");
        CliRun first = run(report);
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(statuses(report)).containsOnlyKeys(ALL_CHECKS).allSatisfy((name, status) ->
                assertThat(status).as(name).isEqualTo("PASSED"));
        assertThat(first.out()).contains("16 checks, 16 passed, 0 failed")
                .contains("PASS tampered-signature-refused").endsWith("junit.xml" + System.lineSeparator());
        assertThat(Files.readString(report.resolve("summary.txt"))).startsWith("Conformance server: ")
                .contains("PASS invalid-payload-refused").contains("[5.3; 1.4; Art. 7]");
        String junit = Files.readString(report.resolve("junit.xml"));
        assertThat(junit).contains("tests=\"16\" failures=\"0\"").contains("name=\"counted-once [5.3]\"");
        // counted once each: the SDK client's 差评 and the misbehaving client's first one; every refused write,
        // the replay and the resubmission under another key add nothing
        assertThat(platform.observations().countedEvaluations()).isEqualTo(2);

        CliRun second = run(dir.resolve("report2"));
        assertThat(second.exitCode()).as(second.out()).isZero();
        assertThat(platform.observations().countedEvaluations()).isEqualTo(4);
    }

    @Test
    void aPlatformThatSkipsSignatureAndKeyChecksFailsThemByName() throws IOException {
        start(SimulatedPlatform.builder().strict(false));
        Path report = dir.resolve("report");
        CliRun run = run(report);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        Map<String, String> statuses = statuses(report);
        for (String failing : List.of("tampered-signature-refused", "expired-timestamp-refused",
                "replayed-nonce-refused", "unknown-app-refused", "missing-idempotency-key-refused",
                "last-second-replay-refused")) {
            assertThat(statuses.get(failing)).as(failing).isEqualTo("FAILED");
            assertThat(run.out()).contains("FAIL " + failing);
        }
        assertThat(statuses.get("valid-evaluation-accepted")).isEqualTo("PASSED");
        assertThat(statuses.get("indicators-match-annex")).isEqualTo("PASSED");
        assertThat(run.out()).contains("expected HTTP 401 SIGNATURE_INVALID, got HTTP 200 OK")
                .contains("expected HTTP 400 INVALID_REQUEST, got HTTP 200 OK");
        assertThat(Files.readString(report.resolve("junit.xml"))).contains("failures=\"6\"")
                .contains("type=\"ServerNonConformance\"");
    }

    @Test
    void withANationalSenderReSpelledEnvelopeReplaysAreChecked() throws IOException {
        start(SimulatedPlatform.builder().registerNationalApp("TJ-CONF-1", "conf-word-1"));
        Path word = Files.writeString(dir.resolve("app-word"), "conf-word-1\n");
        Path report = dir.resolve("report");
        CliRun run = run(report, "--national-app-mark", "TJ-CONF-1", "--national-app-word-file", word.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(statuses(report)).containsEntry("respelled-envelope-replay-refused", "PASSED").hasSize(17);
        assertThat(run.out()).contains("PASS respelled-envelope-replay-refused").contains("upper-case hex: HTTP 4")
                .contains("other records: HTTP 4");
        // the national original is counted; none of its replays is
        assertThat(platform.observations().countedEvaluations()).isEqualTo(3);
    }

    @Test
    void answersThatDoNotVerifyWithThePlatformKeyFailTheSignatureChecks() throws IOException {
        start(SimulatedPlatform.builder());
        platformKey = Files.writeString(dir.resolve("other.pem"), PrivateKeyMaterial.generateSm2().publicKey().toPem());
        Path report = dir.resolve("report");
        CliRun run = run(report, "--platform-key-id", platform.platformKeyId());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        Map<String, String> statuses = statuses(report);
        for (String failing : List.of("valid-evaluation-accepted", "response-signed", "idempotent-replay",
                "error-responses-signed", "work-order-pagination", "indicators-match-annex")) {
            assertThat(statuses.get(failing)).as(failing).isEqualTo("FAILED");
        }
        // the error codes themselves are still right: only their signatures are not the platform's
        assertThat(statuses.get("tampered-signature-refused")).isEqualTo("PASSED");
        assertThat(run.out()).contains("does not verify with the platform key");
    }

    @Test
    void anUnreachableTargetOrAnUnreadableKeyExitsTwo() throws IOException {
        start(SimulatedPlatform.builder());
        String url = platform.baseUrl();
        platform.stop();
        CliRun down = CliRun.of("conformance", "server", "--target", url, "--key", appKey.toString(),
                "--platform-key", platformKey.toString(), "--report", dir.resolve("r").toString());
        assertThat(down.exitCode()).isEqualTo(2);
        assertThat(down.err()).contains("does not answer");

        CliRun badKey = CliRun.of("conformance", "server", "--target", url, "--key", dir.resolve("none.pem").toString(),
                "--platform-key", platformKey.toString());
        assertThat(badKey.exitCode()).isEqualTo(2);
        assertThat(CliRun.of("conformance", "server", "--target", url).exitCode()).isEqualTo(2);
    }
}
