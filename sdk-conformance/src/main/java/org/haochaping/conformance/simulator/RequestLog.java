package org.haochaping.conformance.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The requests received, newest last; bounded, so a simulator left running keeps a fixed memory. Thread-safe. */
final class RequestLog {

    /** How many requests are remembered; older ones are dropped first. */
    static final int CAPACITY = 100_000;

    private final AtomicLong sequence = new AtomicLong();
    private final Deque<ObservedRequest> requests = new ArrayDeque<>();

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    synchronized void add(ObservedRequest request) {
        if (requests.size() == CAPACITY) {
            requests.removeFirst();
        }
        requests.addLast(request);
    }

    synchronized List<ObservedRequest> all() {
        List<ObservedRequest> out = new ArrayList<>(requests);
        out.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        return out;
    }

    synchronized void clear() {
        requests.clear();
    }
}
