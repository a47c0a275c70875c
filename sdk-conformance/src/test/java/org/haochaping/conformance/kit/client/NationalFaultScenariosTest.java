package org.haochaping.conformance.kit.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.haochaping.client.HcpClient;
import org.haochaping.conformance.SamplePayloads;
import org.haochaping.crypto.envelope.EnvelopeSealer;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.model.Evaluation;
import org.haochaping.transport.IdempotencyKey;
import org.haochaping.transport.RequestOptions;
import org.haochaping.transport.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault scenarios in the national report style (--profile national|both): the same fault points hit national
 * envelopes, and the verdicts judge what is the envelope's own: every attempt sealed anew, the same records under the
 * same evaluation ids, an answer that does not answer every record not believed, nothing counted twice. Broken
 * national clients fail by name; the SDK's client (redelivering like its outbox) passes.
 */
class NationalFaultScenariosTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NATIONAL_FAULTS = List.of("national-fault-503", "national-fault-429",
            "national-fault-lost-response", "national-fault-reset", "national-fault-unanswered-record",
            "national-fault-altered-index");

    private final PrivateKeyMaterial appKey = PrivateKeyMaterial.generateSm2();
    /** The session's clock, which the clients seal and sign on: the samples' dates do not depend on the machine's. */
    private final java.time.Clock clock = ScenarioDriver.sessionClock();
    private ClientConformanceSession session;

    private ClientConformanceSession start(ClientConformanceSession.Profile profile) {
        session = ClientConformanceSession.builder().profile(profile).clock(clock).nationalApp("hall-3", "word-of-hall-3")
                .app("hall-app", appKey.publicKey().defaultKeyId(), appKey.publicKey()).start();
        return session;
    }

    @AfterEach
    void stop() {
        if (session != null) {
            session.stop();
        }
    }

    private static List<Evaluation> samples() {
        return SamplePayloads.all().stream().map(SamplePayloads.Sample::evaluation)
                .filter(ClientScenario::representableInNational).toList();
    }

    private HcpClient nationalClient() {
        return HcpClient.builder().baseUrl(session.baseUrl()).appId("hall-app").clock(clock)
                .signer(Sm2Signer.builder(PrivateKeyMaterial.generateSm2()).build())
                .platformVerifier(Sm2Verifier.builder().key(session.platformKeyId(), session.platformPublicKey()).build())
                .nationalEnvelope(EnvelopeSealer.builder(session.platformPublicKey()).appMark(session.appMark())
                        .appWord(session.appWord()).clock(clock).build())
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(10))
                        .maxBackoff(Duration.ofMillis(50)).maxRetries(2).build())
                .build();
    }

    /** One record per envelope, as the SDK encodes it: six new national writes, so each fault is injected once. */
    private List<ArrayNode> sixWrites() throws Exception {
        List<ArrayNode> out = new ArrayList<>();
        try (HcpClient encoder = nationalClient()) {
            for (Evaluation e : samples().subList(0, 6)) {
                out.add((ArrayNode) JSON.readTree(encoder.encodeEvaluations(List.of(e))));
            }
        }
        return out;
    }

    private ClientConformanceReport run(RawNationalClient client) throws Exception {
        for (ArrayNode records : sixWrites()) {
            client.send(records);
        }
        return session.evaluate();
    }

    @Test
    void aClientThatReSealsEveryAttemptAndChecksTheAnswerHandlesEveryNationalFault() throws Exception {
        start(ClientConformanceSession.Profile.NATIONAL);
        assertThat(session.faults()).extracting(f -> f.id()).containsExactlyElementsOf(NATIONAL_FAULTS);
        ClientConformanceReport report = run(new RawNationalClient(session, clock));
        assertThat(report.faults()).extracting(ClientResult::id).containsExactlyElementsOf(NATIONAL_FAULTS);
        assertThat(report.faults()).as(report.summary()).allMatch(ClientResult::passed);
        assertThat(report.result("national-fault-lost-response").detail()).contains("sealed anew")
                .contains("evaluationId EV-").contains("counted once");
        assertThat(report.result("national-fault-503").reference()).contains("National envelope");
        assertThat(session.evaluate().checks()).as(report.summary()).allMatch(ClientResult::passed);
        assertThat(report.summary()).contains("Faults injected").contains("PASS national-fault-altered-index");
    }

    @Test
    void aClientThatReplaysTheSealedEnvelopeFailsByName() throws Exception {
        start(ClientConformanceSession.Profile.NATIONAL);
        ClientConformanceReport report = run(new RawNationalClient(session, clock).replaySealedEnvelope());
        ClientResult unavailable = report.result("national-fault-503");
        assertThat(unavailable.passed()).isFalse();
        assertThat(unavailable.detail()).contains("replayed the sealed envelope").contains("re-sent the sign of");
        ClientResult lost = report.result("national-fault-lost-response");
        assertThat(lost.passed()).isFalse();
        assertThat(lost.detail()).contains("replayed the sealed envelope");
        assertThat(report.passed()).isFalse();
        assertThat(report.summary()).contains("FAILED national-fault-lost-response");
    }

    @Test
    void aClientThatGivesItsRecordsNewIdsOnARetryFailsByName() throws Exception {
        start(ClientConformanceSession.Profile.NATIONAL);
        ClientConformanceReport report = run(new RawNationalClient(session, clock).rekeyOnRetry());
        for (String id : List.of("national-fault-503", "national-fault-lost-response", "national-fault-reset")) {
            assertThat(report.result(id).passed()).as(id).isFalse();
            assertThat(report.result(id).detail()).as(id).contains("re-keyed on retry")
                    .contains("carried the records under evaluationId EV-");
        }
        // Counted once all the same: the platform also de-duplicates national records by (case, target, visit).
        assertThat(session.evaluate().result("national-fault-lost-response").detail()).doesNotContain("counted 2 times");
    }

    @Test
    void aClientThatBelievesAnAnswerThatDoesNotAnswerEveryRecordFailsByName() throws Exception {
        start(ClientConformanceSession.Profile.NATIONAL);
        ClientConformanceReport report = run(new RawNationalClient(session, clock).trustAnswers());
        for (String id : List.of("national-fault-unanswered-record", "national-fault-altered-index")) {
            assertThat(report.result(id).passed()).as(id).isFalse();
            assertThat(report.result(id).detail()).as(id).contains("trusted the tampered response")
                    .contains("does not answer every record sent");
        }
        assertThat(report.result("national-fault-lost-response").passed()).isTrue();
    }

    @Test
    void theSdkClientRedeliveringLikeItsOutboxHandlesEveryNationalFaultAndEveryScenario() {
        start(ClientConformanceSession.Profile.NATIONAL);
        try (HcpClient client = nationalClient()) {
            for (Evaluation e : samples()) {
                deliver(client, client.encodeEvaluations(List.of(e)));
            }
        }
        ClientConformanceReport report = session.evaluate();
        assertThat(report.faults()).as(report.summary()).hasSize(6).allMatch(ClientResult::passed);
        assertThat(report.passed()).as(report.summary()).isTrue();
    }

    /**
     * What the SDK's outbox does with a record (HcpClient.outboxSink): delivered again under its key until an answer
     * is read; an answer that does not answer every record is a MalformedResponseException, delivered again.
     */
    private static void deliver(HcpClient client, byte[] records) {
        RequestOptions options = RequestOptions.builder().idempotencyKey(IdempotencyKey.random()).build();
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                client.submitEncoded(HcpClient.KIND_EVALUATIONS, records, options);
                return;
            } catch (RuntimeException notDelivered) {
                last = notDelivered;
            }
        }
        throw last;
    }

    @Test
    void bothProfilesInjectEachStylesFaultsIntoItsOwnWrites() throws Exception {
        start(ClientConformanceSession.Profile.BOTH);
        assertThat(session.faults()).hasSize(12);
        ClientConformanceReport report = run(new RawNationalClient(session, clock));
        assertThat(report.faults()).filteredOn(r -> r.id().startsWith("national-")).as(report.summary())
                .hasSize(6).allMatch(ClientResult::passed);
        assertThat(report.result("fault-503").detail()).contains("not injected yet")
                .contains("first 6 new writes (POST)").contains("0 so far");
    }
}
