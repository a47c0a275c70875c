package org.haochaping.conformance.kit.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.haochaping.client.HcpClient;
import org.haochaping.conformance.SamplePayloads;
import org.haochaping.conformance.simulator.FaultSchedule;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.request.CanonicalMessage;
import org.haochaping.crypto.request.MessageDirection;
import org.haochaping.crypto.request.SignedHeaders;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.model.Evaluation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault scenarios and diagnostics of a client session catch broken clients by name: one that re-keys its
 * retries, one that believes a response that does not verify, one that sends a bare array, one whose canonical
 * string is wrong. The SDK's client handles every fault (see also ClientConformanceSessionTest).
 */
class ClientFaultScenariosTest {

    private static final String APP = "integrator-app";

    private final PrivateKeyMaterial appKey = PrivateKeyMaterial.generateSm2();
    /** The session's clock, which the clients sign on: the samples' dates do not depend on the machine's. */
    private final java.time.Clock clock = ScenarioDriver.sessionClock();
    private ClientConformanceSession session;

    private ClientConformanceSession start(boolean faults) {
        session = ClientConformanceSession.builder().faults(faults).clock(clock)
                .app(APP, appKey.publicKey().defaultKeyId(), appKey.publicKey()).start();
        return session;
    }

    @AfterEach
    void stop() {
        if (session != null) {
            session.stop();
        }
    }

    /** One evaluation per request: six new writes, so each fault of the schedule is injected once. */
    private static List<byte[]> sixWrites() {
        try (HcpClient encoder = HcpClient.builder().baseUrl("http://127.0.0.1:1").appId(APP)
                .signer(Sm2Signer.builder(PrivateKeyMaterial.generateSm2()).build())
                .platformVerifier(Sm2Verifier.builder().key("k", PrivateKeyMaterial.generateSm2().publicKey()).build())
                .build()) {
            List<Evaluation> samples = SamplePayloads.all().stream().map(SamplePayloads.Sample::evaluation).toList();
            return samples.subList(0, 6).stream().map(e -> encoder.encodeEvaluations(List.of(e))).toList();
        }
    }

    private ClientConformanceReport run(RawRetryingClient client) throws InterruptedException {
        for (byte[] body : sixWrites()) {
            client.post("/v1/evaluations", body);
        }
        return session.evaluate();
    }

    @Test
    void aClientThatRetriesUnderOneKeyAndVerifiesHandlesEveryFault() throws Exception {
        start(true);
        ClientConformanceReport report = run(new RawRetryingClient(session, appKey, clock));
        assertThat(report.faults()).extracting(ClientResult::id).containsExactly("fault-503", "fault-429",
                "fault-lost-response", "fault-reset", "fault-wrong-key", "fault-altered-byte");
        assertThat(report.faults()).as(report.summary()).allMatch(ClientResult::passed);
        assertThat(report.result("fault-lost-response").detail()).contains("idempotent replay").contains("processed once");
        assertThat(report.summary()).contains("Faults injected").contains("faults 6/6 handled")
                .contains("PASS fault-altered-byte");
        assertThat(report.toJson()).contains("\"faults\"");
        assertThat(report.toJUnitXml()).contains("testsuite name=\"faults\"");
    }

    @Test
    void aClientThatReKeysItsRetriesFailsByName() throws Exception {
        start(true);
        ClientConformanceReport report = run(new RawRetryingClient(session, appKey, clock).rekeyOnRetry());
        assertThat(report.result("fault-503").passed()).isFalse();
        assertThat(report.result("fault-503").detail()).contains("re-keyed on retry");
        ClientResult lost = report.result("fault-lost-response");
        assertThat(lost.passed()).isFalse();
        assertThat(lost.detail()).contains("re-keyed on retry").contains("processed 2 times");
        assertThat(report.passed()).isFalse();
        assertThat(report.summary()).contains("FAILED fault-lost-response");
    }

