package org.haochaping.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hcp simulate --export DIR}: writes the standalone WireMock layout and exits instead of serving. */
class SimulateExportCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesMappingsConfigurationKeysAndGuidanceThenExits() throws Exception {
        Path out = tmp.resolve("keys");
        Path export = tmp.resolve("wiremock");
        CliRun run = CliRun.of("simulate", "--out", out.toString(), "--app-id", "dept-a", "--export", export.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("root-dir: " + export).contains("app-id: dept-a")
                .contains("extension: org.haochaping.conformance.simulator.StandaloneTransformer");
        assertThat(export.resolve("mappings/hcp-central-platform.json")).content().contains("hcp-central-platform");
        assertThat(export.resolve("hcp-simulator.properties")).content().contains("app-id=dept-a").contains("strict=true");
        assertThat(export.resolve("platform-private.pem")).content()
                .isEqualTo(Files.readString(out.resolve(SimulateCommand.PLATFORM_PRIVATE)));
        assertThat(export.resolve("app-public.pem")).content().isEqualTo(Files.readString(out.resolve(SimulateCommand.APP_PUBLIC)));
        assertThat(export.resolve("extensions/README.txt")).content().contains("--extensions");
    }

    @Test
    void anUnwritableExportFolderIsExitCode2() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        CliRun run = CliRun.of("simulate", "--out", tmp.resolve("keys").toString(), "--export", file.resolve("sub").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot write the export");
    }
}
