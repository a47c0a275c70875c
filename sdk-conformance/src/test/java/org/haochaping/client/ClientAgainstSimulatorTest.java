package org.haochaping.client;

import org.haochaping.internal.ConformanceKitAccess;
import org.haochaping.badreview.Actor;
import org.haochaping.badreview.ActorRole;
import org.haochaping.badreview.Category;
import org.haochaping.badreview.FollowUpResult;
import org.haochaping.badreview.WorkOrder;
import org.haochaping.badreview.WorkOrderAction;
import org.haochaping.badreview.WorkOrderState;
import org.haochaping.conformance.SamplePayloads;
import org.haochaping.conformance.simulator.AppCredentials;
import org.haochaping.conformance.simulator.SimulatedPlatform;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.envelope.EnvelopeSealer;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.model.Channel;
import org.haochaping.model.Evaluation;
import org.haochaping.model.Grade;
import org.haochaping.model.IndicatorCatalogue;
import org.haochaping.rules.ValidationException;
import org.haochaping.transport.RequestOptions;
import org.haochaping.transport.RetryPolicy;
import org.haochaping.transport.ServiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The SDK client against the simulated central platform over real HTTP: what a department system sees. */
class ClientAgainstSimulatorTest {

    private SimulatedPlatform platform;
    private AppCredentials app;
    private HcpClient client;

    @BeforeEach
    void start() {
        platform = SimulatedPlatform.start();
        app = platform.newApp("dept-system-01");
        client = clientFor(platform, app).build();
    }

    @AfterEach
    void stop() {
        client.close();
        platform.stop();
    }

