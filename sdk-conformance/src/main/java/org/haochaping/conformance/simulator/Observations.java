package org.haochaping.conformance.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.haochaping.badreview.WorkOrder;
import org.haochaping.model.CaseRecord;

/**
 * What the simulated platform saw and holds, for tests to assert on: each method returns a snapshot taken
 * when it is called. Thread-safe.
 */
public final class Observations {

    private final CentralPlatform core;
    private final RequestLog log;
    private final FaultSchedule schedule;

    Observations(CentralPlatform core, RequestLog log, FaultSchedule schedule) {
        this.core = core;
        this.log = log;
        this.schedule = schedule;
    }

    /** The faults of the {@link FaultSchedule} injected so far, in order; empty when the platform has none. */
    public List<FaultSchedule.Injected> injectedFaults() {
        return schedule == null ? List.of() : schedule.injected();
    }

    /** Every request received (the last {@value RequestLog#CAPACITY}), in order of arrival, faulted ones included. */
    public List<ObservedRequest> requests() {
        return log.all();
    }

    /** The requests the platform refused, with the code and the reason ({@link ObservedRequest#message()}). */
    public List<ObservedRequest> rejections() {
        List<ObservedRequest> out = new ArrayList<>();
        for (ObservedRequest r : log.all()) {
            if (r.isRejection()) {
                out.add(r);
            }
        }
        return out;
    }

    /** Every evaluation accepted and counted, once each, in order of acceptance. */
    public List<AcceptedEvaluation> acceptedEvaluations() {
        return core.acceptedEvaluations();
    }

    /** The number of distinct evaluations counted: duplicates and idempotent replays are not. */
    public int countedEvaluations() {
        return core.acceptedEvaluations().size();
    }

    /** How many records were answered {@code DUPLICATE} (not counted again). Idempotent replays are not in it. */
    public int duplicateRecords() {
        return core.duplicates();
    }

    /** Every record refused, with its violations. */
    public List<RejectedRecord> rejectedRecords() {
        return core.rejectedRecords();
    }

    /** The case register (5.2), in order of first submission, each case as last accepted. */
    public List<CaseRecord> cases() {
        return core.cases();
    }

    /** Every work order as it stands, by number. */
    public List<WorkOrder> workOrders() {
        return core.workOrders();
    }

    /**
     * The cases the platform holds as "未评" at its clock's now (Art. 16): completed, registered, and not evaluated
     * within 5 working days. The platform marks them itself; departments report theirs through 5.9.
     */
    public List<String> unevaluatedCases() {
        return core.unevaluatedCases();
    }

    public Optional<WorkOrder> workOrder(String orderNo) {
        return Optional.ofNullable(core.workOrder(orderNo));
    }

    @Override
    public String toString() {
        return "Observations[" + countedEvaluations() + " evaluations counted, " + core.workOrders().size()
                + " work orders, " + log.all().size() + " requests]";
    }
}
