package org.haochaping.conformance.kit.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.haochaping.badreview.WorkOrder;
import org.haochaping.badreview.WorkOrderEvent;
import org.haochaping.badreview.WorkOrderState;
import org.haochaping.conformance.SamplePayloads;
import org.haochaping.conformance.simulator.AcceptedEvaluation;
import org.haochaping.conformance.simulator.Observations;
import org.haochaping.model.BusinessKind;
import org.haochaping.model.Channel;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationKind;
import org.haochaping.model.EvaluationScope;
import org.haochaping.model.Target;
import org.haochaping.rules.ValidationException;
import org.haochaping.wire.PayloadCodec;
import org.haochaping.wire.WireProfile;

/**
 * One thing an integrator's system must do against the kit's platform: submit an evaluation through a channel
 * (Art. 9-10), under an evaluation rule (Art. 11-15), or carry a bad review's work order through its steps
 * (Art. 18-22). Judged from what the simulated platform accepted, never from what the client says it did.
 */
public final class ClientScenario {

    private final String id;
    private final String title;
    private final String submit;
    private final String rule;
    private final Judge judge;
    /** For a submission scenario: the evaluations that perform it; {@code null} for the work-order steps. */
    private Predicate<Evaluation> wanted;

    /** Decides a scenario from the observations. */
    @FunctionalInterface
    interface Judge {
        Verdict judge(Observations observations);
    }

    record Verdict(boolean passed, String detail) {
        static Verdict pass(String evidence) {
            return new Verdict(true, evidence);
        }

        static Verdict fail(String reason) {
            return new Verdict(false, reason);
        }
    }

    private ClientScenario(String id, String title, String submit, String rule, Judge judge) {
        this.id = id;
        this.title = title;
        this.submit = submit;
        this.rule = rule;
        this.judge = judge;
    }

    /** Stable id, e.g. {@code channel-sms}, {@code batch}, {@code follow-up}. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** What the integrator submits (or does) to perform it. */
    public String submit() {
        return submit;
    }

    /** The article(s) it tests. */
    public String rule() {
        return rule;
    }

    /** The verdict on what the platform has observed so far. */
    public ClientResult judge(Observations observations) {
        Verdict v = judge.judge(observations);
        return new ClientResult(id, title, rule, v.passed(), v.detail());
    }

    @Override
    public String toString() {
        return id + " (" + rule + ")";
    }

    /** Every scenario, in a stable order: one per channel, one per evaluation rule, then the work-order steps. */
    public static List<ClientScenario> all() {
        List<ClientScenario> out = new ArrayList<>(submissions(null));
        addWorkOrderScenarios(out);
        return Collections.unmodifiableList(out);
    }

