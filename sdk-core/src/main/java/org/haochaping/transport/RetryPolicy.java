package org.haochaping.transport;

import java.time.Duration;

/**
 * How often and how long to wait before retrying. <em>What</em> is retried is fixed: connection
 * failures, timeouts, HTTP 429 and 5xx, never any other 4xx.
 *
 * <p>The delay before retry {@code n} (1-based) is {@code min(maxBackoff, initialBackoff * 2^(n-1))},
 * reduced by a random fraction of at most {@code jitter} so that many terminals coming back online do not
 * retry in lock-step (the SDK's one formula, {@link Backoff}). A {@code Retry-After} header (seconds or HTTP-date) replaces the computed delay when
 * it is at most {@code maxRetryAfter}; a longer one ends the retries and is reported in the
 * {@link ServiceException}, so that a caller such as the outbox can come back later.
 *
 * <p>Immutable and thread-safe. Defaults: 2 retries, 500 ms initial backoff, 8 s cap, jitter 0.5,
 * {@code Retry-After} honoured up to 30 s.
 */
public final class RetryPolicy {

    private static final RetryPolicy DEFAULTS = new Builder().build();
    private static final RetryPolicy NONE = new Builder().maxRetries(0).build();

    private final int maxRetries;
    private final Backoff backoff;
    private final Duration maxRetryAfter;

    private RetryPolicy(Builder builder) {
        this.maxRetries = builder.maxRetries;
        this.backoff = Backoff.of(builder.initialBackoff, builder.maxBackoff, builder.jitter);
        this.maxRetryAfter = builder.maxRetryAfter;
    }

    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** One attempt, no retries. */
    public static RetryPolicy none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * The delay before retry number {@code retry} (1 for the first retry), jitter applied.
     *
     * @throws IllegalArgumentException when {@code retry} is less than 1
     */
    public Duration backoff(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry: " + retry + " is less than 1");
        }
        return backoff.delay(retry);
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxRetries=" + maxRetries + ", initialBackoff=" + backoff.initial() + ", maxBackoff="
                + backoff.max() + ", jitter=" + backoff.jitter() + ", maxRetryAfter=" + maxRetryAfter + "}";
    }

    /** Builds a {@link RetryPolicy}. Not thread-safe. */
    public static final class Builder {
        private int maxRetries = 2;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private double jitter = 0.5;
        private Duration maxRetryAfter = Duration.ofSeconds(30);

        private Builder() {
        }

        /** Retries after the first attempt; 0 disables retries. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries: " + maxRetries + " is negative");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = Durations.requirePositive("initialBackoff", initialBackoff);
            return this;
        }

        /** The cap on the computed delay (not on {@code Retry-After}, see {@link #maxRetryAfter}). */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = Durations.requirePositive("maxBackoff", maxBackoff);
            return this;
        }

        /**
         * The largest fraction removed at random from a computed delay: 0 for none (deterministic delays),
         * 1 for "full jitter" (anywhere between zero and the delay).
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0.0 && jitter <= 1.0)) {
                throw new IllegalArgumentException("jitter: " + jitter + " is outside [0, 1]");
            }
            this.jitter = jitter;
            return this;
        }

        /** The longest {@code Retry-After} the transport waits for; beyond it, it gives up at once. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = Durations.requireNonNegative("maxRetryAfter", maxRetryAfter);
            return this;
        }

        /**
         * @throws IllegalArgumentException when the cap is below the initial backoff
         */
        public RetryPolicy build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException(
                        "maxBackoff: " + maxBackoff + " is below initialBackoff " + initialBackoff);
            }
            return new RetryPolicy(this);
        }
    }
}
