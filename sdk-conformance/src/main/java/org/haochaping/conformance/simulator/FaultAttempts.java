package org.haochaping.conformance.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What followed one injected fault: the faulted request and the attempts of the same write after it (same method,
 * path and body; for a national envelope the same records, ids aside: {@link ObservedRequest#requestDigest()}), with
 * the facts the kit judges the client's handling by (docs/conformance.md, "Faults"). The conformance kit's verdicts
 * and the standalone export's observations file are both read from these. Immutable.
 */
public final class FaultAttempts {

    /** Refusals given before the endpoint: the write was not processed. */
    private static final Set<ErrorCode> NOT_PROCESSED = EnumSet.of(ErrorCode.SIGNATURE_INVALID,
            ErrorCode.TIMESTAMP_EXPIRED, ErrorCode.NONCE_REPLAYED, ErrorCode.UNKNOWN_APP, ErrorCode.IDEMPOTENCY_CONFLICT,
            ErrorCode.RATE_LIMITED, ErrorCode.UNAVAILABLE, ErrorCode.INTERNAL);

    private final FaultSchedule.Injected fault;
    private final ObservedRequest first;
    private final List<ObservedRequest> retries;

    private FaultAttempts(FaultSchedule.Injected fault, ObservedRequest first, List<ObservedRequest> retries) {
        this.fault = fault;
        this.first = first;
        this.retries = Collections.unmodifiableList(retries);
    }

    /** The attempts that followed {@code fault} among {@code requests} (in order of arrival). */
    public static FaultAttempts of(FaultSchedule.Injected fault, List<ObservedRequest> requests) {
        ObservedRequest first = null;
        List<ObservedRequest> retries = new ArrayList<>();
        for (ObservedRequest r : requests) {
            if (r.sequence() == fault.sequence()) {
                first = r;
            } else if (r.sequence() > fault.sequence() && fault.requestDigest().equals(r.requestDigest())) {
                retries.add(r);
            }
        }
        return new FaultAttempts(fault, first, retries);
    }

    /** For every fault injected so far, in order. */
    public static List<FaultAttempts> all(Observations o) {
        List<ObservedRequest> requests = o.requests();
        List<FaultAttempts> out = new ArrayList<>();
        for (FaultSchedule.Injected i : o.injectedFaults()) {
            out.add(of(i, requests));
        }
        return out;
    }

    public FaultSchedule.Injected fault() {
        return fault;
    }

    /** The faulted request; {@code null} when the request log no longer holds it. */
    public ObservedRequest first() {
        return first;
    }

    /** The later attempts of the same write, in order. */
    public List<ObservedRequest> retries() {
        return retries;
    }

    /** The faulted request (when held) and its retries. */
    public List<ObservedRequest> all() {
        List<ObservedRequest> out = new ArrayList<>();
        if (first != null) {
            out.add(first);
        }
        out.addAll(retries);
        return out;
    }

    /** Retries whose key ({@code Idempotency-Key}; for a national envelope the evaluation ids) differs from the first's. */
    public List<ObservedRequest> reKeyed() {
        List<ObservedRequest> out = new ArrayList<>();
        for (ObservedRequest a : retries) {
            if (!Objects.equals(a.idempotencyKey(), fault.idempotencyKey())) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * Attempts that reused the nonce (for a national envelope: the {@code sign}) of an earlier attempt, each mapped
     * to the sequence of that earlier one.
     */
    public Map<ObservedRequest, Long> reusedNonces() {
        Map<String, Long> seen = new LinkedHashMap<>();
        Map<ObservedRequest, Long> out = new LinkedHashMap<>();
        for (ObservedRequest a : all()) {
            if (a.nonce() != null) {
                Long earlier = seen.putIfAbsent(a.nonce(), a.sequence());
                if (earlier != null) {
                    out.put(a, earlier);
                }
            }
        }
        return out;
    }

    /**
     * The sequences of the attempts the platform processed as a new write: the faulted one when its fault processes
     * it, a retry that was not an idempotent replay nor refused before the endpoint (for a national envelope: one that
     * counted a record anew). More than one: the write would have been counted more than once.
     */
    public List<Long> processed() {
        List<Long> out = new ArrayList<>();
        for (ObservedRequest a : all()) {
            boolean processedHere = a == first ? fault.step().processed()
                    : fault.step().national() ? a.countedRecords() > 0
                    : a.fault() == null && a.code() != null && !a.isIdempotentReplay() && !NOT_PROCESSED.contains(a.code());
            if (processedHere) {
                out.add(a.sequence());
            }
        }
        return out;
    }

    /** The last retry that got an answer (no fault, a status), or {@code null}. */
    public ObservedRequest answered() {
        ObservedRequest answered = null;
        for (ObservedRequest a : retries) {
            if (a.fault() == null && a.status() > 0) {
                answered = a;
            }
        }
        return answered;
    }

    @Override
    public String toString() {
        return "FaultAttempts[" + fault.step().id() + " at #" + fault.sequence() + ", " + retries.size() + " retries]";
    }
}
