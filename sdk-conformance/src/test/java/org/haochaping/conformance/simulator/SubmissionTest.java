package org.haochaping.conformance.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.EvaluationKind;
import org.haochaping.model.Evaluation;
import org.haochaping.model.Grade;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Record submissions over real HTTP: per-record results, de-duplication, idempotent replays (5.1-5.4). */
class SubmissionTest {

    static final MutableClock CLOCK = new MutableClock();
    static SimulatedPlatform platform;
    static SigningClient client;

    @BeforeAll
    static void start() {
        platform = SimulatedPlatform.builder().clock(CLOCK).start();
        client = new SigningClient(platform, platform.newApp("dept-system-01"), CLOCK);
    }

    @AfterAll
    static void stop() {
        platform.stop();
    }

    @BeforeEach
    void reset() {
        platform.reset();
    }

    @Test
    void acceptsDuplicatesAndRejectsRecordByRecordAndCountsOnlyTheAccepted() throws Exception {
        Evaluation good = Payloads.good("TJ-S-0001");
        Evaluation tooManyTargets = Payloads.good("TJ-S-0002").toBuilder()
                .targets(org.haochaping.model.Target.SERVICE_ITEM, org.haochaping.model.Target.SERVICE_STAFF).build();
        Reply reply = client.post("/v1/evaluations", Payloads.records(good, good, tooManyTargets));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isEqualTo("OK");
        assertThat(reply.json().path("requestId").asText()).startsWith("req-");
        assertThat(reply.result(0).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(reply.result(0).path("evaluationNo").asText()).isEqualTo("E00000001");
        assertThat(reply.result(0).has("workOrderNo")).isFalse();
        assertThat(reply.result(1).path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(reply.result(1).path("evaluationNo").asText()).isEqualTo("E00000001");
        JsonNode rejected = reply.result(2);
        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.has("evaluationNo")).isFalse();
        assertThat(rejected.path("violations")).anySatisfy(v -> {
            assertThat(v.path("path").asText()).isEqualTo("targets");
            assertThat(v.path("rule").asText()).isEqualTo("Art. 6");
        });

        Observations seen = platform.observations();
        assertThat(seen.countedEvaluations()).isEqualTo(1);
        assertThat(seen.duplicateRecords()).isEqualTo(1);
        assertThat(seen.rejectedRecords()).singleElement().satisfies(r -> {
            assertThat(r.index()).isEqualTo(2);
            assertThat(r.endpoint()).isEqualTo("/v1/evaluations");
            assertThat(r.sender()).isEqualTo("dept-system-01");
        });
        assertThat(seen.acceptedEvaluations()).singleElement().satisfies(a -> {
            assertThat(a.evaluationNo()).isEqualTo("E00000001");
            assertThat(a.sender()).isEqualTo("dept-system-01");
            assertThat(a.profile()).isEqualTo("unified");
            assertThat(a.evaluation()).isEqualTo(good);
            assertThat(a.acceptedAt()).isEqualTo(CLOCK.instant());
        });
    }

    @Test
    void everyRecordRefusedIs422WithTheResults() throws Exception {
        String notAnEvaluation = "{\"grade\":\"GREAT\"}";
        Reply reply = client.post("/v1/evaluations", Payloads.rawRecords(notAnEvaluation, "42"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("INVALID_PAYLOAD");
        assertThat(reply.result(0).path("status").asText()).isEqualTo("REJECTED");
        assertThat(reply.result(0).path("violations")).anySatisfy(v -> assertThat(v.path("path").asText()).isEqualTo("grade"));
        assertThat(reply.result(1).path("violations").path(0).path("path").asText()).isEqualTo("$");
        assertThat(platform.observations().countedEvaluations()).isZero();
        assertThat(platform.observations().rejections()).singleElement()
                .satisfies(r -> assertThat(r.code()).isEqualTo(ErrorCode.INVALID_PAYLOAD));
    }

    @Test
    void naturalKeyDeduplicatesAcrossRequestsIdsAndKeysButNotOtherVisits() throws Exception {
        Evaluation visit1 = Payloads.staffAtWindow("TJ-S-0100").toBuilder().evaluationId("KIOSK-1").build();
        Evaluation sameVisitOtherId = visit1.toBuilder().evaluationId("KIOSK-2").grade(Grade.SATISFIED).indicators("2401").build();
        Evaluation visit2 = visit1.toBuilder().evaluationId("KIOSK-3").visitNo(2).build();

        Reply first = client.post("/v1/evaluations", Payloads.records(visit1));
        Reply second = client.post("/v1/evaluations", Payloads.records(sameVisitOtherId, visit2));

        assertThat(first.result(0).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(second.result(0).path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(second.result(0).path("evaluationNo").asText()).isEqualTo(first.result(0).path("evaluationNo").asText());
        assertThat(second.result(1).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(platform.observations().countedEvaluations()).isEqualTo(2);
    }

    @Test
    void theSameEvaluationIdOfTheSameSenderIsADuplicate() throws Exception {
        Evaluation a = Payloads.good("TJ-S-0200").toBuilder().evaluationId("APP-77").build();
        Evaluation reusedId = Payloads.good("TJ-S-0201").toBuilder().evaluationId("APP-77").build();

        client.post("/v1/evaluations", Payloads.records(a));
        Reply reply = client.post("/v1/evaluations", Payloads.records(reusedId));

        assertThat(reply.result(0).path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(platform.observations().countedEvaluations()).isEqualTo(1);
    }

    @Test
    void cadenceRulesAcrossEvaluationsOfACaseRefuseWithTheArticle() throws Exception {
        Evaluation staff = Payloads.staffAtWindow("TJ-S-0300");
        Evaluation staffAndItem = staff.toBuilder().evaluationId("both")
                .targets(org.haochaping.model.Target.SERVICE_ITEM, org.haochaping.model.Target.SERVICE_STAFF)
                .indicators("1501", "2501").build();
        Evaluation appendedWithoutActive = Payloads.good("TJ-S-0301").toBuilder().evaluationId("EV-S-0301A")
                .kind(EvaluationKind.APPENDED).appendsTo("EV-S-0301").build();

        client.post("/v1/evaluations", Payloads.records(staff));
        Reply reply = client.post("/v1/evaluations", Payloads.records(staffAndItem, appendedWithoutActive));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.result(0).path("violations")).anySatisfy(v -> {
            assertThat(v.path("path").asText()).isEqualTo("targets");
            assertThat(v.path("rule").asText()).isEqualTo("Art. 10, 11");
        });
        assertThat(reply.result(1).path("violations")).anySatisfy(v -> {
            assertThat(v.path("path").asText()).isEqualTo("appendsTo");
            assertThat(v.path("rule").asText()).isEqualTo("Art. 9(四), 11");
        });
    }

    @Test
    void anAppendedEvaluationFollowsItsActiveOneAndIsCountedApart() throws Exception {
        Evaluation active = Payloads.good("TJ-S-0400").toBuilder().evaluationId("EV-S-0400").build();
        Evaluation appended = active.toBuilder().evaluationId("EV-S-0400A").kind(EvaluationKind.APPENDED)
                .appendsTo("EV-S-0400").freeText("补充：下载很快").evaluatedAt(active.evaluatedAt().plusHours(3)).build();
        Evaluation regraded = appended.toBuilder().evaluationId("EV-S-0400B").grade(Grade.SATISFIED).indicators().build();

        Reply reply = client.post("/v1/evaluations", Payloads.records(active, regraded, appended, appended));

        // Art. 9(四), 11: the appended one adds text to the active one; it cannot change its grade.
        assertThat(reply.json().path("data").path("results").findValuesAsText("status"))
                .containsExactly("ACCEPTED", "REJECTED", "ACCEPTED", "DUPLICATE");
        assertThat(reply.result(1).path("violations").get(0).path("path").asText()).isEqualTo("grade");
        assertThat(platform.observations().countedEvaluations()).isEqualTo(2);
    }

    @Test
    void aBatchIsEvaluatedOnceWhicheverOfItsCasesIsNamed() throws Exception {
        Evaluation batch = Payloads.sample("EV-0301");
        Evaluation otherCaseOfTheBatch = Payloads.withCase(batch, "TJ-S-0501", null);

        Reply reply = client.post("/v1/evaluations", Payloads.records(batch, otherCaseOfTheBatch));

        assertThat(reply.result(0).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(reply.result(0).path("workOrderNo").asText()).isEqualTo("WO00000001");
        assertThat(reply.result(1).path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(reply.result(1).path("workOrderNo").asText()).isEqualTo("WO00000001");
    }

    @Test
    void idempotentReplayGivesTheSameResponseAndCountsOnce() throws Exception {
        String body = Payloads.records(Payloads.badAtCityLevel("TJ-S-0600"));

        Reply first = client.post("/v1/evaluations", body, "retry-key-1");
        Reply again = client.post("/v1/evaluations", body, "retry-key-1");

        assertThat(again.status()).isEqualTo(first.status());
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(again.headers().firstValue("X-Hcp-Nonce")).isNotEqualTo(first.headers().firstValue("X-Hcp-Nonce"));
        assertThat(platform.observations().countedEvaluations()).isEqualTo(1);
        assertThat(platform.observations().workOrders()).hasSize(1);
        assertThat(platform.observations().duplicateRecords()).isZero();
        assertThat(platform.observations().requests()).extracting(ObservedRequest::isIdempotentReplay).containsExactly(false, true);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflictAndChangesNothing() throws Exception {
        client.post("/v1/evaluations", Payloads.records(Payloads.good("TJ-S-0700")), "key-2");
        Reply conflict = client.post("/v1/evaluations", Payloads.records(Payloads.good("TJ-S-0701")), "key-2");

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(conflict.message()).contains("key-2");
        assertThat(platform.observations().countedEvaluations()).isEqualTo(1);
    }

    @Test
    void keysAreKeptForADayThenForgotten() throws Exception {
        String body = Payloads.records(Payloads.good("TJ-S-0800"));
        client.post("/v1/evaluations", body, "old-key");
        CLOCK.advance(java.time.Duration.ofHours(25));
        try {
            Reply later = client.post("/v1/evaluations", body, "old-key");
            assertThat(later.headers().firstValue("Idempotent-Replayed")).isEmpty();
            assertThat(later.result(0).path("status").asText()).isEqualTo("DUPLICATE");
        } finally {
            CLOCK.advance(java.time.Duration.ofHours(-25));
        }
    }

    @Test
    void everyWriteNeedsAnIdempotencyKeyAndJson() throws Exception {
        String body = Payloads.records(Payloads.good("TJ-S-0900"));
        Reply noKey = client.send("POST", "/v1/evaluations", body, null, h -> h);
        Reply badKey = client.post("/v1/evaluations", body, "not a key!");

        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.message()).contains("Idempotency-Key");
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(platform.observations().countedEvaluations()).isZero();
    }

    @Test
    void malformedBodiesAreInvalidRequests() throws Exception {
        assertThat(client.post("/v1/evaluations", "{\"records\": [").code()).isEqualTo("INVALID_REQUEST");
        assertThat(client.post("/v1/evaluations", "{\"records\": [], \"x\": 1}").message()).contains("unknown field x");
        assertThat(client.post("/v1/evaluations", "{\"records\": []}").message()).contains("1 to 100 records");
        assertThat(client.post("/v1/evaluations", "{\"records\": {}}").message()).contains("array");
        assertThat(client.post("/v1/evaluations", "{\"records\": [], \"records\": []}").status()).isEqualTo(400);
        String tooMany = Payloads.records(Payloads.goods("TJ-MANY-", 101));
        assertThat(client.post("/v1/evaluations", tooMany).message()).contains("not 101");
    }

    @Test
    void anAcceptedEvaluationCanBeQueried() throws Exception {
        Evaluation e = Payloads.good("TJ-S-1000").toBuilder().evaluationId("MY-ID-1").build();
        client.post("/v1/evaluations", Payloads.records(e));

        Reply reply = client.get("/v1/evaluations/E00000001");
        Reply missing = client.get("/v1/evaluations/E99999999");

        assertThat(reply.data().path("evaluationNo").asText()).isEqualTo("E00000001");
        assertThat(reply.data().path("evaluationId").asText()).isEqualTo("MY-ID-1");
        assertThat(reply.data().path("caseNo").asText()).isEqualTo("TJ-S-1000");
        assertThat(reply.data().path("grade").asText()).isEqualTo("VERY_SATISFIED");
        assertThat(reply.data().path("status").asText()).isEqualTo("ADOPTED");
        assertThat(reply.data().has("workOrderNo")).isFalse();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void casesAreAcceptedUpdatedWhenTheyAdvanceAndNeverGoBack() throws Exception {
        CaseRecord accepted = Payloads.good("TJ-C-0001").caseRecord().toBuilder().status(CaseStatus.ACCEPTED)
                .completedAt(null).build();
        CaseRecord completed = Payloads.good("TJ-C-0001").caseRecord();
        String a = Payloads.UNIFIED.writeCase(accepted);
        String c = Payloads.UNIFIED.writeCase(completed);
        String broken = Payloads.UNIFIED.writeCase(completed.toBuilder().caseNo("TJ-C-0002").build())
                .replace("111201010002345670", "111201010002345671");

        Reply first = client.post("/v1/cases", Payloads.rawRecords(a, a, broken));
        Reply second = client.post("/v1/cases", Payloads.rawRecords(c, c, a));

        assertThat(first.json().path("data").path("results").findValuesAsText("status"))
                .containsExactly("ACCEPTED", "DUPLICATE", "REJECTED");
        assertThat(first.result(0).path("caseNo").asText()).isEqualTo("TJ-C-0001");
        assertThat(first.result(2).path("violations")).anySatisfy(v -> {
            assertThat(v.path("path").asText()).isEqualTo("deptCode");
            assertThat(v.path("rule").asText()).contains("GB 32100");
        });
        assertThat(second.json().path("data").path("results").findValuesAsText("status"))
                .containsExactly("UPDATED", "DUPLICATE", "REJECTED");
        assertThat(second.result(2).path("violations").path(0).path("path").asText()).isEqualTo("status");
        List<CaseRecord> cases = platform.observations().cases();
        assertThat(cases).containsExactly(completed);
    }

    @Test
    void indicatorsAreTheAnnex() throws Exception {
        Reply reply = client.get("/v1/indicators");

        JsonNode all = reply.data().path("indicators");
        assertThat(all.size()).isGreaterThan(40);
        assertThat(all).anySatisfy(i -> {
            assertThat(i.path("code").asText()).isEqualTo("1501");
            assertThat(i.path("target").asText()).isEqualTo("SERVICE_ITEM");
            assertThat(i.path("grade").asText()).isEqualTo("VERY_SATISFIED");
            assertThat(i.path("text").asText()).isEqualTo("一窗受理一次办结");
            assertThat(i.path("requiresFreeText").asBoolean()).isFalse();
        });
        assertThat(all).anySatisfy(i -> {
            assertThat(i.path("code").asText()).isEqualTo("2104");
            assertThat(i.path("requiresFreeText").asBoolean()).isTrue();
        });
    }

    @Test
    void unknownEndpointsAreNotFound() throws Exception {
        assertThat(client.get("/v1/nothing").status()).isEqualTo(404);
        assertThat(client.get("/v1/cases").code()).isEqualTo("NOT_FOUND");
        assertThat(client.post("/v1/indicators", "{}").message()).contains("no endpoint POST /v1/indicators");
    }

    @Test
    void personalDataNeverReachesMessagesOrObservations() throws Exception {
        Evaluation e = Payloads.good("TJ-S-1100");
        Evaluation badCertificate = Payloads.good("TJ-S-1101").toBuilder().evaluator(org.haochaping.model.Evaluator.builder()
                .kind(org.haochaping.model.EvaluatorKind.NATURAL_PERSON).name("张三")
                .certificate(org.haochaping.model.CertificateType.RESIDENT_ID_CARD, "120101198506121237").mobile("13812345678")
                .build()).build();
        client.post("/v1/evaluations", Payloads.records(e, badCertificate));
        Reply broken = client.post("/v1/evaluations", "{\"records\": [{\"name\": \"张三\", 13812345678]}");

        StringBuilder everything = new StringBuilder(broken.text());
        platform.observations().requests().forEach(r -> everything.append(r).append(r.message()));
        platform.observations().acceptedEvaluations().forEach(everything::append);
        platform.observations().rejectedRecords().forEach(everything::append);
        everything.append(platform.observations());

        assertThat(broken.code()).isEqualTo("INVALID_REQUEST");
        assertThat(platform.observations().rejectedRecords()).singleElement()
                .satisfies(r -> assertThat(r.violations()).anySatisfy(v -> assertThat(v.path()).startsWith("evaluator.")));
        assertThat(everything.toString()).doesNotContain("张三", "120101198506121236", "120101198506121237", "13812345678");
    }
}
