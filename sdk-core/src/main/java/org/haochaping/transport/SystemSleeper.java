package org.haochaping.transport;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The real {@link Sleeper}: {@link Thread#sleep} for synchronous calls, one daemon scheduler thread for
 * asynchronous ones, created on first use and stopped by {@link #close()}.
 */
final class SystemSleeper implements Sleeper {

    private ScheduledThreadPoolExecutor scheduler;
    private boolean closed;

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        long millis = duration.toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    @Override
    public CompletableFuture<Void> sleepAsync(Duration duration) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (duration.isZero() || duration.isNegative()) {
            done.complete(null);
            return done;
        }
        scheduler().schedule(() -> done.complete(null), duration.toMillis(), TimeUnit.MILLISECONDS);
        return done;
    }

    private synchronized ScheduledThreadPoolExecutor scheduler() {
        if (closed) {
            throw new IllegalStateException("the transport is closed");
        }
        if (scheduler == null) {
            scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "hcp-transport-retry");
                thread.setDaemon(true);
                return thread;
            });
            scheduler.setRemoveOnCancelPolicy(true);
        }
        return scheduler;
    }

    synchronized void close() {
        closed = true;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