    @Test
    void aClientThatTrustsATamperedResponseFailsByName() throws Exception {
        start(true);
        ClientConformanceReport report = run(new RawRetryingClient(session, appKey, clock).trustResponses());
        assertThat(report.result("fault-wrong-key").passed()).isFalse();
        assertThat(report.result("fault-wrong-key").detail()).contains("trusted the tampered response");
        assertThat(report.result("fault-altered-byte").passed()).isFalse();
        assertThat(report.result("fault-altered-byte").detail()).contains("trusted the tampered response");
        assertThat(report.result("fault-503").passed()).isTrue();
        assertThat(report.result("fault-429").passed()).as(report.result("fault-429").detail()).isTrue();
    }

    @Test
    void withoutFaultsNothingIsInjectedOrReported() throws Exception {
        start(false);
        ClientConformanceReport report = run(new RawRetryingClient(session, appKey, clock).rekeyOnRetry());
        assertThat(session.faults()).isEmpty();
        assertThat(report.faults()).isEmpty();
        assertThat(report.summary()).contains("no faults injected").doesNotContain("Faults injected");
        assertThat(report.result("channel-online-hall").passed()).isTrue();
    }

    @Test
    void faultsNotYetInjectedFailAsNotInjected() {
        start(true);
        ClientConformanceReport report = session.evaluate();
        assertThat(report.result("fault-503").detail()).contains("not injected yet");
        assertThat(report.scenariosPassed()).isFalse();
        assertThat(FaultSchedule.standard().steps()).hasSize(6);
    }

    @Test
    void aBareArrayFailsTheSchemaCheck() throws Exception {
        start(false);
        byte[] body = "[{\"projectNo\":\"TJ-2025-0001\",\"satisfaction\":\"5\"}]".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> response = new RawRetryingClient(session, appKey, clock).send("POST", "/v1/evaluations", body,
                "bare-array-1", null);
        assertThat(response.statusCode()).isEqualTo(400);
        ClientResult schema = session.evaluate().result("request-schema");
        assertThat(schema.passed()).isFalse();
        assertThat(schema.detail()).contains("POST /v1/evaluations -> INVALID_REQUEST").contains("records");
    }

    @Test
    void aWrongCanonicalStringIsDiagnosedLineByLine() throws Exception {
        start(false);
        RawRetryingClient client = new RawRetryingClient(session, appKey, clock);
        // The mistake: the query is left out of the canonical string (signed as if there were none).
        SignedHeaders signed = client.signer().sign(MessageDirection.REQUEST, APP, "GET", "/v1/work-orders", null, null);
        String clientCanonical = CanonicalMessage.builder().algorithm("SM2-SM3").direction(MessageDirection.REQUEST)
                .method("GET").path("/v1/work-orders").query(null).appId(APP).keyId(session.appKeyId())
                .timestamp(Long.parseLong(signed.asMap().get("X-Hcp-Timestamp")))
                .nonce(signed.asMap().get("X-Hcp-Nonce")).body(null).build().text();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(session.baseUrl() + "/v1/work-orders?pageSize=5&page=1"))
                .GET().header("X-Hcp-Debug-Canonical",
                        Base64.getEncoder().encodeToString(clientCanonical.getBytes(StandardCharsets.UTF_8)));
        signed.asMap().forEach(b::header);
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(401);

        ClientResult signature = session.evaluate().result("request-signature");
        assertThat(signature.passed()).isFalse();
        assertThat(signature.detail()).contains("GET /v1/work-orders -> SIGNATURE_INVALID")
                .contains("canonical string the platform built").contains("page=1&pageSize=5")
                .contains("SM3 of the body as received (0 bytes): 1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b")
                .contains("first differing line: 5 (canonical query): platform 'page=1&pageSize=5', client ''");
    }

    @Test
    void aSignatureFailureWithoutTheDebugHeaderStillShowsThePlatformsCanonicalString() throws Exception {
        start(false);
        RawRetryingClient client = new RawRetryingClient(session, appKey, clock);
        SignedHeaders signed = client.signer().sign(MessageDirection.REQUEST, APP, "GET", "/v1/indicators", null, null);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(session.baseUrl() + "/v1/evaluations/EV404")).GET();
        signed.asMap().forEach(b::header);
        HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.discarding());
        assertThat(session.evaluate().result("request-signature").detail()).contains("/v1/evaluations/EV404")
                .contains("send your canonical string, Base64, in X-Hcp-Debug-Canonical");
    }
}
