package org.haochaping.conformance.kit.client;

import org.haochaping.internal.ConformanceKitAccess;
import org.haochaping.client.HcpClient;
import org.haochaping.conformance.SamplePayloads;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.request.SignedHeaders;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.model.Evaluation;
import org.haochaping.transport.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ClientConformanceSessionTest {

    private static final String APP = "integrator-app";

    /** The session's and the clients' clock: the scenarios' dates do not depend on the machine's. */
    private final Clock clock = ScenarioDriver.sessionClock();
    private PrivateKeyMaterial appKey;
    private ClientConformanceSession session;

    @BeforeEach
    void start() {
        appKey = PrivateKeyMaterial.generateSm2();
        session = ClientConformanceSession.builder().clock(clock)
                .app(APP, appKey.publicKey().defaultKeyId(), appKey.publicKey()).start();
    }

    @AfterEach
    void stop() {
        session.stop();
    }

    /** For the tests that send one raw request and look at one check: no fault in the way. */
    private void restartWithoutFaults() {
        session.stop();
        session = ClientConformanceSession.builder().faults(false).clock(clock)
                .app(APP, appKey.publicKey().defaultKeyId(), appKey.publicKey()).start();
    }

    private HcpClient.Builder client(PrivateKeyMaterial signingKey) {
        return HcpClient.builder().baseUrl(session.baseUrl()).appId(APP).clock(clock)
                .signer(Sm2Signer.builder(signingKey).keyId(session.appKeyId()).build())
                .platformVerifier(Sm2Verifier.builder().key(session.platformKeyId(), session.platformPublicKey())
                        .build())
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(10))
                        .maxBackoff(Duration.ofMillis(50)).maxRetries(1).build());
    }

    private static List<Evaluation> samples() {
        return SamplePayloads.all().stream().map(SamplePayloads.Sample::evaluation).toList();
    }

    @Test
    void nothingPerformedFailsEveryScenarioButNoRequestCheck() {
        ClientConformanceReport report = session.evaluate();
        assertThat(report.scenarios()).hasSameSizeAs(session.scenarios()).noneMatch(ClientResult::passed);
        assertThat(report.checks()).hasSize(RequestCheck.values().length).allMatch(ClientResult::passed);
        assertThat(report.passed()).isFalse();
        assertThat(report.result("batch").detail()).contains("no accepted evaluation").contains("Art. 12");
        assertThat(report.result("follow-up").detail()).contains("no work order exists");
    }

    @Test
    void aClientPerformingEveryScenarioPasses() {
        try (HcpClient client = client(appKey).build()) {
            client.submitEvaluations(samples());
            ClientConformanceReport halfway = session.evaluate();
            assertThat(halfway.result("window-visit").passed()).isTrue();
            assertThat(halfway.result("bad-review-work-order").passed()).isFalse();
            assertThat(halfway.result("bad-review-work-order").detail()).contains("CREATED").contains("Art. 19");

            // Art. 16: a late evaluation is refused as 未评 (sent by a client that does not check first).
            Evaluation qr = samples().get(5);
            Evaluation late = qr.toBuilder().evaluationId("EV-LATE")
                    .caseRecord(qr.caseRecord().toBuilder().caseNo("TJ2026112600199").build())
                    .evaluatedAt(OffsetDateTime.parse("2026-12-04T09:00:00+08:00")).build();
            try (HcpClient unchecked = ConformanceKitAccess.withoutRuleChecks(client(appKey)).build()) {
                Evaluation onTime = samples().get(1).toBuilder().evaluationId("EV-ONTIME")
                        .caseRecord(samples().get(1).caseRecord().toBuilder().caseNo("TJ2026112600198").build()).build();
                unchecked.submitEvaluations(List.of(onTime, late));
            }

            assertThat(client.workOrders(null, null, 1, 100).items()).hasSizeGreaterThanOrEqualTo(2);
            ScenarioDriver.handleWorkOrders(client, clock);
        }
        ClientConformanceReport report = session.evaluate();
        assertThat(report.passed()).as(report.summary()).isTrue();
        assertThat(report.faults()).hasSize(6).allMatch(ClientResult::passed);
        assertThat(report.summary()).contains("faults 6/6 handled").contains("PASS fault-wrong-key");
        assertThat(report.result("appeal").detail()).contains("1 evidence item").contains("INVALIDATED");
        assertThat(report.result("late-evaluation").detail()).contains("2026-12-03T23:59:59+08:00");
        assertThat(report.result("follow-up").detail()).contains("FOLLOWED_UP");
        assertThat(report.summary()).endsWith("PASS\n").contains("PASS channel-sms");
        assertThat(report.toJson()).contains("\"passed\" : true");
        assertThat(report.toJUnitXml()).contains("failures=\"0\"").doesNotContain("<failure");
    }

    @Test
    void actorIdsOtherThanTheSpecGivesTheirRoleAreRefusedNamingTheFieldAndFailTheActorCheck() {
        restartWithoutFaults();
        try (HcpClient client = client(appKey).build()) {
            client.submitEvaluations(samples());
            org.haochaping.badreview.WorkOrder order = client.workOrders(null, null, 1, 100).items().get(0);
            OffsetDateTime now = OffsetDateTime.now(clock);
            org.haochaping.transport.RequestOptions once = org.haochaping.transport.RequestOptions.defaults();
            // the handling department acting under another department's code (Art. 18-21)
            assertThat(catchThrowable(() -> client.reportAction(order.orderNo(),
                    org.haochaping.badreview.WorkOrderAction.verify(), org.haochaping.badreview.Actor.of(
                            org.haochaping.badreview.ActorRole.HANDLING_DEPARTMENT, "OTHER-DEPT"), now, once)))
                    .hasMessageContaining("ILLEGAL_TRANSITION");
            // SYSTEM is the platform's own; an id is a code, never a person's name (Art. 17)
            assertThat(catchThrowable(() -> client.reportAction(order.orderNo(),
                    org.haochaping.badreview.WorkOrderAction.verify(), org.haochaping.badreview.Actor.of(
                            org.haochaping.badreview.ActorRole.SYSTEM, "hcp-platform"), now, once)))
                    .hasMessageContaining("INVALID_REQUEST");
            assertThat(catchThrowable(() -> client.reportAction(order.orderNo(),
                    org.haochaping.badreview.WorkOrderAction.verify(), org.haochaping.badreview.Actor.of(
                            org.haochaping.badreview.ActorRole.HANDLING_DEPARTMENT, "张三"), now, once)))
                    .hasMessageContaining("INVALID_REQUEST");
            assertThat(catchThrowable(() -> client.reportFollowUp(order.orderNo(),
                    org.haochaping.badreview.FollowUpResult.SATISFIED, org.haochaping.badreview.Actor.of(
                            org.haochaping.badreview.ActorRole.HOTLINE_12345, "12346"), now, once)))
                    .hasMessageContaining("ILLEGAL_TRANSITION");
        }
        ClientConformanceReport report = session.evaluate();
        ClientResult actors = report.result("request-actors");
        assertThat(actors.passed()).isFalse();
        assertThat(actors.reference()).isEqualTo("interface-spec 5.5 (Actors); Art. 17-22");
        assertThat(actors.detail()).startsWith("4 refused:")
                .contains("-> ILLEGAL_TRANSITION: actor.id OTHER-DEPT is not the id of HANDLING_DEPARTMENT")
                .contains("-> INVALID_REQUEST: actor.role SYSTEM is the platform's own")
                .contains("-> INVALID_REQUEST: actor.id must be 1-64 characters")
                .contains("actor.id 12346 is not the id of HOTLINE_12345").contains("here 12345");
        assertThat(report.result("request-rules").passed()).as(report.summary()).isTrue();
        assertThat(report.result("request-schema").passed()).as(report.summary()).isTrue();
    }

    @Test
    void lookingUpAnUnknownNumberIsAnswered404AndIsNoFailure() throws Exception {
        restartWithoutFaults();
        MessageSigner signer = MessageSigner.builder(Sm2Signer.builder(appKey).keyId(session.appKeyId()).build())
                .appId(APP).clock(clock).build();
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/v1/evaluations/EV99999999", "/v1/work-orders/WO99999999", "/v1/nowhere")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(session.baseUrl() + path)).GET();
            signer.signRequest("GET", path, "", null).asMap().forEach(request::header);
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Matched-Stub-Id")).isEmpty();
            assertThat(response.headers().firstValue("X-Hcp-Signature")).isPresent();
        }
        ClientResult schema = session.evaluate().result("request-schema");
        assertThat(schema.passed()).isFalse();
        assertThat(schema.detail()).contains("GET /v1/nowhere").doesNotContain("EV99999999").doesNotContain("WO99999999");
    }

    @Test
    void aBadReviewWithoutReasonFailsTheRulesCheckWithItsArticle() {
        Evaluation noReason = samples().get(2).toBuilder().indicators().freeText(null).build();
        try (HcpClient unchecked = ConformanceKitAccess.withoutRuleChecks(client(appKey)).build()) {
            catchThrowable(() -> unchecked.submitEvaluations(List.of(noReason)));
        }
        ClientConformanceReport report = session.evaluate();
        ClientResult rules = report.result("request-rules");
        assertThat(rules.passed()).isFalse();
        assertThat(rules.detail()).containsPattern("#\\d+ POST /v1/evaluations record \\[0\\]").contains("(Art. 7)");
        assertThat(report.result("request-signature").passed()).isTrue();
        assertThat(report.summary()).contains("FAILED request-rules [interface-spec 1.4, 3; Art. 7-22]");
        assertThat(report.toJUnitXml()).contains("<failure").contains("Art. 7");
    }

    @Test
    void aRequestSignedByAnUnregisteredKeyFailsTheSignatureCheck() {
        try (HcpClient impostor = client(PrivateKeyMaterial.generateSm2()).build()) {
            catchThrowable(() -> impostor.submitEvaluations(samples().subList(0, 1)));
        }
        ClientConformanceReport report = session.evaluate();
        ClientResult signature = report.result("request-signature");
        assertThat(signature.passed()).isFalse();
        assertThat(signature.detail()).contains("POST /v1/evaluations -> SIGNATURE_INVALID");
        assertThat(signature.reference()).contains("interface-spec 4");
        assertThat(report.result("channel-online-hall").passed()).isFalse();
        assertThat(report.passed()).isFalse();
    }

    @Test
    void aReusedNonceFailsTheNonceCheck() throws Exception {
        MessageSigner signer = MessageSigner.builder(Sm2Signer.builder(appKey).keyId(session.appKeyId()).build())
                .appId(APP).clock(clock).build();
        SignedHeaders headers = signer.signRequest("GET", "/v1/indicators", "", null);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(session.baseUrl() + "/v1/indicators")).GET();
        for (Map.Entry<String, String> h : headers.asMap().entrySet()) {
            request.header(h.getKey(), h.getValue());
        }
        assertThat(http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        assertThat(http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);

        ClientConformanceReport report = session.evaluate();
        ClientResult nonce = report.result("request-nonce");
        assertThat(nonce.passed()).isFalse();
        assertThat(nonce.detail()).contains("#2 GET /v1/indicators -> NONCE_REPLAYED");
        assertThat(nonce.reference()).isEqualTo("interface-spec 4 (Verification rules 5)");
        assertThat(report.result("request-signature").passed()).isTrue();
    }

    @Test
    void aWriteWithoutIdempotencyKeyFailsTheIdempotencyCheck() throws Exception {
        restartWithoutFaults();
        byte[] body = "{\"records\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        MessageSigner signer = MessageSigner.builder(Sm2Signer.builder(appKey).keyId(session.appKeyId()).build())
                .appId(APP).clock(clock).build();
        SignedHeaders headers = signer.signRequest("POST", "/v1/evaluations", "", body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(session.baseUrl() + "/v1/evaluations"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json; charset=utf-8");
        for (Map.Entry<String, String> h : headers.asMap().entrySet()) {
            request.header(h.getKey(), h.getValue());
        }
        assertThat(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(400);

        ClientConformanceReport report = session.evaluate();
        assertThat(report.result("request-idempotency").passed()).isFalse();
        assertThat(report.result("request-idempotency").detail()).contains("Idempotency-Key");
        assertThat(report.result("request-schema").passed()).isTrue();
    }
}
