package org.haochaping.conformance.simulator;

import java.time.Duration;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Counts the requests being served, from their arrival until their response is written, so that a session can
 * stop without cutting off the answer to a request it already processed. Thread-safe.
 */
final class InFlightRequests implements ServeEventListener {

    private int count;

    @Override
    public String getName() {
        return "hcp-in-flight";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public synchronized void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
        count++;
    }

    @Override
    public synchronized void afterComplete(ServeEvent serveEvent, Parameters parameters) {
        count = Math.max(0, count - 1);
        notifyAll();
    }

    /** Waits until no request is being served, or {@code limit} has passed; returns whether none is. */
    synchronized boolean awaitIdle(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (count > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
