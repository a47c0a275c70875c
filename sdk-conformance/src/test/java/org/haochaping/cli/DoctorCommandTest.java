package org.haochaping.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.haochaping.conformance.simulator.SimulatedPlatform;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {

    @Test
    void reportsCoverageKeysAndPlatformAndExitsZeroWhenAllIsWell(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("issuer.pem");
        Files.write(key, PrivateKeyMaterial.generateSm2().exportPkcs8Pem().getBytes(StandardCharsets.US_ASCII));
        try (SimulatedPlatform platform = SimulatedPlatform.start()) {
            CliRun run = CliRun.of("doctor", "--key", key.toString(), "--platform", platform.baseUrl(), "--today", "2026-12-04");
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("calendar: official 2021–2026, provisional 2027–2050 (policy PROVISIONAL)")
                    .contains("calendar: WARN the 2027 arrangement is not loaded")
                    .contains("key " + key + ": ok, private SM2")
                    .contains("reachable (HTTP ").endsWith("ok" + System.lineSeparator());
        }
    }

    @Test
    void aBadKeyOrAnUnreachablePlatformExitsOne(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("broken.pem");
        Files.write(key, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n".getBytes(StandardCharsets.US_ASCII));
        CliRun run = CliRun.of("doctor", "--key", key.toString(), "--platform", "http://127.0.0.1:9", "--today", "2026-11-04");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("key " + key + ": FAIL").contains("FAIL unreachable").contains("2 problem(s)")
                .doesNotContain("WARN");
    }
}
