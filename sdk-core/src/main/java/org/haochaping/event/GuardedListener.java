package org.haochaping.event;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Passes each event to its delegates in order; what a delegate throws is logged (the first time) and dropped. */
final class GuardedListener implements HcpEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(HcpEventListener.class);

    /** Listener classes whose failure was logged as a warning: once per class, also for a factory's listeners. */
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    private final List<HcpEventListener> delegates;

    GuardedListener(List<HcpEventListener> delegates) {
        this.delegates = Collections.unmodifiableList(delegates);
    }

    List<HcpEventListener> delegates() {
        return delegates;
    }

    /** One event for one delegate. */
    private interface Event {
        void tell(HcpEventListener listener);
    }

    private void fire(String name, Event event) {
        for (HcpEventListener l : delegates) {
            try {
                event.tell(l);
            } catch (RuntimeException | LinkageError failed) {
                // The type only: a listener's message may quote whatever it was looking at.
                if (LOGGED.add(l.getClass().getName())) {
                    LOG.warn("HcpEventListener {} threw {} in {}; the SDK goes on (further failures at debug level)",
                            l.getClass().getName(), failed.getClass().getName(), name);
                } else {
                    LOG.debug("HcpEventListener {} threw {} in {}", l.getClass().getName(),
                            failed.getClass().getName(), name);
                }
            }
        }
    }

    @Override
    public void requestStart(RequestInfo request) {
        fire("requestStart", l -> l.requestStart(request));
    }

    @Override
    public void attemptStart(RequestInfo request, int attempt) {
        fire("attemptStart", l -> l.attemptStart(request, attempt));
    }

    @Override
    public void retryScheduled(RequestInfo request, int attempt, Duration delay, RetryReason reason) {
        fire("retryScheduled", l -> l.retryScheduled(request, attempt, delay, reason));
    }

    @Override
    public void responseVerified(RequestInfo request, int attempt, int statusCode) {
        fire("responseVerified", l -> l.responseVerified(request, attempt, statusCode));
    }

    @Override
    public void responseRefused(RequestInfo request, int attempt, int statusCode, String reason) {
        fire("responseRefused", l -> l.responseRefused(request, attempt, statusCode, reason));
    }

    @Override
    public void requestEnd(RequestInfo request, RequestOutcome outcome) {
        fire("requestEnd", l -> l.requestEnd(request, outcome));
    }

    @Override
    public void outboxStored(OutboxEvent event) {
        fire("outboxStored", l -> l.outboxStored(event));
    }

    @Override
    public void outboxDelivered(OutboxEvent event) {
        fire("outboxDelivered", l -> l.outboxDelivered(event));
    }

    @Override
    public void outboxDeadLettered(OutboxEvent event) {
        fire("outboxDeadLettered", l -> l.outboxDeadLettered(event));
    }

    @Override
    public String toString() {
        return "HcpEventListener.guarded" + delegates;
    }
}
