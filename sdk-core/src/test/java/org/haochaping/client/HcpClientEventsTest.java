package org.haochaping.client;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.haochaping.Fixtures;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.event.HcpEventListener;
import org.haochaping.event.OutboxEvent;
import org.haochaping.event.RequestInfo;
import org.haochaping.event.RequestOutcome;
import org.haochaping.event.RetryReason;
import org.haochaping.model.Evaluation;
import org.haochaping.outbox.Outbox;
import org.haochaping.testing.LogCapture;
import org.haochaping.transport.IdempotencyKey;
import org.haochaping.transport.RequestOptions;
import org.haochaping.transport.RetryPolicy;
import org.haochaping.transport.ServiceException;
import org.haochaping.transport.TransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an {@link HcpEventListener} sees of the client's requests, event by event, and that events carry no personal
 * data and a listener that throws breaks nothing.
 */
class HcpClientEventsTest {

    @RegisterExtension
    static final WireMockExtension SERVER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(new HcpClientTest.PlatformSignature())).build();

    private static final String APP = "app-001";
    private static final String OK_BODY = "{\"code\":\"OK\",\"message\":\"ok\",\"requestId\":\"r1\",\"data\":{\"results\":"
            + "[{\"index\":0,\"status\":\"ACCEPTED\",\"evaluationNo\":\"E1\"}]}}";
    private static final IdempotencyKey KEY = IdempotencyKey.of("events-test-key-0001");

    private final PrivateKeyMaterial appKey = PrivateKeyMaterial.generateSm2();
    private final PrivateKeyMaterial platformKey = PrivateKeyMaterial.generateSm2();
    private final Recording recording = new Recording();
    private HcpClient client;

    /** Every event as a line, and every object an event carried, for the personal-data check. */
    static final class Recording implements HcpEventListener {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<Object> carried = new CopyOnWriteArrayList<>();

        private void add(String line, Object... objects) {
            lines.add(line);
            Collections.addAll(carried, objects);
        }

        @Override
        public void requestStart(RequestInfo request) {
            add("requestStart " + request.operation() + " " + request.method() + " " + request.endpoint() + " key="
                    + request.idempotencyKey().map(IdempotencyKey::value).orElse("-") + " records="
                    + request.records(), request);
        }

        @Override
        public void attemptStart(RequestInfo request, int attempt) {
            add("attemptStart " + attempt, request);
        }

        @Override
        public void retryScheduled(RequestInfo request, int attempt, Duration delay, RetryReason reason) {
            add("retryScheduled " + attempt + " " + reason, request, delay, reason);
        }

        @Override
        public void responseVerified(RequestInfo request, int attempt, int statusCode) {
            add("responseVerified " + attempt + " " + statusCode, request);
        }

        @Override
        public void responseRefused(RequestInfo request, int attempt, int statusCode, String reason) {
            add("responseRefused " + attempt + " " + statusCode + " " + reason, request, reason);
        }

        @Override
        public void requestEnd(RequestInfo request, RequestOutcome outcome) {
            add("requestEnd " + outcome.kind() + " " + outcome.statusCode() + " "
                    + outcome.platformCode().orElse("-") + " attempts=" + outcome.attempts(), request, outcome);
        }

        @Override
        public void outboxStored(OutboxEvent event) {
            add("outboxStored " + event.store() + " " + event.kind(), event);
        }

        @Override
        public void outboxDelivered(OutboxEvent event) {
            add("outboxDelivered " + event.store() + " " + event.kind(), event);
        }

        @Override
        public void outboxDeadLettered(OutboxEvent event) {
            add("outboxDeadLettered " + event.store() + " " + event.kind() + " "
                    + event.platformCode().orElse("-"), event);
        }
    }

    @BeforeEach
    void build() {
        HcpClientTest.platformSigner = MessageSigner.builder(Sm2Signer.builder(platformKey).keyId("plat-1").build())
                .appId(APP).build();
        client = client(recording);
    }

    private HcpClient client(HcpEventListener listener) {
        return HcpClient.builder().baseUrl(SERVER.baseUrl() + "/api").appId(APP)
                .signer(Sm2Signer.builder(appKey).keyId("app-key-1").build())
                .platformVerifier(Sm2Verifier.builder().key("plat-1", platformKey.publicKey()).build())
                .retryPolicy(RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofMillis(5))
                        .maxBackoff(Duration.ofMillis(10)).build())
                .eventListener(listener)
                .build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static ResponseDefinitionBuilder signed(int status, String signedBody, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)
                .withTransformers("platform-signature").withTransformerParameter("signedBody", signedBody);
    }

    private static List<Evaluation> one() {
        return Collections.singletonList(Fixtures.itemEvaluation(Fixtures.windowCase()).build());
    }

    private static RequestOptions keyed(int maxRetries) {
        return RequestOptions.builder().idempotencyKey(KEY).maxRetries(maxRetries).build();
    }

    @Test
    void aSuccessfulSubmission() {
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).willReturn(signed(200, OK_BODY, OK_BODY)));

        client.submitEvaluations(one(), keyed(2));

        assertThat(recording.lines).containsExactly(
                "requestStart submitEvaluations POST /v1/evaluations key=events-test-key-0001 records=1",
                "attemptStart 1",
                "responseVerified 1 200",
                "requestEnd SUCCESS 200 - attempts=1");
        assertNoPersonalData(one().get(0));
    }

    @Test
    void a503ThenSuccessIsOneRetryUnderTheSameKey() {
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).inScenario("retry").whenScenarioStateIs("up")
                .willReturn(signed(200, OK_BODY, OK_BODY)));

        client.submitEvaluations(one());

        assertThat(recording.lines).hasSize(6);
        assertThat(recording.lines.get(0)).startsWith("requestStart submitEvaluations POST /v1/evaluations key=")
                .doesNotContain("key=-");
        assertThat(recording.lines.subList(1, 6)).containsExactly(
                "attemptStart 1",
                "retryScheduled 1 SERVER_ERROR",
                "attemptStart 2",
                "responseVerified 2 200",
                "requestEnd SUCCESS 200 - attempts=2");
        assertNoPersonalData(one().get(0));
    }

    @Test
    void aTamperedResponseIsRefusedSentAgainAndEndsUnverified() {
        String forged = OK_BODY.replace("ACCEPTED", "DUPLICATE");
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).willReturn(signed(200, OK_BODY, forged)));

        assertThatThrownBy(() -> client.submitEvaluations(one(), keyed(1))).isInstanceOf(CryptoException.class);

        assertThat(recording.lines).containsExactly(
                "requestStart submitEvaluations POST /v1/evaluations key=events-test-key-0001 records=1",
                "attemptStart 1",
                "responseRefused 1 200 SIGNATURE_INVALID",
                "retryScheduled 1 UNVERIFIED_RESPONSE",
                "attemptStart 2",
                "responseRefused 2 200 SIGNATURE_INVALID",
                "requestEnd UNVERIFIED 200 - attempts=2");
        assertNoPersonalData(one().get(0));
    }

    @Test
    void aPlatformRefusalCarriesItsCode() {
        String refusal = "{\"code\":\"INVALID_PAYLOAD\",\"message\":\"refused\",\"data\":{\"results\":[]}}";
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).willReturn(signed(422, refusal, refusal)));

        assertThatThrownBy(() -> client.submitEvaluations(one(), keyed(2))).isInstanceOf(ServiceException.class);

        assertThat(recording.lines).containsExactly(
                "requestStart submitEvaluations POST /v1/evaluations key=events-test-key-0001 records=1",
                "attemptStart 1",
                "responseVerified 1 422",
                "requestEnd REFUSED 422 INVALID_PAYLOAD attempts=1");
        assertNoPersonalData(one().get(0));
    }

    @Test
    void aTransportFailureAfterItsRetries() {
        SERVER.stubFor(get(urlEqualTo("/api/v1/work-orders/WO-2026-000123"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> client.workOrder("WO-2026-000123")).isInstanceOf(TransportException.class);

        assertThat(recording.lines).containsExactly(
                "requestStart workOrder GET /v1/work-orders/{orderNo} key=- records=0",
                "attemptStart 1",
                "retryScheduled 1 CONNECTION_FAILURE",
                "attemptStart 2",
                "retryScheduled 2 CONNECTION_FAILURE",
                "attemptStart 3",
                "requestEnd TRANSPORT_FAILURE 0 - attempts=3");
        assertThat(String.join("\n", recording.lines) + recording.carried).doesNotContain("WO-2026-000123");
    }

    @Test
    void aListenerThatThrowsBreaksNothingAndIsLoggedOnce() {
        client.close();
        HcpEventListener throwing = new HcpEventListener() {
            @Override
            public void requestStart(RequestInfo request) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void attemptStart(RequestInfo request, int attempt) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void requestEnd(RequestInfo request, RequestOutcome outcome) {
                throw new IllegalStateException("listener bug");
            }
        };
        client = HcpClient.builder().baseUrl(SERVER.baseUrl() + "/api").appId(APP)
                .signer(Sm2Signer.builder(appKey).keyId("app-key-1").build())
                .platformVerifier(Sm2Verifier.builder().key("plat-1", platformKey.publicKey()).build())
                .eventListenerFactory(request -> HcpEventListener.guarded(throwing, recording))
                .build();
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).willReturn(signed(200, OK_BODY, OK_BODY)));
        LogCapture.clear();

        assertThat(client.submitEvaluations(one()).allHeld()).isTrue();
        assertThat(client.submitEvaluations(one()).allHeld()).isTrue();

        assertThat(recording.lines).filteredOn(l -> l.startsWith("requestEnd SUCCESS")).hasSize(2);
        List<String> warnings = new ArrayList<>();
        for (String line : LogCapture.lines()) {
            if (line.contains("threw java.lang.IllegalStateException") && line.startsWith("WARN")) {
                warnings.add(line);
            }
        }
        assertThat(warnings).hasSize(1);
        assertThat(String.join("\n", LogCapture.lines())).doesNotContain("listener bug");
    }

    @Test
    void theOutboxDeadLettersARefusalWithThePlatformsCodeThroughTheClientsSink(@TempDir java.nio.file.Path dir)
            throws Exception {
        String refusal = "{\"code\":\"INVALID_PAYLOAD\",\"message\":\"refused\",\"data\":{\"results\":[]}}";
        IdempotencyKey good = IdempotencyKey.of("events-test-good-0001");
        IdempotencyKey bad = IdempotencyKey.of("events-test-bad-00001");
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).withHeader("Idempotency-Key", equalTo(good.value()))
                .willReturn(signed(200, OK_BODY, OK_BODY)));
        SERVER.stubFor(post(urlEqualTo("/api/v1/evaluations")).withHeader("Idempotency-Key", equalTo(bad.value()))
                .willReturn(signed(422, refusal, refusal)));
        java.util.concurrent.atomic.AtomicBoolean online = new java.util.concurrent.atomic.AtomicBoolean();
        try (Outbox outbox = Outbox.builder(dir, client.outboxSink()).networkStatus(online::get)
                .eventListener(recording).open()) {
            byte[] body = client.encodeEvaluations(one());
            outbox.submit(HcpClient.KIND_EVALUATIONS, body, good);
            outbox.submit(HcpClient.KIND_EVALUATIONS, body, bad);
            online.set(true);
            outbox.retryNow();
            assertThat(outbox.awaitDrained(Duration.ofSeconds(60))).isTrue();
        }
        assertThat(recording.lines).filteredOn(l -> l.startsWith("outbox") || l.startsWith("requestEnd"))
                .containsExactly(
                        "outboxStored file evaluations",
                        "outboxStored file evaluations",
                        "requestEnd SUCCESS 200 - attempts=1",
                        "outboxDelivered file evaluations",
                        "requestEnd REFUSED 422 INVALID_PAYLOAD attempts=1",
                        "outboxDeadLettered file evaluations INVALID_PAYLOAD");
        assertNoPersonalData(one().get(0));
    }

    /** Neither an event's toString nor any of its fields holds the evaluator's name, certificate or mobile. */
    private void assertNoPersonalData(Evaluation e) {
        assertThat(recording.carried).isNotEmpty();
        List<String> personal = new ArrayList<>();
        personal.add(e.evaluator().name());
        personal.add(e.evaluator().certificateNumber());
        personal.add(e.evaluator().mobile());
        StringBuilder everything = new StringBuilder(String.join("\n", recording.lines));
        for (Object o : recording.carried) {
            everything.append('\n').append(o);
            if (!o.getClass().getName().startsWith("org.haochaping.event.")) {
                continue; // a String, Duration or enum: its toString is all it holds
            }
            for (Field f : o.getClass().getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                try {
                    everything.append('\n').append(f.get(o));
                } catch (IllegalAccessException impossible) {
                    throw new AssertionError(impossible);
                }
            }
        }
        for (String p : personal) {
            assertThat(p).isNotBlank();
            assertThat(everything.toString()).doesNotContain(p);
        }
    }
}
