package org.haochaping.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Told what the client and the outboxes do, for metrics, tracing and alerts (OkHttp's {@code EventListener} is the
 * model). Every method has an empty default: override the ones you need. One request gives
 *
 * <pre>
 * requestStart
 *   attemptStart(1) [retryScheduled(1, delay, reason) attemptStart(2) ...]
 *   responseVerified(n) | responseRefused(n)
 * requestEnd(outcome)
 * </pre>
 *
 * A response is verified or refused only when one arrived (a transport failure has neither); a response that does not
 * verify is followed by {@code retryScheduled(UNVERIFIED_RESPONSE)} while retries remain. The outboxes add
 * {@code outboxStored} when a record is stored (inside the caller's transaction for a joined JDBC store), then one of
 * {@code outboxDelivered} or {@code outboxDeadLettered} per record (a record delivered again after a crash is told
 * again).
 *
 * <p>Events carry no personal data: operation, endpoint template, idempotency key, attempt numbers, durations, status
 * and platform codes, record counts and sizes, never a body, a name, a phone number or a person's id (Art. 17).
 *
 * <p>Methods are called on the thread doing the work (the caller's, the transport's, the outbox worker's), so they
 * must be quick and thread-safe. A listener that throws never breaks a request or a delivery: the SDK catches what it
 * throws and logs the first failure of each listener class ({@link #guarded}).
 */
public interface HcpEventListener {

    /** Listens to nothing. */
    HcpEventListener NONE = new HcpEventListener() {
    };

    /** A request to the platform begins (after the rules were checked and the body encoded). */
    default void requestStart(RequestInfo request) {
    }

    /** An attempt is sent; {@code attempt} counts from 1 over all attempts of the request. */
    default void attemptStart(RequestInfo request, int attempt) {
    }

    /** Attempt {@code attempt} is not the answer; the next is sent after {@code delay}. */
    default void retryScheduled(RequestInfo request, int attempt, Duration delay, RetryReason reason) {
    }

    /** The response to attempt {@code attempt} carries the platform's valid signature (any status). */
    default void responseVerified(RequestInfo request, int attempt, int statusCode) {
    }

    /**
     * The response to attempt {@code attempt} does not verify: signature, key, timestamp window or nonce. It is not
     * read.
     */
    default void responseRefused(RequestInfo request, int attempt, int statusCode, String reason) {
    }

    /** The request ended: with a result or with the exception the caller gets. */
    default void requestEnd(RequestInfo request, RequestOutcome outcome) {
    }

    /** A record was stored in an outbox (a joined JDBC store: in the caller's transaction, not yet committed). */
    default void outboxStored(OutboxEvent event) {
    }

    /** The platform accepted an outbox record. */
    default void outboxDelivered(OutboxEvent event) {
    }

    /** The platform refused an outbox record for good ({@link OutboxEvent#platformCode()} says why). */
    default void outboxDeadLettered(OutboxEvent event) {
    }

    /**
     * Makes a listener per request, as OkHttp's {@code EventListener.Factory} does, e.g. to keep a span per request
     * in fields. Outbox events go to the listener given to the outbox, not through a factory.
     */
    interface Factory {
        HcpEventListener create(RequestInfo request);
    }

    /**
     * One listener that tells each of {@code listeners} every event, in order, and catches what each throws: the
     * first failure is logged as a warning (the listener's class and the exception's type, never its message), later
     * ones at debug level. The SDK wraps every listener it is given in this.
     */
    static HcpEventListener guarded(HcpEventListener... listeners) {
        return guarded(Arrays.asList(listeners));
    }

    /** {@link #guarded(HcpEventListener...)} of a list (e.g. every listener bean of an application). */
    static HcpEventListener guarded(List<? extends HcpEventListener> listeners) {
        List<HcpEventListener> all = new ArrayList<>();
        for (HcpEventListener l : listeners) {
            Objects.requireNonNull(l, "listener");
            if (l instanceof GuardedListener) {
                all.addAll(((GuardedListener) l).delegates());
            } else if (l != NONE) {
                all.add(l);
            }
        }
        return all.isEmpty() ? NONE : new GuardedListener(all);
    }
}
