package org.haochaping.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.haochaping.conformance.SamplePayloads;
import org.haochaping.conformance.simulator.AppCredentials;
import org.haochaping.conformance.simulator.SimulatedPlatform;
import org.haochaping.model.Channel;
import org.haochaping.model.Evaluation;
import org.haochaping.wire.PayloadCodec;
import org.haochaping.wire.WireProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, defects 13 and 14: {@code hcp send} never prints what a server sent unescaped (an unsigned 5xx body put
 * a fake "ACCEPTED" line on a terminal), and the national app secret comes from a file or the environment, not the
 * command line, and is written owner-only.
 */
class UnverifiedTextAndSecretsTest {

    @TempDir
    Path dir;

    private Path payload(WireProfile profile, List<Evaluation> evaluations) throws IOException {
        return Files.write(dir.resolve("payload.json"), PayloadCodec.of(profile).writeAll(evaluations).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unsignedErrorBodyWithControlCharactersIsPrintedEscaped() throws Exception {
        String hostile = "{\"code\":\"UNAVAILABLE\",\"message\":\"down\\r\\npayload.json: [0] ACCEPTED evaluation E1\\u001b[2J\\u202e\"}";
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = hostile.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try (SimulatedPlatform keys = SimulatedPlatform.start()) {
            AppCredentials app = keys.newApp("demo-app");
            Path appKey = Files.writeString(dir.resolve("app.pem"), app.privateKey().exportPkcs8Pem());
            Path platformKey = Files.writeString(dir.resolve("platform.pem"), keys.platformPublicKey().toPem());
            Path file = payload(WireProfile.unified(), List.of(SamplePayloads.all().get(0).evaluation()));
            CliRun run = CliRun.of("send", "--url", "http://127.0.0.1:" + server.getAddress().getPort(), "--key",
                    appKey.toString(), "--platform-key", platformKey.toString(), file.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out().lines()).hasSize(1);
            assertThat(run.out()).contains("refused: HTTP 503 UNAVAILABLE down\\u000d\\u000apayload.json: [0] ACCEPTED")
                    .contains("\\u001b[2J\\u202e").contains("(not verified)").doesNotContain("\u001b").doesNotContain("\u202e")
                    .doesNotContain("\r");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void terminalTextEscapesControlsAndKeepsChinese() {
        assertThat(TerminalText.of("好评\tok\u0007\u009b\u2028\\")).isEqualTo("好评\\u0009ok\\u0007\\u009b\\u2028\\\\");
        assertThat(TerminalText.of("\uD83D\uDE00 \uD83D")).isEqualTo("\uD83D\uDE00 \\ud83d");
    }

    @Test
    void nationalAppWordIsReadFromAFileAndAnArgumentWarns() throws Exception {
        Path apps = Files.writeString(dir.resolve("national-apps"), "# appMark=appWord\nTJ-HALL-9=w0rd-9\n");
        try (SimulatedPlatform platform = SimulatedPlatform.builder().registerNationalApp("TJ-HALL-9", "w0rd-9").start()) {
            AppCredentials app = platform.newApp("demo-app");
            Path appKey = Files.writeString(dir.resolve("app.pem"), app.privateKey().exportPkcs8Pem());
            Path platformKey = Files.writeString(dir.resolve("platform.pem"), platform.platformPublicKey().toPem());
            Path wordFile = Files.writeString(dir.resolve("app-word"), "w0rd-9\n");
            Evaluation one = SamplePayloads.all().stream().map(SamplePayloads.Sample::evaluation)
                    .filter(e -> e.channel() != Channel.SUGGESTION_BOX).findFirst().orElseThrow();
            Path file = payload(WireProfile.national(), List.of(one));

            CliRun fromFile = CliRun.of("send", "--url", platform.baseUrl(), "--key", appKey.toString(), "--platform-key",
                    platformKey.toString(), "--profile", "national", "--app-mark", "TJ-HALL-9", "--app-word-file",
                    wordFile.toString(), file.toString());
            assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
            assertThat(fromFile.out()).contains("[0] ACCEPTED");
            assertThat(fromFile.err()).doesNotContain("warning");

            CliRun fromArgument = CliRun.of("send", "--url", platform.baseUrl(), "--key", appKey.toString(), "--platform-key",
                    platformKey.toString(), "--profile", "national", "--app-mark", "TJ-HALL-9", "--app-word", "w0rd-9",
                    file.toString());
            assertThat(fromArgument.exitCode()).as(fromArgument.err()).isZero();
            assertThat(fromArgument.err()).contains("warning: --app-word puts the secret on the command line");
        }
        assertThat(SimulateCommand.nationalAppsIn(apps)).containsExactly("TJ-HALL-9=w0rd-9");
    }

    @Test
    void exportHoldingAppSecretsIsOwnerOnly() throws Exception {
        Path apps = Files.writeString(dir.resolve("national-apps"), "TJ-HALL-9=w0rd-9\n");
        Path export = dir.resolve("wiremock");
        CliRun run = CliRun.of("simulate", "--out", dir.resolve("keys").toString(), "--national-apps-file", apps.toString(),
                "--export", export.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("warning");
        Path properties = export.resolve("hcp-simulator.properties");
        assertThat(properties).content().contains("national-app.TJ-HALL-9=w0rd-9");
        assertThat(Files.getPosixFilePermissions(properties))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(export.resolve("platform-private.pem")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        CliRun argument = CliRun.of("simulate", "--out", dir.resolve("keys").toString(), "--national-app", "TJ-HALL-9=w0rd-9",
                "--export", dir.resolve("wiremock2").toString());
        assertThat(argument.exitCode()).isZero();
        assertThat(argument.err()).contains("warning: --national-app puts the app secret on the command line");
    }
}
