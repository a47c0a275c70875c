package org.haochaping.conformance.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults on demand: 5xx, 429 with Retry-After, connection resets, delays and lost responses, each used once. */
class FaultInjectionTest {

    static final MutableClock CLOCK = new MutableClock();
    static SimulatedPlatform platform;
    static AppCredentials app;
    static SigningClient client;

    @BeforeAll
    static void start() {
        platform = SimulatedPlatform.builder().clock(CLOCK).registerNationalApp("hall", "word").start();
        app = platform.newApp("flaky-network-terminal");
        client = new SigningClient(platform, app, CLOCK);
    }

    @AfterAll
    static void stop() {
        platform.stop();
    }

    @BeforeEach
    void reset() {
        platform.reset();
    }

    private static String body(String caseNo) {
        return Payloads.records(Payloads.good(caseNo));
    }

    @Test
    void failNextAnswersSignedServerErrorsWithoutProcessingThenRecovers() throws Exception {
        platform.faults().failNext(2, 503).failNext(1, 500);
        String body = body("TJ-F-0001");

        Reply first = client.post("/v1/evaluations", body, "k-fail");
        Reply second = client.post("/v1/evaluations", body, "k-fail");
        Reply third = client.post("/v1/evaluations", body, "k-fail");
        Reply fourth = client.post("/v1/evaluations", body, "k-fail");

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.code()).isEqualTo("UNAVAILABLE");
        assertThat(first.message()).contains("injected");
        assertThat(second.status()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(500);
        assertThat(third.code()).isEqualTo("INTERNAL");
        assertThat(fourth.status()).isEqualTo(200);
        assertThat(fourth.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(platform.observations().countedEvaluations()).isEqualTo(1);
        assertThat(platform.faults().pending()).isZero();
        assertThat(platform.observations().requests()).extracting(ObservedRequest::fault)
                .containsExactly("FAIL 503", "FAIL 503", "FAIL 500", null);
        assertThat(platform.observations().rejections()).isEmpty();
    }

    @Test
    void rateLimitNextAnswers429WithRetryAfter() throws Exception {
        platform.faults().rateLimitNext(1, 7);

        Reply limited = client.get("/v1/indicators");
        Reply after = client.get("/v1/indicators");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("RATE_LIMITED");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void resetNextDropsTheConnectionBeforeAnythingIsProcessed() throws Exception {
        platform.faults().resetNext(1);
        String body = body("TJ-F-0100");

        assertThatThrownBy(() -> client.post("/v1/evaluations", body, "k-reset")).isInstanceOf(IOException.class);
        assertThat(platform.observations().countedEvaluations()).isZero();
        Reply retry = client.post("/v1/evaluations", body, "k-reset");

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(platform.observations().countedEvaluations()).isEqualTo(1);
        assertThat(platform.observations().requests().get(0)).satisfies(r -> {
            assertThat(r.status()).isZero();
            assertThat(r.code()).isNull();
            assertThat(r.fault()).isEqualTo("RESET");
            assertThat(r.appId()).isEqualTo("flaky-network-terminal");
            assertThat(r.idempotencyKey()).isEqualTo("k-reset");
        });
    }

    @Test
    void aLostResponseWasCountedAndTheRetryWithItsKeyReplaysIt() throws Exception {
        platform.faults().loseResponseNext(1);
        String body = Payloads.records(Payloads.badAtCityLevel("TJ-F-0200"));

        assertThatThrownBy(() -> client.post("/v1/evaluations", body, "k-lost")).isInstanceOf(IOException.class);
        assertThat(platform.observations().countedEvaluations()).isEqualTo(1);
        Reply retry = client.post("/v1/evaluations", body, "k-lost");

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.result(0).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(retry.result(0).path("workOrderNo").asText()).isEqualTo("WO00000001");
        assertThat(platform.observations().countedEvaluations()).isEqualTo(1);
        assertThat(platform.observations().workOrders()).hasSize(1);
        assertThat(platform.observations().requests().get(0)).satisfies(r -> {
            assertThat(r.status()).isZero();
            assertThat(r.code()).isEqualTo(ErrorCode.OK);
            assertThat(r.fault()).isEqualTo("LOSE_RESPONSE");
        });
    }

    @Test
    void delayNextProcessesAtOnceAndAnswersLate() throws Exception {
        platform.faults().delayNext(1, Duration.ofSeconds(3));
        String body = body("TJ-F-0300");
        SigningClient impatient = new SigningClient(platform, app, CLOCK).timeout(Duration.ofMillis(300));

        assertThatThrownBy(() -> impatient.post("/v1/evaluations", body, "k-slow")).isInstanceOf(HttpTimeoutException.class);
        Reply retry = impatient.timeout(Duration.ofSeconds(30)).post("/v1/evaluations", body, "k-slow");

        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(platform.observations().countedEvaluations()).isEqualTo(1);
        assertThat(platform.observations().requests().get(0).fault()).isEqualTo("DELAY 3000 ms");
    }

    @Test
    void faultsQueueInOrderAndCanBeCleared() throws Exception {
        Faults faults = platform.faults().failNext(1, 502).rateLimitNext(2, 1).resetNext(1);
        assertThat(faults.pending()).isEqualTo(4);

        assertThat(client.get("/v1/indicators").code()).isEqualTo("UNAVAILABLE");
        assertThat(client.get("/v1/indicators").status()).isEqualTo(429);
        assertThat(faults.pending()).isEqualTo(2);
        faults.clear();

        assertThat(faults.pending()).isZero();
        assertThat(client.get("/v1/indicators").status()).isEqualTo(200);
    }

    @Test
    void faultArgumentsAreChecked() {
        assertThatThrownBy(() -> platform.faults().failNext(1, 429)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rateLimitNext");
        assertThatThrownBy(() -> platform.faults().resetNext(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> platform.faults().delayNext(1, Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(platform.faults().pending()).isZero();
    }

    @Test
    void theNationalEndpointFailsInItsOwnShape() throws Exception {
        platform.faults().failNext(1, 503);

        HttpResponse<String> r = client.http().send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/v1/national/evaluations"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = SigningClient.JSON.readTree(r.body());

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(body.path("success").asBoolean()).isFalse();
        assertThat(body.path("code").asText()).isEqualTo("503");
        assertThat(body.path("errorMessage").asText()).contains("injected");
    }
}
