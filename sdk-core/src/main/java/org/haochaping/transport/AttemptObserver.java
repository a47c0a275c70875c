package org.haochaping.transport;

import java.time.Duration;

/**
 * Told of each attempt a transport sends for one request and of each retry it schedules, so the client can report
 * them as events ({@code HcpEventListener}). Given per request ({@link TransportRequest.Builder#attemptObserver});
 * transports call it on the thread that sends or schedules, and ignore what it throws.
 */
public interface AttemptObserver {

    /** Attempt {@code attempt} (from 1) is about to be sent. */
    void attemptStarted(int attempt);

    /**
     * Attempt {@code attempt} will be followed by another after {@code delay}.
     *
     * @param statusCode the HTTP status that is retried (5xx, 429), or 0 when no response arrived
     */
    void retryScheduled(int attempt, Duration delay, int statusCode);
}
