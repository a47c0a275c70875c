package org.haochaping.cli;

import org.haochaping.conformance.SamplePayloads;
import org.haochaping.conformance.simulator.AppCredentials;
import org.haochaping.conformance.simulator.SimulatedPlatform;
import org.haochaping.model.Evaluation;
import org.haochaping.wire.PayloadCodec;
import org.haochaping.wire.WireProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SendCommandTest {

    @TempDir
    Path dir;
    private SimulatedPlatform platform;
    private Path appKey;
    private Path platformKey;

    @BeforeEach
    void start() throws IOException {
        platform = SimulatedPlatform.start();
        AppCredentials app = platform.newApp("demo-app");
        appKey = Files.writeString(dir.resolve("app.pem"), app.privateKey().exportPkcs8Pem());
        platformKey = Files.writeString(dir.resolve("platform.pem"), platform.platformPublicKey().toPem());
    }

    @AfterEach
    void stop() {
        platform.stop();
    }

    private Path payload(List<Evaluation> evaluations) throws IOException {
        return Files.write(dir.resolve("payload.json"),
                PayloadCodec.of(WireProfile.unified()).writeAll(evaluations).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sendsEveryRecordAndPrintsItsResult() throws IOException {
        List<Evaluation> samples = SamplePayloads.all().stream().map(SamplePayloads.Sample::evaluation).toList();
        Path file = payload(samples);
        CliRun run = CliRun.of("send", "--url", platform.baseUrl(), "--key", appKey.toString(), "--platform-key",
                platformKey.toString(), file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(samples.size())
                .allMatch(l -> l.startsWith(file + ": [") && l.contains(" ACCEPTED evaluation E"));
        assertThat(run.out()).contains("[2] ACCEPTED evaluation E00000003 work-order WO");
        assertThat(platform.observations().countedEvaluations()).isEqualTo(samples.size());

        CliRun again = CliRun.of("send", "--url", platform.baseUrl(), "--key", appKey.toString(), "--platform-key",
                platformKey.toString(), file.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("[0] DUPLICATE evaluation E00000001");
    }

    @Test
    void aPlatformRefusalExitsOneAndAnUnreachablePlatformTwo() throws IOException {
        Path file = payload(List.of(SamplePayloads.all().get(0).evaluation()));
        CliRun wrongApp = CliRun.of("send", "--url", platform.baseUrl(), "--key", appKey.toString(), "--platform-key",
                platformKey.toString(), "--app-id", "unknown-app", file.toString());
        assertThat(wrongApp.exitCode()).isEqualTo(1);
        assertThat(wrongApp.out()).contains("refused: HTTP 403 UNKNOWN_APP");

        String url = platform.baseUrl();
        platform.stop();
        CliRun down = CliRun.of("send", "--url", url, "--key", appKey.toString(), "--platform-key",
                platformKey.toString(), file.toString());
        assertThat(down.exitCode()).isEqualTo(2);
    }

    @Test
    void anInvalidFileIsNotSent() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"grade\": \"GREAT\"}");
        CliRun run = CliRun.of("send", "--url", platform.baseUrl(), "--key", appKey.toString(), "--platform-key",
                platformKey.toString(), file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("grade: is not one of").contains("not sent");
        assertThat(platform.observations().requests()).isEmpty();
    }
}
