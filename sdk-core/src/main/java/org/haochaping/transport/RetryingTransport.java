package org.haochaping.transport;

import org.haochaping.InternalApi;

import java.time.Clock;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Transport} made of the SDK's retry executor around any {@link Exchange}: what an adapter to another HTTP
 * library needs, so that it writes one attempt and keeps the SDK's retries, idempotency keys, {@code Retry-After}
 * handling, redacted logs and typed errors. {@link OkHttpTransport} is the same executor around OkHttp.
 *
 * <pre>{@code
 * Transport transport = RetryingTransport.builder(new MyHttpLibraryExchange(baseUrl))
 *         .retryPolicy(RetryPolicy.builder().maxRetries(3).build())
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe when the exchange is. Closing it stops its retry scheduler; the exchange's own resources stay its
 * owner's.
 */
public final class RetryingTransport implements Transport {

    private final Exchange exchange;
    private final RetryingExecutor executor;
    private final SystemSleeper ownedSleeper;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RetryingTransport(Builder builder) {
        this.exchange = builder.exchange;
        this.ownedSleeper = builder.sleeper == null ? new SystemSleeper() : null;
        this.executor = new RetryingExecutor(builder.exchange, builder.retryPolicy,
                builder.sleeper == null ? ownedSleeper : builder.sleeper, builder.errorBodyParser,
                new HeaderRedactor(builder.redactedHeaders), builder.clock);
    }

    public static Builder builder(Exchange exchange) {
        return new Builder(exchange);
    }

    @Override
    public TransportResponse execute(TransportRequest request, RequestOptions options) {
        checkOpen();
        return executor.execute(Objects.requireNonNull(request, "request"), Objects.requireNonNull(options, "options"));
    }

    @Override
    public CompletableFuture<TransportResponse> executeAsync(TransportRequest request, RequestOptions options) {
        checkOpen();
        return executor.executeAsync(Objects.requireNonNull(request, "request"),
                Objects.requireNonNull(options, "options"));
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the transport is closed");
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownedSleeper != null) {
            ownedSleeper.close();
        }
    }

    @Override
    public String toString() {
        return "RetryingTransport{" + exchange.getClass().getSimpleName() + "}";
    }

    /** Builds a {@link RetryingTransport}. Not thread-safe. */
    public static final class Builder {
        private final Exchange exchange;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper;
        private ErrorBodyParser errorBodyParser = ErrorBodyParser.NONE;
        private final Set<String> redactedHeaders = new HashSet<>();
        private Clock clock = Clock.systemUTC();

        private Builder(Exchange exchange) {
            this.exchange = Objects.requireNonNull(exchange, "exchange");
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Replaces the real waiting between attempts, e.g. by one that records delays in tests. */
        @InternalApi
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Reads the platform's error code and message from non-2xx bodies; default finds none. */
        public Builder errorBodyParser(ErrorBodyParser errorBodyParser) {
            this.errorBodyParser = Objects.requireNonNull(errorBodyParser, "errorBodyParser");
            return this;
        }

        /** Also redacts this header's values in logs (see {@link OkHttpTransport.Builder#redactHeader}). */
        public Builder redactHeader(String name) {
            HeaderRules.checkName(name);
            redactedHeaders.add(name);
            return this;
        }

        /** The clock that {@code Retry-After} dates are measured against. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public RetryingTransport build() {
            return new RetryingTransport(this);
        }
    }
}
