package org.haochaping.transport;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one backoff formula of the SDK: the wait before attempt {@code n + 1} after {@code n} failures is
 * {@code min(max, initial * 2^(n-1))}, reduced by a random fraction of at most {@code jitter} so that many
 * terminals (or instances sharing an outbox table) coming back online do not retry in lock-step.
 * {@link RetryPolicy} uses it for the retries within one call; the outboxes (the file {@code Outbox} and
 * {@code JdbcOutboxStore}) for deliveries across calls, where a platform's {@code Retry-After} may lengthen the wait
 * ({@link #delay(int, Optional)}).
 *
 * <p>Immutable and thread-safe.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final double jitter;

    private Backoff(Duration initial, Duration max, double jitter) {
        this.initial = initial;
        this.max = max;
        this.jitter = jitter;
    }

    /**
     * @param jitter the largest fraction removed at random from a delay: 0 for none (deterministic delays), 1 for
     *     "full jitter" (anywhere between zero and the delay)
     * @throws IllegalArgumentException unless {@code 0 < initial <= max} and {@code 0 <= jitter <= 1}
     */
    public static Backoff of(Duration initial, Duration max, double jitter) {
        if (initial == null || initial.isNegative() || initial.isZero() || max == null || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff: need 0 < initial <= max, was " + initial + ", " + max);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter: " + jitter + " is outside [0, 1]");
        }
        return new Backoff(initial, max, jitter);
    }

    public Duration initial() {
        return initial;
    }

    /** The cap on a computed delay, and on a {@code Retry-After} obeyed by {@link #delay(int, Optional)}. */
    public Duration max() {
        return max;
    }

    public double jitter() {
        return jitter;
    }

    /**
     * The wait after {@code failures} consecutive failures (1 for the first), jitter applied.
     *
     * @throws IllegalArgumentException when {@code failures} is less than 1
     */
    public Duration delay(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures: " + failures + " is less than 1");
        }
        long cap = max.toMillis();
        // Doubling 62 times overflows; the cap is reached long before.
        long exponential = failures > 40 ? cap : Math.min(cap, initial.toMillis() << Math.min(failures - 1, 40));
        if (exponential < 0) {
            exponential = cap;
        }
        double reduction = jitter == 0.0 ? 0.0 : jitter * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(exponential * (1.0 - reduction)));
    }

    /**
     * As {@link #delay(int)}, except that a platform that said when to come back ({@code Retry-After}) is obeyed
     * when that is later, up to {@link #max()}: a delivery never comes back sooner than asked, nor waits longer than
     * the cap however far away the platform points.
     */
    public Duration delay(int failures, Optional<Duration> retryAfter) {
        Duration delay = delay(failures);
        if (retryAfter != null && retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
            return retryAfter.get().compareTo(max) > 0 ? max : retryAfter.get();
        }
        return delay;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Backoff)) {
            return false;
        }
        Backoff b = (Backoff) o;
        return initial.equals(b.initial) && max.equals(b.max) && jitter == b.jitter;
    }

    @Override
    public int hashCode() {
        return (initial.hashCode() * 31 + max.hashCode()) * 31 + Double.hashCode(jitter);
    }

    @Override
    public String toString() {
        return "Backoff{initial=" + initial + ", max=" + max + ", jitter=" + jitter + "}";
    }
}
