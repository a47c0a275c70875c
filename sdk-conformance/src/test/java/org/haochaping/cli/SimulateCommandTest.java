package org.haochaping.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.request.MessageDirection;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.request.MessageVerifier;
import org.haochaping.crypto.request.SignedHeaders;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hcp simulate}: a real process that prints what a client needs, serves it, and stops on SIGTERM. */
class SimulateCommandTest {

    @TempDir
    Path dir;

    /** Starts {@code hcp simulate} in its own JVM and reads its announcement. */
    private record Running(Process process, BufferedReader out, Map<String, String> printed, List<String> lines) {
        String baseUrl() {
            return printed.get("base-url");
        }
    }

    private Running start(String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.haochaping.cli.Hcp", "simulate", "--port", "0",
                "--out", dir.toString()));
        command.addAll(List.of(extra));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Map<String, String> printed = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            int colon = line.indexOf(": ");
            if (colon > 0 && !line.startsWith("hcp ")) {
                printed.put(line.substring(0, colon), line.substring(colon + 2));
            }
            if (line.startsWith("Stop with")) {
                break;
            }
        }
        return new Running(p, out, printed, lines);
    }

    private static List<String> stop(Running r) throws Exception {
        r.process().toHandle().destroy(); // SIGTERM, without closing our end of its output
        assertThat(r.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> rest = new ArrayList<>();
        try (BufferedReader out = r.out()) {
            String line;
            while ((line = out.readLine()) != null) {
                rest.add(line);
            }
        }
        return rest;
    }

    @Test
    void servesSignedRequestsOfTheDemoAppAndStopsOnSigterm() throws Exception {
        Running r = start("--national-app", "hall-3=word");
        try {
            assertThat(r.lines()).anyMatch(l -> l.startsWith("hcp simulate: the simulated central platform is serving"));
            assertThat(r.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(r.printed()).containsEntry("app-id", "demo-app").containsEntry("mode", "strict")
                    .containsEntry("national-app", "hall-3")
                    .containsEntry("platform-public-key", dir.resolve("platform-public.pem").toString())
                    .containsEntry("app-private-key", dir.resolve("app-private.pem").toString());
            assertThat(Files.getPosixFilePermissions(dir.resolve("app-private.pem")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

            PrivateKeyMaterial appKey = PemKeys.privateKey(Path.of(r.printed().get("app-private-key")));
            MessageSigner signer = MessageSigner.builder(Sm2Signer.builder(appKey).keyId(r.printed().get("app-key-id")).build())
                    .appId("demo-app").build();
            SignedHeaders signed = signer.signRequest("GET", "/v1/indicators", null, null);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(r.baseUrl() + "/v1/indicators"));
            signed.asMap().forEach(request::header);
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            response.headers().map().forEach((k, v) -> headers.put(k, v.get(0)));
            MessageVerifier.builder(Sm2Verifier.builder().key(r.printed().get("platform-key-id"),
                    PemKeys.publicKey(Path.of(r.printed().get("platform-public-key")))).build()).build()
                    .verifyResponse("GET", "/v1/indicators", null, signed.nonce(), null, headers, response.body());
        } finally {
            List<String> after = stop(r);
            assertThat(after).contains("stopped");
        }
        int port = URI.create(r.baseUrl()).getPort();
        try (Socket s = new Socket("127.0.0.1", port)) {
            throw new AssertionError("port " + port + " still accepts connections after the stop");
        } catch (ConnectException expected) {
            // the port is free
        }
    }

    @Test
    void aRestartKeepsTheKeysSoClientsKeepWorking() throws Exception {
        Running first = start();
        stop(first);
        Running second = start("--app-id", "other-app");
        stop(second);

        assertThat(second.printed().get("platform-key-id")).isEqualTo(first.printed().get("platform-key-id"));
        assertThat(second.printed().get("app-key-id")).isEqualTo(first.printed().get("app-key-id"));
        assertThat(second.printed()).containsEntry("app-id", "other-app");
    }

    @Test
    void usageErrorsExitWith2() throws Exception {
        assertThat(CliRun.of("simulate", "--port", "70000", "--out", dir.toString()).exitCode()).isEqualTo(2);
        CliRun noKey = CliRun.of("simulate", "--port", "0", "--out", dir.toString(), "--app-key", dir.resolve("missing.pem").toString());
        assertThat(noKey.exitCode()).isEqualTo(2);
        assertThat(noKey.err()).contains("unusable key");
        CliRun badNational = CliRun.of("simulate", "--port", "0", "--out", dir.toString(), "--national-app", "no-word");
        assertThat(badNational.exitCode()).isEqualTo(2);
        assertThat(badNational.err()).contains("APPMARK=APPWORD");
        assertThat(CliRun.of("simulate", "--app-id", "not valid", "--out", dir.toString()).exitCode()).isEqualTo(2);
        Files.writeString(dir.resolve("rsa.pem"), PrivateKeyMaterial.generateP256().exportPkcs8Pem());
        CliRun notSm2 = CliRun.of("simulate", "--port", "0", "--out", dir.toString(), "--platform-key", dir.resolve("rsa.pem").toString());
        assertThat(notSm2.exitCode()).isEqualTo(2);
        assertThat(notSm2.err()).contains("SM2");
    }

    @Test
    void aPortInUseExitsWith2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("simulate", "--port", Integer.toString(taken.getLocalPort()), "--out", dir.toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("cannot start");
        }
    }

    @Test
    void helpNamesTheFlags() {
        CliRun help = CliRun.of("simulate", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--port", "--bind", "--out", "--app-id", "--app-key", "--app-key-id", "--platform-key",
                "--national-app", "--lenient");
    }
}
