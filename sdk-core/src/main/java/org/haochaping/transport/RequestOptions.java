package org.haochaping.transport;

import java.time.Duration;
import java.util.Optional;

/**
 * Per-request settings that override the transport's defaults for one call (the stripe-java
 * {@code RequestOptions} style). Unset options fall back to the transport's configuration. Immutable.
 *
 * <pre>{@code
 * RequestOptions options = RequestOptions.builder()
 *         .idempotencyKey(record.idempotencyKey())   // the same key on every attempt and every resend
 *         .timeout(Duration.ofSeconds(5))
 *         .maxRetries(0)
 *         .build();
 * }</pre>
 */
public final class RequestOptions {

    private static final RequestOptions DEFAULTS = new Builder().build();

    private final Duration timeout;
    private final IdempotencyKey idempotencyKey;
    private final Integer maxRetries;

    private RequestOptions(Builder builder) {
        this.timeout = builder.timeout;
        this.idempotencyKey = builder.idempotencyKey;
        this.maxRetries = builder.maxRetries;
    }

    /** No overrides: the transport's defaults apply and writes get a fresh random idempotency key. */
    public static RequestOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The time allowed for one attempt (connect, send, wait, read), overriding the call timeout. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** The key sent on every attempt; when absent, a write gets a random key shared by its attempts. */
    public Optional<IdempotencyKey> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /** Retries after the first attempt, overriding the retry policy's maximum. */
    public Optional<Integer> maxRetries() {
        return Optional.ofNullable(maxRetries);
    }

    @Override
    public String toString() {
        return "RequestOptions{timeout=" + timeout + ", idempotencyKey=" + idempotencyKey
                + ", maxRetries=" + maxRetries + "}";
    }

    /** Builds {@link RequestOptions}. Not thread-safe. */
    public static final class Builder {
        private Duration timeout;
        private IdempotencyKey idempotencyKey;
        private Integer maxRetries;

        private Builder() {
        }

        /**
         * @throws IllegalArgumentException unless the timeout is positive
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Durations.requirePositive("timeout", timeout);
            return this;
        }

        public Builder idempotencyKey(IdempotencyKey idempotencyKey) {
            if (idempotencyKey == null) {
                throw new IllegalArgumentException("idempotencyKey: must not be null");
            }
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        /**
         * @throws IllegalArgumentException when negative
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries: " + maxRetries + " is negative");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
