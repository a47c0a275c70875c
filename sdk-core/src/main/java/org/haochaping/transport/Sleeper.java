package org.haochaping.transport;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.haochaping.InternalApi;

/**
 * Waits between attempts. The transport's default really waits; tests inject one that records the
 * requested delays and returns at once, so that no test sleeps for seconds and assertions can check the
 * delay the transport asked for (e.g. the {@code Retry-After} it honoured) rather than wall time.
 */
@InternalApi
public interface Sleeper {

    /** Blocks the calling thread for the duration. */
    void sleep(Duration duration) throws InterruptedException;

    /** Completes the returned future after the duration, without blocking the caller. */
    CompletableFuture<Void> sleepAsync(Duration duration);
}