    /**
     * The submission scenarios (one per channel and evaluation rule) in the national report style: the same
     * evaluations, sent in the national envelope to {@code POST /v1/national/evaluations} (interface-spec 5.7). Their
     * ids start with {@code national-}. The national style has no work-order endpoints.
     */
    public static List<ClientScenario> national() {
        List<ClientScenario> out = new ArrayList<>();
        for (ClientScenario s : submissions("national")) {
            if (SamplePayloads.all().stream().map(SamplePayloads.Sample::evaluation)
                    .anyMatch(e -> s.wanted.test(e) && representableInNational(e))) {
                out.add(s);   // channels the national code table has no pf code for cannot be sent that way
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Whether the national profile can carry {@code e} (its channel has a pf code, its fields a national name). */
    public static boolean representableInNational(Evaluation e) {
        try {
            PayloadCodec.of(WireProfile.national()).write(e);
            return true;
        } catch (ValidationException unrepresentable) {
            return false;
        }
    }

    private static List<ClientScenario> submissions(String profile) {
        String prefix = profile == null ? "" : profile + "-";
        List<ClientScenario> out = new ArrayList<>();
        for (Channel c : Channel.values()) {
            out.add(accepted(profile, prefix + "channel-" + c.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    "an evaluation through the channel " + c.chineseName(),
                    "an evaluation with channel " + c.name(),
                    c.isOnline() ? "Art. 9" : "Art. 10", e -> e.channel() == c));
        }
        out.add(accepted(profile, prefix + "window-visit", "the window staff evaluated on the visit (收件时 or 办结时)",
                "an ACTIVE evaluation of SERVICE_STAFF through WINDOW_EVALUATOR at stage AT_RECEIPT or AT_COMPLETION",
                "Art. 11", e -> e.kind() == EvaluationKind.ACTIVE && e.targets().contains(Target.SERVICE_STAFF)
                        && e.channel() == Channel.WINDOW_EVALUATOR && e.stage() != null));
        out.add(accepted(profile, prefix + "appended", "an appended evaluation (追加评价) of an evaluated case",
                "an evaluation of kind APPENDED naming in appendsTo the accepted evaluation it adds to, same grade",
                "Art. 9(四), 11", e -> e.kind() == EvaluationKind.APPENDED));
        if (profile == null) {   // judged from a refusal at POST /v1/evaluations: the unified profile's scenario
            out.add(new ClientScenario("late-evaluation", "an evaluation made after the 5th working day is refused as 未评",
                    "an evaluation of a completed case with evaluatedAt after the end of the 5th working day after "
                            + "completedAt; the platform refuses it (evaluatedAt, Art. 16) and the case counts as 未评",
                    "Art. 16", ClientScenario::lateEvaluationRefused));
        }
        out.add(accepted(profile, prefix + "batch", "one evaluation for a batch (批量业务)",
                "an evaluation with scope BATCH of a case carrying its batchNo", "Art. 12",
                e -> e.scope() == EvaluationScope.BATCH));
        out.add(accepted(profile, prefix + "joint-approval", "an evaluation of a joint approval (联合审批)",
                "an evaluation of a case with jointDeptCodes", "Art. 13", e -> e.caseRecord().isJointApproval()));
        out.add(accepted(profile, prefix + "theme", "an overall evaluation of a theme (主题业务)",
                "an evaluation with scope THEME of a case with its theme and related items", "Art. 14",
                e -> e.scope() == EvaluationScope.THEME));
        out.add(accepted(profile, prefix + "query-consultation", "the staff evaluated for a query or consultation (查询咨询)",
                "an evaluation of a case with businessKind QUERY_CONSULTATION", "Art. 15",
                e -> e.caseRecord().businessKind() == BusinessKind.QUERY_CONSULTATION));
        return out;
    }

    private static void addWorkOrderScenarios(List<ClientScenario> out) {
        out.add(new ClientScenario("bad-review-work-order", "a bad review (差评) whose work order is verified",
                "a 不满意 or 非常不满意 evaluation with indicators or text, then DISPATCH (DISTRICT_GOVERNMENT, district "
                        + "cases only) and VERIFY or DISMISS (HANDLING_DEPARTMENT) its work order: "
                        + "POST /v1/work-orders/{orderNo}/actions",
                "Art. 18, 19", ClientScenario::badReviewVerified));
        out.add(new ClientScenario("appeal", "a work order appealed with evidence (申请复核, 提供相关证据)",
                "APPLY_FOR_REVIEW (HANDLING_DEPARTMENT) with at least one evidence item {description, reference "
                        + "and/or digest} by the end of the first working day after receipt (in DISPATCHED, VERIFIED, "
                        + "CLASSIFIED or RECTIFYING), then DECIDE_REVIEW (REVIEWER)",
                "Art. 21", ClientScenario::appealedWithEvidence));
        out.add(new ClientScenario("follow-up", "a work order followed up by 12345 (回访)",
                "VERIFY, CLASSIFY, CALL_BACK (optional), START_RECTIFICATION, COMPLETE_RECTIFICATION "
                        + "(HANDLING_DEPARTMENT), then the follow-up visit (HOTLINE_12345): "
                        + "POST /v1/work-orders/{orderNo}/follow-up",
                "Art. 20, 22", o -> reached(o, EnumSet.of(WorkOrderState.FOLLOWED_UP), "Art. 22")));
    }

    /** Accepted in {@code profile} ({@code null}: in any) and {@code wanted}. */
    private static ClientScenario accepted(String profile, String id, String title, String submit, String rule,
            Predicate<Evaluation> wanted) {
        String how = profile == null ? submit : submit + ", in the " + profile + " envelope to POST /v1/national/evaluations";
        ClientScenario scenario = new ClientScenario(id, title + (profile == null ? "" : " (" + profile + " style)"), how, rule, o -> {
            List<AcceptedEvaluation> all = o.acceptedEvaluations();
            for (AcceptedEvaluation a : all) {
                if ((profile == null || profile.equals(a.profile())) && wanted.test(a.evaluation())) {
                    return Verdict.pass("accepted " + a.evaluationNo() + " (case " + a.evaluation().caseRecord().caseNo()
                            + ")");
                }
            }
            return Verdict.fail("no accepted evaluation is " + how + " (" + all.size() + " accepted so far"
                    + (o.rejectedRecords().isEmpty() ? "" : ", " + o.rejectedRecords().size() + " records refused")
                    + "; " + rule + ")");
        });
        scenario.wanted = wanted;
        return scenario;
    }

    private static final Set<WorkOrderState> VERIFIED_OR_LATER = EnumSet.of(WorkOrderState.VERIFIED,
            WorkOrderState.DISMISSED, WorkOrderState.CLASSIFIED, WorkOrderState.RECTIFYING, WorkOrderState.RECTIFIED,
            WorkOrderState.FOLLOWED_UP);

    private static Verdict badReviewVerified(Observations o) {
        List<AcceptedEvaluation> bad = o.acceptedEvaluations().stream().filter(a -> a.workOrderNo() != null).toList();
        if (bad.isEmpty()) {
            return Verdict.fail("no bad review (差评) was accepted, so no work order was opened (Art. 18)");
        }
        StringBuilder states = new StringBuilder();
        for (AcceptedEvaluation a : bad) {
            Optional<WorkOrder> order = o.workOrder(a.workOrderNo());
            if (order.isPresent() && !reachedStates(order.get(), VERIFIED_OR_LATER).isEmpty()) {
                return Verdict.pass("bad review " + a.evaluationNo() + ", work order " + a.workOrderNo() + " "
                        + order.get().state());
            }
            states.append(states.length() == 0 ? "" : ", ").append(a.workOrderNo())
                    .append(order.map(w -> " " + w.state()).orElse(""));
        }
        return Verdict.fail("bad reviews were accepted but no work order was verified or dismissed by the department "
                + "(Art. 19): " + states);
    }

    /** A record refused for lateness alone (Art. 16): what the late-evaluation scenario asks the integrator to show. */
    static boolean refusedAsLate(org.haochaping.conformance.simulator.RejectedRecord r) {
        return !r.violations().isEmpty() && r.violations().stream()
                .allMatch(v -> "Art. 16".equals(v.rule())
                        && (v.path().endsWith("evaluatedAt") || v.path().endsWith("assessTime")));
    }

    private static Verdict lateEvaluationRefused(Observations o) {
        for (org.haochaping.conformance.simulator.RejectedRecord r : o.rejectedRecords()) {
            if (refusedAsLate(r)) {
                return Verdict.pass("record [" + r.index() + "] to " + r.endpoint() + " refused: "
                        + r.violations().get(0).message());
            }
        }
        return Verdict.fail("no evaluation was refused for being made after the 5th working day after completion "
                + "(Art. 16); submit one whose evaluatedAt is after that day");
    }

    private static Verdict appealedWithEvidence(Observations o) {
        List<WorkOrder> orders = o.workOrders();
        for (WorkOrder w : orders) {
            for (WorkOrderEvent e : w.history()) {
                if (e.type() == org.haochaping.badreview.WorkOrderEventType.APPLY_FOR_REVIEW && !e.evidence().isEmpty()) {
                    return Verdict.pass("work order " + w.orderNo() + " appealed with " + e.evidence().size()
                            + " evidence item(s) (now " + w.state() + ")");
                }
            }
        }
        return Verdict.fail(orders.isEmpty() ? "no work order exists: submit a bad review first (Art. 18)"
                : "no work order was appealed with evidence (Art. 21); they stand at "
                        + orders.stream().map(w -> w.orderNo() + " " + w.state()).toList());
    }

    private static Verdict reached(Observations o, Set<WorkOrderState> wanted, String rule) {
        List<WorkOrder> orders = o.workOrders();
        for (WorkOrder w : orders) {
            Set<WorkOrderState> hit = reachedStates(w, wanted);
            if (!hit.isEmpty()) {
                return Verdict.pass("work order " + w.orderNo() + " reached " + hit.iterator().next() + " (now "
                        + w.state() + ")");
            }
        }
        return Verdict.fail(orders.isEmpty() ? "no work order exists: submit a bad review first (Art. 18)"
                : "no work order reached " + wanted + " (" + rule + "); they stand at "
                        + orders.stream().map(w -> w.orderNo() + " " + w.state()).toList());
    }

    private static Set<WorkOrderState> reachedStates(WorkOrder w, Set<WorkOrderState> wanted) {
        Set<WorkOrderState> hit = EnumSet.noneOf(WorkOrderState.class);
        for (WorkOrderEvent e : w.history()) {
            if (e.to() != null && wanted.contains(e.to())) {
                hit.add(e.to());
            }
        }
        if (wanted.contains(w.state())) {
            hit.add(w.state());
        }
        return hit;
    }
}