    static HcpClient.Builder clientFor(SimulatedPlatform platform, AppCredentials app) {
        return HcpClient.builder()
                .baseUrl(platform.baseUrl())
                .appId(app.appId())
                .signer(app.signer())
                .platformVerifier(Sm2Verifier.builder().key(platform.platformKeyId(), platform.platformPublicKey())
                        .build())
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(10))
                        .maxBackoff(Duration.ofMillis(50)).maxRetries(3).build());
    }

    private static List<Evaluation> samples() {
        return SamplePayloads.all().stream().map(SamplePayloads.Sample::evaluation).toList();
    }

    @Test
    void everySampleIsAcceptedAndEveryBadReviewOpensAWorkOrder() {
        SubmissionResult result = client.submitEvaluations(samples());
        assertThat(result.results()).hasSize(samples().size()).allMatch(r -> r.status() == RecordStatus.ACCEPTED);
        for (int i = 0; i < samples().size(); i++) {
            RecordResult r = result.results().get(i);
            assertThat(r.evaluationNo()).isNotNull();
            assertThat(r.workOrderNo() != null).as("work order for %s", samples().get(i))
                    .isEqualTo(samples().get(i).grade().isBad());
        }
        assertThat(platform.observations().countedEvaluations()).isEqualTo(samples().size());

        SubmissionResult again = client.submitEvaluations(samples());
        assertThat(again.count(RecordStatus.DUPLICATE)).isEqualTo(samples().size());
        assertThat(platform.observations().countedEvaluations()).isEqualTo(samples().size());

        EvaluationStatus status = client.evaluationStatus(result.results().get(2).evaluationNo());
        assertThat(status.grade()).isEqualTo(Grade.DISSATISFIED);
        assertThat(status.adoption()).isEqualTo(EvaluationStatus.Adoption.ADOPTED);
        assertThat(status.workOrderNo()).isEqualTo(result.results().get(2).workOrderNo());
    }

    @Test
    void theRulesAreCheckedBeforeAnythingIsSent() {
        Evaluation bad = samples().get(2).toBuilder().indicators().freeText(null).build();
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> client.submitEvaluations(List.of(samples().get(0), bad)));
        assertThat(e.violations()).extracting(v -> v.path() + " " + v.rule()).containsExactly("[1].indicators Art. 7");
        assertThat(platform.observations().requests()).isEmpty();
    }

    @Test
    void aRetryAfterA5xxOrALostResponseCountsOnce() {
        platform.faults().failNext(1, 503);
        assertThat(client.submitEvaluations(List.of(samples().get(0))).results().get(0).status())
                .isEqualTo(RecordStatus.ACCEPTED);
        platform.faults().loseResponseNext(1);
        assertThat(client.submitEvaluations(List.of(samples().get(1))).results().get(0).status())
                .isEqualTo(RecordStatus.ACCEPTED);
        platform.faults().rateLimitNext(1, 0);
        assertThat(client.submitEvaluations(List.of(samples().get(3))).allHeld()).isTrue();
        assertThat(platform.observations().countedEvaluations()).isEqualTo(3);
        assertThat(platform.observations().duplicateRecords()).isZero();
    }

    @Test
    void aRefusedPayloadIsNotRetriedAndCarriesThePlatformsCode() {
        HcpClient unchecked = ConformanceKitAccess.withoutRuleChecks(clientFor(platform, app)).build();
        Evaluation bad = samples().get(2).toBuilder().indicators().freeText(null).build();
        ServiceException e = catchThrowableOfType(ServiceException.class,
                () -> unchecked.submitEvaluations(List.of(bad)));
        assertThat(e.statusCode()).isEqualTo(422);
        assertThat(e.platformCode()).contains("INVALID_PAYLOAD");
        assertThat(e.attempts()).isEqualTo(1);
        unchecked.close();
    }

    @Test
    void responsesSignedByAnotherKeyAreRefused() {
        HcpClient wrongKey = clientFor(platform, app).platformVerifier(Sm2Verifier.builder()
                .key(platform.platformKeyId(), PrivateKeyMaterial.generateSm2().publicKey()).build()).build();
        CryptoException e = catchThrowableOfType(CryptoException.class,
                () -> wrongKey.submitEvaluations(List.of(samples().get(0))));
        assertThat(e.reason()).isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
        wrongKey.close();
    }

    @Test
    void aBadReviewRunsThroughItsWorkOrderToTheFollowUpVisit() {
        Evaluation bad = samples().get(2);   // 不满意 through 津心办, a case of 和平区 (120101)
        String orderNo = client.submitEvaluations(List.of(bad)).results().get(0).workOrderNo();
        WorkOrderPage page = client.workOrders(WorkOrderState.CREATED, null, 1, 20);
        assertThat(page.items()).extracting(WorkOrder::orderNo).contains(orderNo);

        // Art. 18: the district government sends the order on to the department.
        OffsetDateTime now = OffsetDateTime.now();
        WorkOrder order = client.reportAction(orderNo, WorkOrderAction.dispatch(bad.caseRecord().deptCode()),
                Actor.of(ActorRole.DISTRICT_GOVERNMENT, "120101"), now, RequestOptions.defaults());
        assertThat(order.state()).isEqualTo(WorkOrderState.DISPATCHED);
        Actor dept = Actor.of(ActorRole.HANDLING_DEPARTMENT, bad.caseRecord().deptCode());
        order = client.reportAction(orderNo, WorkOrderAction.verify(), dept, now, RequestOptions.defaults());
        assertThat(order.state()).isEqualTo(WorkOrderState.VERIFIED);
        client.reportAction(orderNo, WorkOrderAction.classify(Category.GENERAL), dept, now, RequestOptions.defaults());
        client.reportAction(orderNo, WorkOrderAction.callBack(), dept, now, RequestOptions.defaults());
        client.reportAction(orderNo, WorkOrderAction.startRectification(), dept, now, RequestOptions.defaults());
        client.reportAction(orderNo, WorkOrderAction.completeRectification(), dept, now, RequestOptions.defaults());
        order = client.reportFollowUp(orderNo, FollowUpResult.SATISFIED, Actor.of(ActorRole.HOTLINE_12345, "12345"),
                now, RequestOptions.defaults());
        assertThat(order.state()).isEqualTo(WorkOrderState.FOLLOWED_UP);
        assertThat(client.workOrder(orderNo).history()).hasSize(order.history().size());

        ServiceException illegal = catchThrowableOfType(ServiceException.class, () -> client.reportAction(orderNo,
                WorkOrderAction.verify(), dept, now, RequestOptions.defaults()));
        assertThat(illegal.statusCode()).isEqualTo(409);
        assertThat(illegal.platformCode()).contains("ILLEGAL_TRANSITION");
    }

    @Test
    void theCatalogueThePlatformPublishesIsTheAnnex() {
        assertThat(client.indicators()).containsExactlyElementsOf(IndicatorCatalogue.standard().all());
    }

    @Test
    void nationalEnvelopeSubmissionsAreCountedLikeUnifiedOnes() {
        platform.registerNationalApp("TJ-DEPT-01", "s3cret-word");
        HcpClient national = clientFor(platform, app).nationalEnvelope(EnvelopeSealer.builder(
                platform.platformPublicKey()).appMark("TJ-DEPT-01").appWord("s3cret-word").build()).build();
        List<Evaluation> records = samples().stream().filter(e -> e.channel() != Channel.SUGGESTION_BOX).toList();
        SubmissionResult result = national.submitEvaluations(records);
        assertThat(result.count(RecordStatus.ACCEPTED)).isEqualTo(records.size());
        assertThat(client.submitEvaluations(List.of(records.get(0))).results().get(0).status())
                .as("the same evaluation in the unified profile").isEqualTo(RecordStatus.DUPLICATE);
        national.close();
    }

    @Test
    void oneClientServesManyThreadsAndAsyncCalls() throws Exception {
        List<Evaluation> evaluations = new ArrayList<>();
        Evaluation template = samples().get(0);
        for (int i = 0; i < 40; i++) {
            evaluations.add(template.toBuilder().evaluationId("EV-T" + i).caseRecord(template.caseRecord().toBuilder()
                    .caseNo("TJ20261126T" + i).build()).build());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<SubmissionResult>> futures = new ArrayList<>();
        for (Evaluation e : evaluations.subList(0, 30)) {
            futures.add(pool.submit(() -> client.submitEvaluations(List.of(e))));
        }
        for (Future<SubmissionResult> f : futures) {
            assertThat(f.get().results().get(0).status()).isEqualTo(RecordStatus.ACCEPTED);
        }
        pool.shutdown();
        List<CompletableFuture<SubmissionResult>> async = new ArrayList<>();
        for (Evaluation e : evaluations.subList(30, 40)) {
            async.add(client.submitEvaluationsAsync(List.of(e), RequestOptions.defaults()));
        }
        for (CompletableFuture<SubmissionResult> f : async) {
            assertThat(f.get().allHeld()).isTrue();
        }
        assertThat(platform.observations().countedEvaluations()).isEqualTo(40);
    }
}
