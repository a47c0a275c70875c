package org.haochaping.conformance.simulator;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.haochaping.badreview.Actor;
import org.haochaping.badreview.ActorRole;
import org.haochaping.badreview.BadReviewWorkflow;
import org.haochaping.badreview.IllegalTransitionException;
import org.haochaping.badreview.WorkOrder;
import org.haochaping.badreview.WorkOrderAction;
import org.haochaping.badreview.WorkOrderState;
import org.haochaping.calendar.ShanghaiTime;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationKind;
import org.haochaping.model.Target;
import org.haochaping.rules.EvaluationHistory;
import org.haochaping.rules.Violation;
import org.haochaping.scorecard.UnevaluatedRecord;
import org.haochaping.tracking.DueAction;
import org.haochaping.tracking.EvaluationTracker;
import org.haochaping.tracking.TrackedCase;

/**
 * The state of the simulated central platform and what it does with records and work-order actions,
 * independent of HTTP: the case register, accepted evaluations with their cadence history, de-duplication
 * and the bad-review work orders (Art. 18-22). Records arrive already decoded and checked against the
 * single-record rules by the wire profile; this class adds what needs the platform's memory.
 *
 * <p>How an evaluation is judged, in order: refused with its violations if decoding or the rules found any;
 * {@code DUPLICATE} if the same sender already had an evaluation with that {@code evaluationId} accepted, or
 * an accepted evaluation has the same natural key (same subject: the case, or the batch of Art. 12, or the
 * theme of Art. 14; same kind; same targets; for the staff, the same visit); refused if the cadence rules
 * across the subject's accepted evaluations forbid it ({@link EvaluationHistory}); else accepted, numbered,
 * and, for a 差评 that is not itself a follow-up answer, a work order is opened (Art. 18). A work order for a
 * case at city level (area code with county part {@code 00}) is dispatched by the system straight to the
 * evaluated department; for a district case it waits in {@code CREATED} for the district government
 * (区人民政府) to dispatch it (Art. 18).
 *
 * <p>Thread-safe: every method holds this object's monitor, so counts stay exact under concurrent requests.
 */
final class CentralPlatform {

    /** The actor id the platform's own work-order events carry. */
    static final String SYSTEM_ACTOR_ID = "hcp-simulator";

    private final Clock clock;
    private final BadReviewWorkflow workflow;
    private final Actor system = Actor.of(ActorRole.SYSTEM, SYSTEM_ACTOR_ID);

    private final Map<String, CaseRecord> cases = new LinkedHashMap<>();
    private final List<AcceptedEvaluation> accepted = new ArrayList<>();
    private final Map<String, AcceptedEvaluation> byNumber = new HashMap<>();
    private final Map<String, AcceptedEvaluation> bySenderAndId = new HashMap<>();
    private final Map<String, AcceptedEvaluation> byNaturalKey = new HashMap<>();
    private final Map<String, List<Evaluation>> bySubject = new HashMap<>();
    private final TreeMap<String, WorkOrder> workOrders = new TreeMap<>();
    private final List<RejectedRecord> rejectedRecords = new ArrayList<>();
    private EvaluationTracker tracker;
    /** Cases whose "未评" a department reported (the platform's own marks are in {@link #tracker}). */
    private final Set<String> reportedUnevaluated = new HashSet<>();
    private long evaluationSequence;
    private long workOrderSequence;
    private int duplicates;

    CentralPlatform(Clock clock, BadReviewWorkflow workflow) {
        this.clock = clock;
        this.workflow = workflow;
        this.tracker = newTracker();
    }

    /** Art. 16 on the platform's side: the same tracker a department runs, on the platform's calendar and clock. */
    private EvaluationTracker newTracker() {
        return EvaluationTracker.builder().calendar(workflow.deadlineCalculator().calendar()).clock(clock).build();
    }

