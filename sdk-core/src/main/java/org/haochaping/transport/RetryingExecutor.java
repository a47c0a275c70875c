package org.haochaping.transport;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry loop around an {@link Exchange}, synchronous and asynchronous: picks the idempotency key once
 * per logical request, decides after each attempt whether to retry and how long to wait, logs every
 * attempt with redacted headers, and turns the final outcome into a response or a typed exception.
 */
final class RetryingExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

    private final Exchange exchange;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final ErrorBodyParser errorBodyParser;
    private final HeaderRedactor redactor;
    private final Clock clock;

    RetryingExecutor(Exchange exchange, RetryPolicy policy, Sleeper sleeper, ErrorBodyParser errorBodyParser,
            HeaderRedactor redactor, Clock clock) {
        this.exchange = exchange;
        this.policy = policy;
        this.sleeper = sleeper;
        this.errorBodyParser = errorBodyParser;
        this.redactor = redactor;
        this.clock = clock;
    }

    TransportResponse execute(TransportRequest request, RequestOptions options) {
        Call call = new Call(request, options);
        for (int attempt = 1; ; attempt++) {
            call.logAttempt(attempt);
            long started = System.nanoTime();
            TransportResponse response;
            try {
                response = exchange.send(request, call.idempotencyKey, call.timeout);
            } catch (IOException failure) {
                // An interrupted caller has given up: no further attempt.
                Duration delay = call.delayAfterFailure(attempt, failure,
                        Thread.currentThread().isInterrupted(), started);
                sleepBeforeRetry(call, attempt, delay);
                continue;
            }
            Duration delay = call.delayAfterResponse(attempt, response, started);
            if (delay == null) {
                return response;
            }
            sleepBeforeRetry(call, attempt, delay);
        }
    }

    private void sleepBeforeRetry(Call call, int attempt, Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TransportException(call.description + ": interrupted while waiting to retry after "
                    + attempts(attempt), new TransportException.InterruptedByCaller(), attempt, call.idempotencyKey);
        }
    }

    CompletableFuture<TransportResponse> executeAsync(TransportRequest request, RequestOptions options) {
        AsyncCall call = new AsyncCall(new Call(request, options));
        call.attempt(1);
        return call.result;
    }

    private static String attempts(int count) {
        return count == 1 ? "1 attempt" : count + " attempts";
    }

    /** One logical request: its key, limits and the decisions after each attempt. */
    private final class Call {
        final TransportRequest request;
        final IdempotencyKey idempotencyKey;
        final Duration timeout;
        final int maxAttempts;
        final String description;

        Call(TransportRequest request, RequestOptions options) {
            this.request = request;
            IdempotencyKey given = options.idempotencyKey().orElse(null);
            this.idempotencyKey = given == null && request.method().isWrite() ? IdempotencyKey.random() : given;
            this.timeout = options.timeout().orElse(null);
            this.maxAttempts = options.maxRetries().orElse(policy.maxRetries()) + 1;
            this.description = request.method() + " " + request.pathForLogs();
        }

        void logAttempt(int attempt) {
            observe(o -> o.attemptStarted(attempt));
            if (LOG.isDebugEnabled()) {
                LOG.debug("--> {} attempt {}/{} Idempotency-Key={} ({}-byte body) {}", description, attempt,
                        maxAttempts, idempotencyKey, request.bodyLength(), redactor.describe(request.headers()));
            }
        }

        /** The delay before the next attempt, or throws the final {@link TransportException}. */
        Duration delayAfterFailure(int attempt, IOException failure, boolean canceled, long startedNanos) {
            long millis = elapsedMillis(startedNanos);
            if (attempt < maxAttempts && RetryDecision.isRetryableFailure(failure, canceled)) {
                Duration delay = policy.backoff(attempt);
                LOG.info("{} attempt {}/{} failed after {} ms ({}); retrying in {} ms", description, attempt,
                        maxAttempts, millis, describe(failure), delay.toMillis());
                observe(o -> o.retryScheduled(attempt, delay, 0));
                return delay;
            }
            LOG.debug("{} attempt {}/{} failed after {} ms ({}); giving up", description, attempt, maxAttempts,
                    millis, describe(failure));
            throw new TransportException(description + " failed after " + attempts(attempt) + ": "
                    + describe(failure), failure, attempt, idempotencyKey);
        }

        /**
         * {@code null} when the response is the result, the delay before the next attempt when it is worth
         * one, or throws the final {@link ServiceException}.
         */
        Duration delayAfterResponse(int attempt, TransportResponse response, long startedNanos) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("<-- {} {} attempt {}/{} in {} ms ({}-byte body)", response.statusCode(), description,
                        attempt, maxAttempts, elapsedMillis(startedNanos), response.bodyLength());
            }
            if (response.isSuccessful()) {
                return null;
            }
            Optional<Duration> retryAfter = RetryAfter.parse(
                    response.header(HeaderRules.RETRY_AFTER).orElse(null), clock.instant());
            boolean retryAfterAllowed = !retryAfter.isPresent()
                    || retryAfter.get().compareTo(policy.maxRetryAfter()) <= 0;
            if (RetryDecision.isRetryableStatus(response.statusCode()) && attempt < maxAttempts
                    && retryAfterAllowed) {
                Duration delay = retryAfter.isPresent() ? retryAfter.get() : policy.backoff(attempt);
                LOG.info("{} attempt {}/{} got HTTP {}; retrying in {} ms{}", description, attempt, maxAttempts,
                        response.statusCode(), delay.toMillis(), retryAfter.isPresent() ? " (Retry-After)" : "");
                observe(o -> o.retryScheduled(attempt, delay, response.statusCode()));
                return delay;
            }
            throw serviceException(attempt, response, retryAfter.orElse(null));
        }

        /** Tells the request's observer; what it throws never changes the request's course. */
        private void observe(java.util.function.Consumer<AttemptObserver> event) {
            AttemptObserver observer = request.attemptObserver();
            if (observer != null) {
                try {
                    event.accept(observer);
                } catch (RuntimeException ignored) {
                    LOG.debug("{}: the attempt observer threw {}", description, ignored.getClass().getName());
                }
            }
        }

        private ServiceException serviceException(int attempt, TransportResponse response, Duration retryAfter) {
            PlatformError platformError = null;
            try {
                platformError = errorBodyParser.parse(response).orElse(null);
            } catch (RuntimeException unparsable) {
                LOG.debug("{}: the error body parser failed ({}); no platform code", description,
                        unparsable.getClass().getSimpleName());
            }
            StringBuilder message = new StringBuilder(description).append(": HTTP ")
                    .append(response.statusCode()).append(" after ").append(attempts(attempt));
            if (platformError != null) {
                message.append(", platform code ").append(platformError.code());
                if (platformError.requestId().isPresent()) {
                    message.append(", request id ").append(platformError.requestId().get());
                }
            }
            if (retryAfter != null && retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
                message.append(", Retry-After ").append(retryAfter.getSeconds()).append(" s exceeds the ")
                        .append(policy.maxRetryAfter().getSeconds()).append(" s the retry policy waits");
            }
            return new ServiceException(message.toString(), response, platformError, attempt, idempotencyKey,
                    retryAfter);
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000L;
    }

    private static String describe(IOException failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** The asynchronous loop: each step runs when the previous attempt or wait completes. */
    private final class AsyncCall {
        final Call call;
        final CompletableFuture<TransportResponse> result = new CompletableFuture<>();
        private volatile CompletableFuture<?> inFlight;

        AsyncCall(Call call) {
            this.call = call;
            result.whenComplete((response, failure) -> {
                CompletableFuture<?> current = inFlight;
                if (result.isCancelled() && current != null) {
                    current.cancel(true);
                }
            });
        }

        void attempt(int attempt) {
            if (result.isDone()) {
                return;
            }
            call.logAttempt(attempt);
            long started = System.nanoTime();
            CompletableFuture<TransportResponse> sent;
            try {
                sent = exchange.sendAsync(call.request, call.idempotencyKey, call.timeout);
            } catch (RuntimeException refused) {
                result.completeExceptionally(refused);
                return;
            }
            inFlight = sent;
            if (result.isCancelled()) {
                sent.cancel(true);
                return;
            }
            sent.whenComplete((response, failure) -> onAttemptDone(attempt, started, response, failure));
        }

        private void onAttemptDone(int attempt, long started, TransportResponse response, Throwable failure) {
            if (result.isDone()) {
                return;
            }
            Duration delay;
            try {
                if (failure == null) {
                    delay = call.delayAfterResponse(attempt, response, started);
                    if (delay == null) {
                        result.complete(response);
                        return;
                    }
                } else {
                    Throwable cause = unwrap(failure);
                    if (!(cause instanceof IOException)) {
                        result.completeExceptionally(cause);
                        return;
                    }
                    delay = call.delayAfterFailure(attempt, (IOException) cause, false, started);
                }
            } catch (RuntimeException finalOutcome) {
                result.completeExceptionally(finalOutcome);
                return;
            }
            CompletableFuture<Void> wait;
            try {
                wait = sleeper.sleepAsync(delay);
            } catch (RuntimeException cannotWait) { // e.g. the transport was closed meanwhile
                result.completeExceptionally(cannotWait);
                return;
            }
            inFlight = wait;
            wait.whenComplete((ignored, waitFailure) -> {
                if (waitFailure != null) {
                    result.completeExceptionally(new TransportException(call.description
                            + ": the wait to retry failed after " + attempts(attempt),
                            new TransportException.InterruptedByCaller(), attempt, call.idempotencyKey));
                } else {
                    attempt(attempt + 1);
                }
            });
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
