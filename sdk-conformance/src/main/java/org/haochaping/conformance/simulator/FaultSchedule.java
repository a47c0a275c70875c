package org.haochaping.conformance.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The faults the conformance kit injects into a client session (docs/conformance.md): one of each {@link Step},
 * in order, each into the next <em>new</em> write of its style: a unified write (a {@code POST} whose method, path
 * and body the platform has not seen before) for the unified steps, a national envelope whose records (their
 * {@code evaluationId} left out) it has not seen before for the {@link Step#national() national} steps. Retries of a
 * write are never faulted, so a client that retries under the documented policy always gets through. Which request
 * got which fault is kept ({@link #injected()}) for the kit to judge the client's reaction. Thread-safe.
 */
public final class FaultSchedule {

    /** How long a {@code 429} asks the client to wait. */
    public static final long RETRY_AFTER_SECONDS = 1;

    /** One fault of the schedule, in the order they are injected. */
    public enum Step {
        /** 503 {@code UNAVAILABLE}, not processed: the client must retry. */
        UNAVAILABLE_503("fault-503", "503 UNAVAILABLE (not processed)", Faults.Kind.FAIL, false),
        /** 429 {@code RATE_LIMITED} with {@code Retry-After: 1}, not processed: retry no sooner than asked. */
        RATE_LIMITED_429("fault-429", "429 RATE_LIMITED with Retry-After: " + RETRY_AFTER_SECONDS + " (not processed)",
                Faults.Kind.RATE_LIMIT, false),
        /** Processed and counted, then the connection is reset: the answer is lost. */
        RESPONSE_LOST("fault-lost-response", "processed and counted, then the response dropped (connection reset)",
                Faults.Kind.LOSE_RESPONSE, false),
        /** The connection is reset before anything is processed. */
        CONNECTION_RESET("fault-reset", "connection reset before processing", Faults.Kind.RESET, false),
        /** Processed and counted; the response is signed with a key that is not the platform's. */
        WRONG_KEY("fault-wrong-key", "processed; the response signed with a wrong key", Faults.Kind.WRONG_KEY, false),
        /** Processed and counted; one byte of the signed response body is altered. */
        ALTERED_BYTE("fault-altered-byte", "processed; one byte of the signed response body altered",
                Faults.Kind.ALTER_BYTE, false),
        /** National envelope: 503 {@code UNAVAILABLE}, not processed. */
        NATIONAL_UNAVAILABLE_503("national-fault-503", "503 to a national envelope (not processed)", Faults.Kind.FAIL,
                true),
        /** National envelope: 429 with {@code Retry-After: 1}, not processed. */
        NATIONAL_RATE_LIMITED_429("national-fault-429", "429 with Retry-After: " + RETRY_AFTER_SECONDS
                + " to a national envelope (not processed)", Faults.Kind.RATE_LIMIT, true),
        /** National envelope: opened and its records counted, then the connection is reset. */
        NATIONAL_RESPONSE_LOST("national-fault-lost-response", "national envelope opened and its records counted, then "
                + "the response dropped (connection reset)", Faults.Kind.LOSE_RESPONSE, true),
        /** National envelope: the connection is reset before the envelope is opened. */
        NATIONAL_CONNECTION_RESET("national-fault-reset", "connection reset before the national envelope is opened",
                Faults.Kind.RESET, true),
        /**
         * National envelope: counted; the (unsigned) answer leaves the last record's result out, so it does not answer
         * every record sent (interface-spec 5.1, 5.7).
         */
        NATIONAL_UNANSWERED_RECORD("national-fault-unanswered-record", "national envelope counted; the answer leaves "
                + "the last record's result out", Faults.Kind.DROP_RESULT, true),
        /** National envelope: counted; one result's {@code index} is altered to name a record that was not sent. */
        NATIONAL_ALTERED_INDEX("national-fault-altered-index", "national envelope counted; the answer's last result "
                + "names a record index that was not sent", Faults.Kind.ALTER_INDEX, true);

        private final String id;
        private final String description;
        private final Faults.Kind kind;

        private final boolean national;

        Step(String id, String description, Faults.Kind kind, boolean national) {
            this.id = id;
            this.description = description;
            this.kind = kind;
            this.national = national;
        }

        /**
         * Whether it hits national envelopes ({@code POST /v1/national/evaluations}, interface-spec 5.7) rather than
         * writes of the unified interface.
         */
        public boolean national() {
            return national;
        }

        /**
         * The step of {@code id} ({@link #id()}).
         *
         * @throws IllegalArgumentException naming the known ids when there is none
         */
        public static Step byId(String id) {
            for (Step s : values()) {
                if (s.id.equals(id)) {
                    return s;
                }
            }
            List<String> ids = new ArrayList<>();
            for (Step s : values()) {
                ids.add(s.id);
            }
            throw new IllegalArgumentException("no fault '" + id + "'; the faults are " + String.join(", ", ids));
        }

        /** The id of its verdict in the client report, e.g. {@code fault-429}. */
        public String id() {
            return id;
        }

        /** What the platform does, in a few words. */
        public String description() {
            return description;
        }

        /** Whether the faulted request was processed (and may have counted) before the fault. */
        public boolean processed() {
            return kind.processes();
        }

        /** Whether the response arrives but must not be believed (it does not verify). */
        public boolean tampered() {
            return kind == Faults.Kind.WRONG_KEY || kind == Faults.Kind.ALTER_BYTE || kind == Faults.Kind.DROP_RESULT
                    || kind == Faults.Kind.ALTER_INDEX;
        }

        Faults.Fault fault() {
            return new Faults.Fault(kind, kind == Faults.Kind.RATE_LIMIT ? RETRY_AFTER_SECONDS : 0);
        }
    }

    /**
     * A fault injected into one request. Immutable. For a national envelope, {@code requestDigest} covers the records
     * it opened to without their {@code evaluationId}, and {@code idempotencyKey} is the records' evaluation ids (what
     * the platform de-duplicates national records by, 5.7).
     */
    public record Injected(Step step, long sequence, String requestDigest, String idempotencyKey) {
    }

    private final List<Step> steps;
    private final List<Injected> injected = new ArrayList<>();
    private final Set<String> seenWrites = new HashSet<>();

    private FaultSchedule(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** Every unified step, once, in the order of {@link Step}. */
    public static FaultSchedule standard() {
        return of(false);
    }

    /** Every national step, once, in the order of {@link Step}: the faults of the national report style. */
    public static FaultSchedule national() {
        return of(true);
    }

    /** The unified steps for unified writes and the national steps for national envelopes, each in its order. */
    public static FaultSchedule both() {
        return new FaultSchedule(List.of(Step.values()));
    }

    /**
     * The given steps, each into the next new write of its style, in the given order.
     *
     * @throws IllegalArgumentException when a step is named twice or none is
     */
    public static FaultSchedule of(List<Step> steps) {
        if (steps == null || steps.isEmpty() || new HashSet<>(steps).size() != steps.size()) {
            throw new IllegalArgumentException("a fault schedule names each fault at most once, and at least one");
        }
        return new FaultSchedule(steps);
    }

    private static FaultSchedule of(boolean national) {
        List<Step> steps = new ArrayList<>();
        for (Step s : Step.values()) {
            if (s.national == national) {
                steps.add(s);
            }
        }
        return new FaultSchedule(steps);
    }

    /** The steps, in the order they are injected. */
    public List<Step> steps() {
        return steps;
    }

    /** The faults injected so far, in order. */
    public synchronized List<Injected> injected() {
        return Collections.unmodifiableList(new ArrayList<>(injected));
    }

    /**
     * The fault for the request now arriving, or {@code null}. {@code digest} identifies the write across its attempts
     * (method, path and body; for a national envelope the records without their ids) and {@code key} is what must stay
     * the same across them (the {@code Idempotency-Key}; for a national envelope the records' evaluation ids).
     */
    synchronized Faults.Fault faultFor(SimRequest r, String digest, String key) {
        if (!"POST".equals(r.method) || digest == null) {
            return null;
        }
        boolean national = NationalEndpoint.PATH.equals(r.path);
        Step step = null;
        for (Step s : steps) {
            if (s.national == national && !isInjected(s)) {
                step = s;
                break;
            }
        }
        if (step == null || !seenWrites.add(digest)) {
            return null;   // nothing left for this style, or a retry of a write seen before: let it through
        }
        injected.add(new Injected(step, r.sequence, digest, key));
        return step.fault();
    }

    private boolean isInjected(Step step) {
        for (Injected i : injected) {
            if (i.step() == step) {
                return true;
            }
        }
        return false;
    }

    synchronized void reset() {
        injected.clear();
        seenWrites.clear();
    }

    @Override
    public synchronized String toString() {
        return "FaultSchedule" + steps + ", " + injected.size() + " injected";
    }
}
