package org.haochaping.conformance.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.haochaping.crypto.envelope.EnvelopeSealer;
import org.haochaping.crypto.envelope.NationalEnvelope;
import org.haochaping.model.Evaluation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/national/evaluations}: national envelopes sealed with {@link EnvelopeSealer} (5.7). */
class NationalEndpointTest {

    static final MutableClock CLOCK = new MutableClock();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static SimulatedPlatform platform;

    @BeforeAll
    static void start() {
        platform = SimulatedPlatform.builder().clock(CLOCK).registerNationalApp("district-hall-3", "s3cret-word").start();
    }

    @AfterAll
    static void stop() {
        platform.stop();
    }

    @BeforeEach
    void reset() {
        platform.reset();
    }

    private static EnvelopeSealer sealer(String appMark, String appWord, Clock clock) {
        return EnvelopeSealer.builder(platform.platformPublicKey()).appMark(appMark).appWord(appWord).clock(clock).build();
    }

    private static NationalEnvelope seal(List<Evaluation> records) {
        return sealer("district-hall-3", "s3cret-word", CLOCK).seal(Payloads.NATIONAL.writeAll(records));
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/v1/national/evaluations"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return SigningClient.JSON.readTree(r.body());
    }

    @Test
    void aSealedEnvelopeIsOpenedAndItsRecordsCountedWithTheUnifiedOnes() throws Exception {
        Evaluation good = Payloads.good("TJ-N-0001");
        Evaluation bad = Payloads.badAtCityLevel("TJ-N-0002");

        HttpResponse<String> response = post(seal(List.of(good, bad, good)).toJson());
        JsonNode body = json(response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Hcp-Signature")).isEmpty();
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("code").asText()).isEqualTo("200");
        assertThat(body.path("errorMessage").isNull()).isTrue();
        assertThat(body.path("data").findValuesAsText("status")).containsExactly("ACCEPTED", "ACCEPTED", "DUPLICATE");
        assertThat(body.path("data").path(1).path("workOrderNo").asText()).isEqualTo("WO00000001");
        assertThat(platform.observations().acceptedEvaluations()).allSatisfy(a -> {
            assertThat(a.sender()).isEqualTo("district-hall-3");
            assertThat(a.profile()).isEqualTo("national");
        });
        assertThat(platform.observations().acceptedEvaluations().get(0).evaluation().caseRecord().caseNo()).isEqualTo("TJ-N-0001");
    }

    @Test
    void theSameEvaluationSentInBothProfilesIsCountedOnce() throws Exception {
        Evaluation e = Payloads.staffAtWindow("TJ-N-0100");
        AppCredentials app = platform.newApp("window-vendor");
        new SigningClient(platform, app, CLOCK).post("/v1/evaluations", Payloads.records(e));

        JsonNode body = json(post(seal(List.of(e)).toJson()));

        assertThat(body.path("data").path(0).path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(body.path("data").path(0).path("evaluationNo").asText()).isEqualTo("E00000001");
        assertThat(platform.observations().countedEvaluations()).isEqualTo(1);
    }

    @Test
    void refusedRecordsNameTheNationalFields() throws Exception {
        String records = Payloads.NATIONAL.writeAll(List.of(Payloads.good("TJ-N-0200"))).replace("\"satisfaction\":\"5\"", "\"satisfaction\":\"9\"");
        HttpResponse<String> response = post(sealer("district-hall-3", "s3cret-word", CLOCK).seal(records).toJson());
        JsonNode body = json(response);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(body.path("success").asBoolean()).isFalse();
        assertThat(body.path("code").asText()).isEqualTo("422");
        assertThat(body.path("data").path(0).path("status").asText()).isEqualTo("REJECTED");
        assertThat(body.path("data").path(0).path("violations")).anySatisfy(v -> assertThat(v.path("path").asText()).isEqualTo("satisfaction"));
    }

    @Test
    void anUnknownAppMarkAWrongWordAReplayAndAnOldEnvelopeAreRefused() throws Exception {
        String records = Payloads.NATIONAL.writeAll(List.of(Payloads.good("TJ-N-0300")));
        HttpResponse<String> unknown = post(sealer("nobody", "s3cret-word", CLOCK).seal(records).toJson());
        HttpResponse<String> wrongWord = post(sealer("district-hall-3", "guess", CLOCK).seal(records).toJson());
        String once = seal(List.of(Payloads.good("TJ-N-0301"))).toJson();
        HttpResponse<String> first = post(once);
        HttpResponse<String> replay = post(once);
        MutableClock old = new MutableClock(CLOCK.instant().minus(Duration.ofMinutes(10)));
        HttpResponse<String> expired = post(sealer("district-hall-3", "s3cret-word", old).seal(records).toJson());

        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(json(unknown).path("success").asBoolean()).isFalse();
        assertThat(json(unknown).path("errorMessage").asText()).contains("nobody");
        assertThat(wrongWord.statusCode()).isEqualTo(401);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(json(replay).path("errorMessage").asText()).contains("already accepted");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(platform.observations().countedEvaluations()).isEqualTo(1);
        assertThat(platform.observations().rejections()).extracting(ObservedRequest::code).containsExactly(
                ErrorCode.UNKNOWN_APP, ErrorCode.SIGNATURE_INVALID, ErrorCode.NONCE_REPLAYED, ErrorCode.TIMESTAMP_EXPIRED);
    }

    @Test
    void aBodyThatIsNoEnvelopeIsAnInvalidRequest() throws Exception {
        HttpResponse<String> notJson = post("appMark=x");
        HttpResponse<String> noSign = post("{\"appMark\":\"district-hall-3\",\"time\":\"20261126103000\",\"params\":{\"data\":\"00\"}}");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).path("code").asText()).isEqualTo("400");
        assertThat(noSign.statusCode()).isEqualTo(400);
        assertThat(json(noSign).path("success").asBoolean()).isFalse();
    }
}
