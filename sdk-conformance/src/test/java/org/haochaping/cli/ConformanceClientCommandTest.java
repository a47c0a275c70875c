package org.haochaping.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.haochaping.client.HcpClient;
import org.haochaping.conformance.SamplePayloads;
import org.haochaping.conformance.kit.client.ClientScenario;
import org.haochaping.conformance.kit.client.ScenarioDriver;
import org.haochaping.transport.RetryPolicy;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConformanceClientCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aRunWithoutRequestsTimesOutAndReportsEveryScenarioAsNotPerformed() throws Exception {
        Path report = dir.resolve("report");
        CliRun run = CliRun.of("conformance", "client", "--port", "0", "--out", dir.resolve("keys").toString(),
                "--report", report.toString(), "--timeout", "PT2S");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("base-url: http://127.0.0.1:").contains("app-id: demo-app")
                .contains("app-private-key: " + dir.resolve("keys").resolve("app-private.pem").toAbsolutePath())
                .contains("  batch [Art. 12]: an evaluation with scope BATCH")
                .contains("  follow-up [Art. 20, 22]: ").contains("timeout reached (PT2S)")
                .contains("fault-429: 429 RATE_LIMITED with Retry-After: 1")
                .contains("FAIL: " + ClientScenario.all().size() + " scenarios not performed, 6 faults not handled, "
                        + "0 request checks failed");
        assertThat(dir.resolve("keys").resolve("platform-public.pem")).exists();

        JsonNode json = JSON.readTree(Files.readString(report.resolve("report.json")));
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.get("scenarios")).hasSize(ClientScenario.all().size());
        assertThat(json.get("requestChecks").get(0).get("status").asText()).isEqualTo("PASSED");
        assertThat(Files.readString(report.resolve("junit.xml")))
                .contains("<testsuite name=\"scenarios\" tests=\"" + ClientScenario.all().size() + "\" failures=\""
                        + ClientScenario.all().size() + "\"");
        assertThat(Files.readString(report.resolve("summary.txt"))).contains("FAIL channel-sms");
    }

    @Test
    void aSystemSigningWithTheKeptKeyIsJudgedWhileTheCommandServes() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path keys = dir.resolve("keys");
        Path report = dir.resolve("report");
        CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(() -> CliRun.of("conformance", "client",
                "--port", Integer.toString(port), "--out", keys.toString(), "--report", report.toString(),
                "--timeout", "PT10S"));
        Path platformPublic = keys.resolve("platform-public.pem");
        Path appPrivate = keys.resolve("app-private.pem");
        for (int i = 0; i < 100 && !(Files.exists(platformPublic) && Files.exists(keys.resolve("app-public.pem"))); i++) {
            Thread.sleep(100);
        }
        PrivateKeyMaterial appKey = PemKeys.privateKey(appPrivate);
        var platformKey = PemKeys.publicKey(platformPublic);
        HcpClient client = HcpClient.builder().baseUrl("http://127.0.0.1:" + port).appId("demo-app")
                .signer(Sm2Signer.builder(appKey).keyId(appKey.publicKey().defaultKeyId()).build())
                .platformVerifier(Sm2Verifier.builder().key(platformKey.defaultKeyId(), platformKey).build()).build();
        for (int i = 0; i < 100; i++) {   // the port opens shortly after the key files are written
            try {
                client.indicators();
                break;
            } catch (RuntimeException notYet) {
                Thread.sleep(100);
            }
        }
        client.submitEvaluations(List.of(SamplePayloads.all().get(0).evaluation()));
        client.close();

        CliRun run = running.get(60, TimeUnit.SECONDS);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(Files.readString(report.resolve("summary.txt"))).contains("PASS channel-online-hall")
                .contains("PASS request-signature").contains("FAIL channel-sms");
    }

    /** Starts {@code hcp conformance client} in its own JVM and waits for its instructions. */
    private Process startProcess(Path keys, Path report, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.haochaping.cli.Hcp", "conformance", "client",
                "--port", "0", "--out", keys.toString(), "--report", report.toString(), "--clock-start",
                ScenarioDriver.SESSION_START.toString()));
        command.addAll(List.of(extra));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("base-url: ")) {
                baseUrl = line.substring("base-url: ".length());
            }
            if (line.startsWith("Stop with") || line.startsWith("Stops when")) {
                break;
            }
        }
        // keep draining its output so it never blocks on a full pipe
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        return p;
    }

    private String baseUrl;
    /** The clients sign on the session's clock (--clock-start), a few seconds apart at most from the kit's. */
    private final java.time.Clock clock = ScenarioDriver.sessionClock();

    private HcpClient.Builder sdkClients(Path keys) throws Exception {
        PrivateKeyMaterial appKey = PemKeys.privateKey(keys.resolve("app-private.pem"));
        var platformKey = PemKeys.publicKey(keys.resolve("platform-public.pem"));
        return HcpClient.builder().baseUrl(baseUrl).appId("demo-app").clock(clock)
                .signer(Sm2Signer.builder(appKey).keyId(appKey.publicKey().defaultKeyId()).build())
                .platformVerifier(Sm2Verifier.builder().key(platformKey.defaultKeyId(), platformKey).build())
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50))
                        .build());
    }

    @Test
    void sigtermAfterAFullPassWritesTheReportAndExitsZero() throws Exception {
        Path keys = dir.resolve("keys");
        Path report = dir.resolve("report");
        Process p = startProcess(keys, report);
        ScenarioDriver.performEveryScenario(sdkClients(keys), clock);
        p.toHandle().destroy();   // SIGTERM
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(report.resolve("summary.txt"))).isZero();
        assertThat(Files.readString(report.resolve("summary.txt"))).endsWith("PASS\n").contains("faults 6/6 handled");
    }

    @Test
    void sigtermBeforeAnythingWasPerformedExitsOneWithTheReport() throws Exception {
        Path report = dir.resolve("report");
        Process p = startProcess(dir.resolve("keys"), report, "--no-faults");
        p.toHandle().destroy();   // SIGTERM
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(Files.readString(report.resolve("summary.txt"))).contains("no faults injected").contains("FAIL: ");
    }

    @Test
    void untilCompleteAnswersTheLastRequestAndExitsZero() throws Exception {
        Path keys = dir.resolve("keys");
        Path report = dir.resolve("report");
        Process p = startProcess(keys, report, "--until-complete");
        // the last request (the follow-up) completes the session: it must still get its answer
        ScenarioDriver.performEveryScenario(sdkClients(keys), clock);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(report.resolve("report.json"))).contains("\"passed\" : true");
    }

    @Test
    void aMalformedClockStartIsAUsageError() {
        CliRun run = CliRun.of("conformance", "client", "--port", "0", "--out", dir.toString(), "--clock-start",
                "2026-12-07 09:00");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--clock-start takes an ISO-8601 instant");
    }

    @Test
    void aMalformedTimeoutIsAUsageError() {
        CliRun run = CliRun.of("conformance", "client", "--port", "0", "--out", dir.toString(), "--timeout", "2s");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--timeout takes an ISO-8601 duration");
    }
}