    /** Registers or updates cases (docs/interface-spec.md, 5.2). */
    synchronized List<RecordResult> submitCases(String sender, String endpoint, List<Submitted<CaseRecord>> records) {
        List<RecordResult> results = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            Submitted<CaseRecord> d = records.get(i);
            CaseRecord c = d.value;
            if (!d.isValid()) {
                results.add(reject(endpoint, sender, i, c == null ? null : c.caseNo(), d.violations));
                continue;
            }
            CaseRecord known = cases.get(c.caseNo());
            if (known == null) {
                cases.put(c.caseNo(), c);
                track(c);
                results.add(RecordResult.ofCase(i, RecordResult.Status.ACCEPTED, c.caseNo()));
            } else if (known.equals(c)) {
                results.add(RecordResult.ofCase(i, RecordResult.Status.DUPLICATE, c.caseNo()));
            } else if (c.status().compareTo(known.status()) < 0) {
                results.add(reject(endpoint, sender, i, c.caseNo(), Collections.singletonList(new Violation("status",
                        "Art. 5", "the case is already " + known.status().chineseName() + " (" + known.status()
                        + "); its status cannot go back to " + c.status().chineseName()))));
            } else {
                cases.put(c.caseNo(), c);
                track(c);
                results.add(RecordResult.ofCase(i, RecordResult.Status.UPDATED, c.caseNo()));
            }
        }
        return results;
    }

    private void track(CaseRecord c) {
        if (c.status() == CaseStatus.COMPLETED && c.completedAt() != null && c.handlingMode() != null) {
            tracker.register(c);
        }
    }

    /**
     * Judges reports of cases marked "未评" (docs/interface-spec.md, 5.9). A report agrees with the platform when the
     * case is known, its window of 5 working days after completion has ended by the platform's clock, and no
     * evaluation was made in time; the first report of a case is {@code ACCEPTED}, a repeated one a
     * {@code DUPLICATE}.
     */
    synchronized List<RecordResult> submitUnevaluated(String sender, String endpoint, List<UnevaluatedRecord> records) {
        markUnevaluated();
        List<RecordResult> results = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            UnevaluatedRecord r = records.get(i);
            TrackedCase t = tracker.find(r.caseNo());
            List<Violation> why = new ArrayList<>();
            if (t == null) {
                why.add(new Violation("caseNo", "Art. 16", "the platform holds no completed case " + r.caseNo()));
            } else if (t.isEvaluated()) {
                why.add(new Violation("caseNo", "Art. 16", "the case was evaluated within 5 working days after completion"));
            } else if (t.unevaluatedAt() == null) {
                why.add(new Violation("caseNo", "Art. 16", "the evaluation window runs until "
                        + ShanghaiTime.format(tracker.unevaluatedDeadline(t).dueAt())));
            } else if (!t.completedAt().isEqual(r.completedAt())) {
                why.add(new Violation("completedAt", "Art. 16", "the case was completed at "
                        + ShanghaiTime.format(t.completedAt())));
            }
            if (!why.isEmpty()) {
                results.add(reject(endpoint, sender, i, r.caseNo(), why));
            } else {
                boolean first = reportedUnevaluated.add(r.caseNo());
                results.add(RecordResult.ofCase(i, first ? RecordResult.Status.ACCEPTED : RecordResult.Status.DUPLICATE,
                        r.caseNo()));
                if (!first) {
                    duplicates++;
                }
            }
        }
        return results;
    }

    /** Marks "未评" every tracked case whose window has ended by the platform's clock (Art. 16); the newly marked. */
    synchronized List<UnevaluatedRecord> markUnevaluated() {
        OffsetDateTime now = ShanghaiTime.normalize(OffsetDateTime.now(clock));
        List<UnevaluatedRecord> marked = new ArrayList<>();
        for (DueAction a : tracker.due(now)) {
            if (a.kind() == DueAction.Kind.MARK_UNEVALUATED) {
                UnevaluatedRecord r = tracker.markUnevaluated(a.caseNo(), now);
                if (r != null) {
                    marked.add(r);
                }
            }
        }
        return marked;
    }

    /** The cases the platform holds as "未评" by now, in order of completion. */
    synchronized List<String> unevaluatedCases() {
        markUnevaluated();
        List<String> out = new ArrayList<>();
        for (CaseRecord c : cases.values()) {
            TrackedCase t = tracker.find(c.caseNo());
            if (t != null && t.unevaluatedAt() != null) {
                out.add(c.caseNo());
            }
        }
        return out;
    }

    /** Judges and counts evaluations (docs/interface-spec.md, 5.3 and 5.7). */
    synchronized List<RecordResult> submitEvaluations(String sender, String profile, String endpoint,
            List<Submitted<Evaluation>> records) {
        List<RecordResult> results = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            Submitted<Evaluation> d = records.get(i);
            Evaluation e = d.value;
            String caseNo = e == null || e.caseRecord() == null ? null : e.caseRecord().caseNo();
            if (!d.isValid()) {
                results.add(reject(endpoint, sender, i, caseNo, d.violations));
                continue;
            }
            AcceptedEvaluation earlier = e.evaluationId() == null ? null : bySenderAndId.get(senderKey(sender, e.evaluationId()));
            if (earlier == null) {
                earlier = byNaturalKey.get(naturalKey(e));
            }
            if (earlier != null) {
                duplicates++;
                results.add(RecordResult.ofEvaluation(i, RecordResult.Status.DUPLICATE, caseNo, earlier.evaluationNo(),
                        earlier.workOrderNo()));
                continue;
            }
            List<Violation> cadence = EvaluationHistory.of(subjectHistory(e.caseRecord())).violations(e);
            if (!cadence.isEmpty()) {
                results.add(reject(endpoint, sender, i, caseNo, cadence));
                continue;
            }
            AcceptedEvaluation a = accept(sender, profile, e);
            results.add(RecordResult.ofEvaluation(i, RecordResult.Status.ACCEPTED, caseNo, a.evaluationNo(), a.workOrderNo()));
        }
        return results;
    }

    private AcceptedEvaluation accept(String sender, String profile, Evaluation e) {
        String evaluationNo = String.format("E%08d", ++evaluationSequence);
        String workOrderNo = null;
        // Art. 18: a 差评 opens one work order; an appended evaluation keeps its original's grade and opens none.
        if (e.grade().isBad() && e.kind() == EvaluationKind.ACTIVE) {
            workOrderNo = String.format("WO%08d", ++workOrderSequence);
            workOrders.put(workOrderNo, openWorkOrder(workOrderNo, evaluationNo, e.caseRecord(), e));
        }
        AcceptedEvaluation a = new AcceptedEvaluation(evaluationNo, sender, profile, e, workOrderNo, clock.instant());
        tracker.record(e);
        accepted.add(a);
        byNumber.put(evaluationNo, a);
        if (e.evaluationId() != null) {
            bySenderAndId.put(senderKey(sender, e.evaluationId()), a);
        }
        byNaturalKey.put(naturalKey(e), a);
        for (String subject : subjects(e.caseRecord())) {
            bySubject.computeIfAbsent(subject, k -> new ArrayList<>()).add(e);
        }
        return a;
    }

    /** Art. 18: the system opens the order; a city-level one goes straight to the evaluated department. */
    private WorkOrder openWorkOrder(String orderNo, String evaluationNo, CaseRecord c, Evaluation e) {
        OffsetDateTime now = ShanghaiTime.normalize(OffsetDateTime.now(clock));
        WorkOrder order = workflow.open(orderNo, evaluationNo, c.caseNo(), e.grade(), c.deptCode(), c.areaCode(), system, now);
        if (order.isCityLevel()) {
            order = workflow.apply(order, WorkOrderAction.dispatch(c.deptCode()), system, now);
        }
        return order;
    }

    synchronized AcceptedEvaluation evaluation(String evaluationNo) {
        return byNumber.get(evaluationNo);
    }

    synchronized WorkOrder workOrder(String orderNo) {
        return workOrders.get(orderNo);
    }

    /** Work orders, newest first, filtered by state and department (evaluated or handling), one page of them. */
    synchronized Page<WorkOrder> workOrders(WorkOrderState state, String deptCode, int page, int pageSize) {
        List<WorkOrder> matching = new ArrayList<>();
        for (WorkOrder o : workOrders.descendingMap().values()) {
            if (state != null && o.state() != state) {
                continue;
            }
            if (deptCode != null && !deptCode.equals(o.deptCode()) && !deptCode.equals(o.handlingDeptCode())) {
                continue;
            }
            matching.add(o);
        }
        long from = (long) (page - 1) * pageSize;
        List<WorkOrder> items = from >= matching.size() ? Collections.<WorkOrder>emptyList()
                : new ArrayList<>(matching.subList((int) from, (int) Math.min(matching.size(), from + pageSize)));
        return new Page<>(items, page, pageSize, matching.size());
    }

    /**
     * Applies a work-order action through the workflow.
     *
     * @throws ApiException {@code NOT_FOUND} for an unknown order, {@code ILLEGAL_TRANSITION} (naming the state
     *     and the article) when the rules refuse the action
     */
    synchronized WorkOrder act(String orderNo, WorkOrderAction action, Actor actor, OffsetDateTime at) {
        WorkOrder order = workOrders.get(orderNo);
        if (order == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "no work order " + orderNo);
        }
        ActorIds.checkFor(order, actor);
        WorkOrder next;
        try {
            next = workflow.apply(order, action, actor, at);
        } catch (IllegalTransitionException e) {
            throw new ApiException(ErrorCode.ILLEGAL_TRANSITION, e.getMessage());
        }
        workOrders.put(orderNo, next);
        return next;
    }

    synchronized List<AcceptedEvaluation> acceptedEvaluations() {
        return new ArrayList<>(accepted);
    }

    synchronized List<WorkOrder> workOrders() {
        return new ArrayList<>(workOrders.values());
    }

    synchronized List<CaseRecord> cases() {
        return new ArrayList<>(cases.values());
    }

    synchronized List<RejectedRecord> rejectedRecords() {
        return new ArrayList<>(rejectedRecords);
    }

    synchronized int duplicates() {
        return duplicates;
    }

    /** Forgets every case, evaluation and work order, and starts the numbers again from 1. */
    synchronized void reset() {
        cases.clear();
        accepted.clear();
        byNumber.clear();
        bySenderAndId.clear();
        byNaturalKey.clear();
        bySubject.clear();
        workOrders.clear();
        rejectedRecords.clear();
        tracker = newTracker();
        reportedUnevaluated.clear();
        evaluationSequence = 0;
        workOrderSequence = 0;
        duplicates = 0;
    }

    private RecordResult reject(String endpoint, String sender, int index, String caseNo, List<Violation> violations) {
        rejectedRecords.add(new RejectedRecord(endpoint, sender, index, violations));
        return RecordResult.rejected(index, caseNo, violations);
    }

    private static String senderKey(String sender, String evaluationId) {
        return sender + '\u0000' + evaluationId;
    }

    /** The subject (case, batch or theme), the kind, and each target with its occasion (the visit, for staff). */
    static String naturalKey(Evaluation e) {
        CaseRecord c = e.caseRecord();
        StringBuilder key = new StringBuilder();
        switch (e.scope()) {
            case BATCH:
                key.append("batch:").append(c.batchNo());
                break;
            case THEME:
                key.append("theme:").append(c.themeCode());
                break;
            default:
                key.append("case:").append(c.caseNo());
        }
        key.append('|').append(e.kind());
        for (Target t : new TreeSet<>(e.targets())) {
            key.append('|').append(t);
            if (t == Target.SERVICE_STAFF) {
                key.append('@').append(e.visitNo());
            }
        }
        return key.toString();
    }

    /** The evaluations the cadence rules compare a new one of this case with: its case, batch and theme. */
    private List<Evaluation> subjectHistory(CaseRecord c) {
        Set<Evaluation> seen = Collections.newSetFromMap(new IdentityHashMap<Evaluation, Boolean>());
        List<Evaluation> out = new ArrayList<>();
        for (String subject : subjects(c)) {
            for (Evaluation e : bySubject.getOrDefault(subject, Collections.<Evaluation>emptyList())) {
                if (seen.add(e)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static List<String> subjects(CaseRecord c) {
        List<String> s = new ArrayList<>(3);
        s.add("case:" + c.caseNo());
        if (c.batchNo() != null) {
            s.add("batch:" + c.batchNo());
        }
        if (c.themeCode() != null) {
            s.add("theme:" + c.themeCode());
        }
        return s;
    }

    /** One page of a list, as the list endpoints answer it. */
    static final class Page<T> {
        final List<T> items;
        final int page;
        final int pageSize;
        final int total;

        Page(List<T> items, int page, int pageSize, int total) {
            this.items = items;
            this.page = page;
            this.pageSize = pageSize;
            this.total = total;
        }
    }
}
