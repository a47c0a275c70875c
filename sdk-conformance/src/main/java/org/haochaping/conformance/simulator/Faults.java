package org.haochaping.conformance.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Faults injected into the next requests, whatever their endpoint, in the order they were asked for: each
 * request takes one from the head of the queue, and a fault is gone once used. {@code failNext(2, 503)}
 * then {@code resetNext(1)} answers the next two requests with 503 and resets the third. Thread-safe.
 *
 * <p>Except for {@link #delayNext}, {@link #loseResponseNext}, {@link #signWithWrongKeyNext} and
 * {@link #alterResponseByteNext}, a faulted request is not processed at all:
 * nothing is counted, no nonce or idempotency key is used, so a client's retry is processed as new.
 */
public final class Faults {

    /** What one faulted request gets. */
    enum Kind {
        /** An error status with the error envelope; not processed. */
        FAIL,
        /** 429 {@code RATE_LIMITED} with {@code Retry-After}; not processed. */
        RATE_LIMIT,
        /** The connection is reset before anything is processed. */
        RESET,
        /** Processed normally, answered after a delay. */
        DELAY,
        /** Processed (and counted), then the connection is reset: the answer never arrives. */
        LOSE_RESPONSE,
        /** Processed (and counted), answered with a response signed by a key that is not the platform's. */
        WRONG_KEY,
        /** Processed (and counted), answered with one byte of the signed body altered. */
        ALTER_BYTE,
        /** A national envelope processed (and counted), answered without the last record's result. */
        DROP_RESULT,
        /** A national envelope processed (and counted), answered with the last result's index out of range. */
        ALTER_INDEX;

        /** Whether the request is processed (and may count) before the fault takes effect. */
        boolean processes() {
            return this == DELAY || this == LOSE_RESPONSE || this == WRONG_KEY || this == ALTER_BYTE
                    || this == DROP_RESULT || this == ALTER_INDEX;
        }
    }

    /** One pending fault, applied to {@code remaining} more requests. */
    static final class Fault {
        final Kind kind;
        final int status;
        final Duration delay;
        final long retryAfterSeconds;
        int remaining;

        Fault(Kind kind, long retryAfterSeconds) {
            this(kind, 1, kind == Kind.FAIL ? 503 : kind == Kind.RATE_LIMIT ? 429 : 0, null, retryAfterSeconds);
        }

        Fault(Kind kind, int count, int status, Duration delay, long retryAfterSeconds) {
            this.kind = kind;
            this.remaining = count;
            this.status = status;
            this.delay = delay;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public String toString() {
            switch (kind) {
                case FAIL: return "FAIL " + status;
                case RATE_LIMIT: return "RATE_LIMIT retry after " + retryAfterSeconds + " s";
                case DELAY: return "DELAY " + delay.toMillis() + " ms";
                default: return kind.name();
            }
        }
    }

    private final Deque<Fault> queue = new ArrayDeque<>();

    Faults() {
    }

    /**
     * Answers the next {@code count} requests with {@code status} (500-599) and the error envelope
     * ({@code INTERNAL}, or {@code UNAVAILABLE} for 502-504), without processing them.
     */
    public Faults failNext(int count, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("failNext takes a 5xx status; use rateLimitNext for 429");
        }
        return add(new Fault(Kind.FAIL, count, status, null, 0));
    }

    /** Resets the connection of the next {@code count} requests before they are processed. */
    public Faults resetNext(int count) {
        return add(new Fault(Kind.RESET, count, 0, null, 0));
    }

    /** Processes the next {@code count} requests normally and answers each after {@code delay}. */
    public Faults delayNext(int count, Duration delay) {
        if (delay == null || delay.isNegative() || delay.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("delay must be between zero and about 24 days");
        }
        return add(new Fault(Kind.DELAY, count, 0, delay, 0));
    }

    /** Answers the next {@code count} requests with 429 {@code RATE_LIMITED} and {@code Retry-After}, unprocessed. */
    public Faults rateLimitNext(int count, long retryAfterSeconds) {
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("Retry-After must not be negative");
        }
        return add(new Fault(Kind.RATE_LIMIT, count, 429, null, retryAfterSeconds));
    }

    /**
     * Processes the next {@code count} requests (they count) and then resets the connection, so the client
     * never gets the answer: the case an idempotency key exists for.
     */
    public Faults loseResponseNext(int count) {
        return add(new Fault(Kind.LOSE_RESPONSE, count, 0, null, 0));
    }

    /**
     * Processes the next {@code count} requests normally and signs their responses with a key that is not the
     * platform's (under the platform's key id): a client that verifies responses must not believe them.
     */
    public Faults signWithWrongKeyNext(int count) {
        return add(new Fault(Kind.WRONG_KEY, count, 0, null, 0));
    }

    /**
     * Processes the next {@code count} requests normally and alters one byte of each signed response body (a
     * digit, so the body is still JSON): a client that verifies responses must not believe them.
     */
    public Faults alterResponseByteNext(int count) {
        return add(new Fault(Kind.ALTER_BYTE, count, 0, null, 0));
    }

    /** Drops every pending fault. */
    public synchronized Faults clear() {
        queue.clear();
        return this;
    }

    /** The number of requests still to be faulted. */
    public synchronized int pending() {
        int n = 0;
        for (Fault f : queue) {
            n += f.remaining;
        }
        return n;
    }

    /** Takes the fault for the request now arriving, or {@code null}. */
    synchronized Fault take() {
        Fault head = queue.peekFirst();
        if (head == null) {
            return null;
        }
        if (--head.remaining == 0) {
            queue.removeFirst();
        }
        return head;
    }

    private synchronized Faults add(Fault fault) {
        if (fault.remaining < 1) {
            throw new IllegalArgumentException("the number of requests to fault must be at least 1");
        }
        queue.addLast(fault);
        return this;
    }

    @Override
    public synchronized String toString() {
        return "Faults" + queue;
    }
}
