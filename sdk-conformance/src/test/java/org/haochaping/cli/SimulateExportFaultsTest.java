package org.haochaping.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.haochaping.client.HcpClient;
import org.haochaping.conformance.SamplePayloads;
import org.haochaping.conformance.simulator.StandaloneTransformer;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.request.MessageDirection;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.model.Evaluation;
import org.haochaping.transport.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hcp simulate --export DIR --faults|--fault-schedule FILE [--observations FILE]}: the standalone server injects
 * the kit's faults and writes what it observed, for a harness in any language to read (docs/simulator.md, "Faults and
 * observations").
 */
class SimulateExportFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private WireMockServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        System.clearProperty(StandaloneTransformer.CONFIG_PROPERTY);
    }

    /** Exports with {@code extra} flags and serves the export the way the standalone WireMock server does. */
    private CliRun exportAndServe(String... extra) {
        List<String> args = new ArrayList<>(List.of("simulate", "--out", tmp.resolve("keys").toString(), "--app-id",
                "dept-a", "--export", tmp.resolve("wiremock").toString()));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        System.setProperty(StandaloneTransformer.CONFIG_PROPERTY,
                tmp.resolve("wiremock").resolve("hcp-simulator.properties").toString());
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .usingFilesUnderDirectory(tmp.resolve("wiremock").toString())
                .extensions(StandaloneTransformer.class.getName()));
        server.start();
        return run;
    }

    private static String line(CliRun run, String name) {
        return run.out().lines().filter(l -> l.startsWith(name + ": ")).findFirst().orElseThrow()
                .substring(name.length() + 2);
    }

    private HcpClient client(CliRun run) throws Exception {
        PrivateKeyMaterial appKey = PemKeys.privateKey(tmp.resolve("keys").resolve(SimulateCommand.APP_PRIVATE));
        PrivateKeyMaterial platformKey = PemKeys.privateKey(tmp.resolve("keys").resolve(SimulateCommand.PLATFORM_PRIVATE));
        return HcpClient.builder().baseUrl("http://127.0.0.1:" + server.port()).appId("dept-a")
                .signer(Sm2Signer.builder(appKey).keyId(line(run, "app-key-id")).build())
                .platformVerifier(Sm2Verifier.builder().key(line(run, "platform-key-id"), platformKey.publicKey()).build())
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50))
                        .maxRetries(3).build())
                .build();
    }

    private static List<Evaluation> samples() {
        return SamplePayloads.all().stream().map(SamplePayloads.Sample::evaluation).toList();
    }

    private JsonNode observations(CliRun run) throws Exception {
        return JSON.readTree(Path.of(line(run, "observations")).toFile());
    }

    @Test
    void theExportedPlatformInjectsTheKitsFaultsAndAWellBehavedClientLeavesCleanObservations() throws Exception {
        CliRun run = exportAndServe("--faults", "unified");
        assertThat(run.out()).contains("faults: fault-503, fault-429, fault-lost-response, fault-reset, fault-wrong-key, "
                + "fault-altered-byte").contains("observations: " + tmp.resolve("wiremock").resolve("observations.json"));
        assertThat(tmp.resolve("wiremock").resolve("hcp-simulator.properties")).content()
                .contains("faults=fault-503,fault-429").contains("observations-file=observations.json");
        try (HcpClient client = client(run)) {
            for (Evaluation e : samples().subList(0, 6)) {
                client.submitEvaluations(List.of(e));
            }
        }
        JsonNode o = observations(run);
        assertThat(o.path("version").asInt()).isEqualTo(1);
        assertThat(o.path("faults")).hasSize(6).allSatisfy(f -> {
            assertThat(f.path("injected").asBoolean()).as(f.toString()).isTrue();
            assertThat(f.path("retries").size()).as(f.toString()).isPositive();
            assertThat(f.path("reKeyed")).as(f.toString()).isEmpty();
            assertThat(f.path("answered").path("status").asInt()).as(f.toString()).isEqualTo(200);
            assertThat(f.path("countedTwice").asBoolean()).as(f.toString()).isFalse();
        });
        JsonNode lost = o.path("faults").get(2);
        assertThat(lost.path("id").asText()).isEqualTo("fault-lost-response");
        assertThat(lost.path("answered").path("idempotentReplay").asBoolean()).isTrue();
        assertThat(o.path("reKeyedRetries")).isEmpty();
        assertThat(o.path("countedTwice")).isEmpty();
        assertThat(o.path("counted").path("evaluations").asInt()).isEqualTo(6);
        JsonNode lostKey = null;
        for (JsonNode k : o.path("attemptsPerKey")) {
            if (k.path("key").asText().equals(lost.path("key").asText())) {
                lostKey = k;
            }
        }
        assertThat(lostKey).isNotNull();
        assertThat(lostKey.path("attempts").asInt()).isEqualTo(1 + lost.path("retries").size());
        assertThat(o.path("requests").size()).isEqualTo(o.path("requests").get(o.path("requests").size() - 1)
                .path("sequence").asInt());
    }

    @Test
    void aClientThatReKeysItsRetriesShowsUpAsReKeyedAndCountedTwice() throws Exception {
        Path schedule = Files.writeString(tmp.resolve("schedule.json"), "{\"faults\": [\"fault-lost-response\"]}");
        CliRun run = exportAndServe("--fault-schedule", schedule.toString(), "--observations",
                tmp.resolve("seen.json").toString());
        assertThat(line(run, "observations")).isEqualTo(tmp.resolve("seen.json").toString());
        PrivateKeyMaterial appKey = PemKeys.privateKey(tmp.resolve("keys").resolve(SimulateCommand.APP_PRIVATE));
        MessageSigner signer = MessageSigner.builder(Sm2Signer.builder(appKey).keyId(line(run, "app-key-id")).build())
                .appId("dept-a").build();
        byte[] body;
        try (HcpClient encoder = client(run)) {
            body = encoder.encodeEvaluations(List.of(samples().get(0)));
        }
        HttpClient http = HttpClient.newHttpClient();
        int status = 0;
        for (int attempt = 0; attempt < 3 && status != 200; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/evaluations"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString());   // broken: a new key on every attempt
            signer.sign(MessageDirection.REQUEST, "dept-a", "POST", "/v1/evaluations", null, body).asMap().forEach(b::header);
            try {
                status = http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.io.IOException lostResponse) {
                status = 0;
            }
        }
        assertThat(status).isEqualTo(200);
        JsonNode o = observations(run);
        JsonNode fault = o.path("faults").get(0);
        assertThat(fault.path("id").asText()).isEqualTo("fault-lost-response");
        assertThat(fault.path("reKeyed")).hasSize(1);
        assertThat(o.path("reKeyedRetries")).singleElement()
                .satisfies(r -> assertThat(r.path("firstKey").asText()).isEqualTo(fault.path("key").asText()));
        assertThat(o.path("countedTwice")).singleElement()
                .satisfies(c -> assertThat(c.path("requests")).hasSize(2));
        assertThat(o.path("counted").path("duplicateRecords").asInt()).isEqualTo(1);
    }

    @Test
    void anUnknownFaultOrBothWaysOfNamingFaultsIsAUsageError() throws Exception {
        Path schedule = Files.writeString(tmp.resolve("schedule.json"), "{\"faults\": [\"fault-503\", \"fault-teapot\"]}");
        CliRun unknown = CliRun.of("simulate", "--out", tmp.resolve("keys").toString(), "--export",
                tmp.resolve("w").toString(), "--fault-schedule", schedule.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no fault 'fault-teapot'").contains("national-fault-altered-index");
        CliRun both = CliRun.of("simulate", "--out", tmp.resolve("keys").toString(), "--export",
                tmp.resolve("w").toString(), "--fault-schedule", schedule.toString(), "--faults", "both");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--faults and --fault-schedule exclude each other");
        CliRun style = CliRun.of("simulate", "--out", tmp.resolve("keys").toString(), "--export",
                tmp.resolve("w").toString(), "--faults", "sometimes");
        assertThat(style.exitCode()).isEqualTo(2);
        assertThat(style.err()).contains("--faults takes unified, national or both");
    }
}
