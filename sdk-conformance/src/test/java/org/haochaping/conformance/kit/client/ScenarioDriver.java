package org.haochaping.conformance.kit.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.haochaping.badreview.Actor;
import org.haochaping.badreview.ActorRole;
import org.haochaping.badreview.Category;
import org.haochaping.badreview.Evidence;
import org.haochaping.badreview.FollowUpResult;
import org.haochaping.badreview.ReviewVerdict;
import org.haochaping.badreview.WorkOrder;
import org.haochaping.badreview.WorkOrderAction;
import org.haochaping.badreview.WorkOrderState;
import org.haochaping.client.HcpClient;
import org.haochaping.conformance.SamplePayloads;
import org.haochaping.internal.ConformanceKitAccess;
import org.haochaping.model.Evaluation;
import org.haochaping.transport.RequestOptions;

/** Performs every scenario of a client session with the SDK's client, the way an integrator's system would. */
public final class ScenarioDriver {

    /**
     * Where the sessions' clocks start: Monday 2026-12-07 09:00 +08:00, after every sample's date and after the late
     * evaluation's (2026-12-04, past the Art. 16 window of a case completed 2026-11-26), whatever the machine's date.
     */
    public static final Instant SESSION_START = Instant.parse("2026-12-07T01:00:00Z");

    private ScenarioDriver() {
    }

    /** A clock that runs on from {@link #SESSION_START}, for the platform and the clients of one session. */
    public static Clock sessionClock() {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), SESSION_START));
    }

    /**
     * Submits every sample and a late evaluation (Art. 16), then appeals one work order with evidence and carries
     * another to the follow-up visit. {@code clients} builds the clients: the usual one, and one that does not check
     * before sending, for the late evaluation the platform must refuse. {@code clock} is the session's (the
     * clients sign on it too): the work-order actions happen at its "now".
     */
    public static void performEveryScenario(HcpClient.Builder clients, Clock clock) {
        try (HcpClient client = clients.build()) {
            List<Evaluation> samples = SamplePayloads.all().stream().map(SamplePayloads.Sample::evaluation).toList();
            client.submitEvaluations(samples);
            try (HcpClient unchecked = ConformanceKitAccess.withoutRuleChecks(client.newBuilder()).build()) {
                submitLateEvaluation(unchecked, samples);
            }
            handleWorkOrders(client, clock);
        }
    }

    /**
     * Art. 16: an evaluation made after the 5th working day after completion (the dynamic-QR sample's case, completed
     * 2026-11-26, evaluated 2026-12-04), sent beside one on time so that the request itself is answered 200.
     */
    private static void submitLateEvaluation(HcpClient unchecked, List<Evaluation> samples) {
        Evaluation qr = samples.get(5);
        Evaluation late = qr.toBuilder().evaluationId("EV-LATE")
                .caseRecord(qr.caseRecord().toBuilder().caseNo("TJ2026112600199").build())
                .evaluatedAt(OffsetDateTime.parse("2026-12-04T09:00:00+08:00")).build();
        Evaluation onTime = samples.get(1).toBuilder().evaluationId("EV-ONTIME")
                .caseRecord(samples.get(1).caseRecord().toBuilder().caseNo("TJ2026112600198").build()).build();
        unchecked.submitEvaluations(List.of(onTime, late));
    }

    /** Dispatches, appeals one bad review (with evidence) and runs another to its follow-up visit (Art. 18-22). */
    static void handleWorkOrders(HcpClient client, Clock clock) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<WorkOrder> orders = client.workOrders(null, null, 1, 100).items();
        WorkOrder appealed = orders.get(0);
        Actor appealedDept = Actor.of(ActorRole.HANDLING_DEPARTMENT, appealed.deptCode());
        dispatchIfNew(client, appealed, now);
        client.reportAction(appealed.orderNo(), WorkOrderAction.applyForReview(
                        Evidence.referenced("窗口录像：工作人员在岗", "VID-A12-0930")).withNote("录像显示窗口人员在岗"),
                appealedDept, now, RequestOptions.defaults());
        client.reportAction(appealed.orderNo(), WorkOrderAction.decideReview(ReviewVerdict.INVALID),
                Actor.of(ActorRole.REVIEWER, "TJ-ZWFW-REVIEW"), now, RequestOptions.defaults());

        WorkOrder followed = orders.get(1);
        Actor dept = Actor.of(ActorRole.HANDLING_DEPARTMENT, followed.deptCode());
        String no = followed.orderNo();
        dispatchIfNew(client, followed, now);
        client.reportAction(no, WorkOrderAction.verify(), dept, now, RequestOptions.defaults());
        client.reportAction(no, WorkOrderAction.classify(Category.GENERAL), dept, now, RequestOptions.defaults());
        client.reportAction(no, WorkOrderAction.callBack(), dept, now, RequestOptions.defaults());
        client.reportAction(no, WorkOrderAction.startRectification(), dept, now, RequestOptions.defaults());
        client.reportAction(no, WorkOrderAction.completeRectification(), dept, now, RequestOptions.defaults());
        client.reportFollowUp(no, FollowUpResult.SATISFIED, Actor.of(ActorRole.HOTLINE_12345, "12345"), now,
                RequestOptions.defaults());
    }

    /** Art. 18: the district government sends a new order on to the department (some open already dispatched). */
    private static void dispatchIfNew(HcpClient client, WorkOrder order, OffsetDateTime now) {
        if (order.state() == WorkOrderState.CREATED) {
            client.reportAction(order.orderNo(), WorkOrderAction.dispatch(order.deptCode()),
                    Actor.of(ActorRole.DISTRICT_GOVERNMENT, order.areaCode()), now, RequestOptions.defaults());
        }
    }
}
