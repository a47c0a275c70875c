package org.haochaping.conformance.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The faults the conformance kit injects into a client session (docs/conformance.md): one of each {@link Step},
 * in order, each into the next <em>new</em> write of the unified interface (a {@code POST} whose method, path and
 * body the platform has not seen before). Retries of a write (same method, path and body) are never faulted, so
 * a client that retries under the documented policy always gets through. Which request got which fault is kept
 * ({@link #injected()}) for the kit to judge the client's reaction. Thread-safe.
 */
public final class FaultSchedule {

    /** How long a {@code 429} asks the client to wait. */
    public static final long RETRY_AFTER_SECONDS = 1;

    /** One fault of the schedule, in the order they are injected. */
    public enum Step {
        /** 503 {@code UNAVAILABLE}, not processed: the client must retry. */
        UNAVAILABLE_503("fault-503", "503 UNAVAILABLE (not processed)", Faults.Kind.FAIL),
        /** 429 {@code RATE_LIMITED} with {@code Retry-After: 1}, not processed: retry no sooner than asked. */
        RATE_LIMITED_429("fault-429", "429 RATE_LIMITED with Retry-After: " + RETRY_AFTER_SECONDS + " (not processed)",
                Faults.Kind.RATE_LIMIT),
        /** Processed and counted, then the connection is reset: the answer is lost. */
        RESPONSE_LOST("fault-lost-response", "processed and counted, then the response dropped (connection reset)",
                Faults.Kind.LOSE_RESPONSE),
        /** The connection is reset before anything is processed. */
        CONNECTION_RESET("fault-reset", "connection reset before processing", Faults.Kind.RESET),
        /** Processed and counted; the response is signed with a key that is not the platform's. */
        WRONG_KEY("fault-wrong-key", "processed; the response signed with a wrong key", Faults.Kind.WRONG_KEY),
        /** Processed and counted; one byte of the signed response body is altered. */
        ALTERED_BYTE("fault-altered-byte", "processed; one byte of the signed response body altered",
                Faults.Kind.ALTER_BYTE);

        private final String id;
        private final String description;
        private final Faults.Kind kind;

        Step(String id, String description, Faults.Kind kind) {
            this.id = id;
            this.description = description;
            this.kind = kind;
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
            return kind == Faults.Kind.WRONG_KEY || kind == Faults.Kind.ALTER_BYTE;
        }

        Faults.Fault fault() {
            return new Faults.Fault(kind, kind == Faults.Kind.RATE_LIMIT ? RETRY_AFTER_SECONDS : 0);
        }
    }

    /** A fault injected into one request. Immutable. */
    public record Injected(Step step, long sequence, String requestDigest, String idempotencyKey) {
    }

    private final List<Step> steps;
    private final List<Injected> injected = new ArrayList<>();
    private final Set<String> seenWrites = new HashSet<>();

    private FaultSchedule(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** Every step, once, in the order of {@link Step}. */
    public static FaultSchedule standard() {
        return new FaultSchedule(List.of(Step.values()));
    }

    /** The steps, in the order they are injected. */
    public List<Step> steps() {
        return steps;
    }

    /** The faults injected so far, in order. */
    public synchronized List<Injected> injected() {
        return Collections.unmodifiableList(new ArrayList<>(injected));
    }

    /** The fault for the request now arriving, or {@code null}; {@code digest} is its method, path and body digest. */
    synchronized Faults.Fault faultFor(SimRequest r, String digest) {
        if (injected.size() == steps.size() || !"POST".equals(r.method) || NationalEndpoint.PATH.equals(r.path)) {
            return null;
        }
        if (!seenWrites.add(digest)) {
            return null;   // a retry of a write seen before: let it through
        }
        Step step = steps.get(injected.size());
        injected.add(new Injected(step, r.sequence, digest, r.header(PlatformHttp.IDEMPOTENCY_KEY)));
        return step.fault();
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
