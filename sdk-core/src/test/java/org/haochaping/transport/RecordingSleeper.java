package org.haochaping.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Records the delays the transport asks for and returns at once: tests check delays, not wall time. */
final class RecordingSleeper implements Sleeper {

    private final List<Duration> delays = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        delays.add(duration);
    }

    @Override
    public synchronized CompletableFuture<Void> sleepAsync(Duration duration) {
        delays.add(duration);
        return CompletableFuture.completedFuture(null);
    }

    synchronized List<Duration> delays() {
        return new ArrayList<>(delays);
    }
}
