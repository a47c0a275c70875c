package org.haochaping.client;

import org.haochaping.crypto.CryptoException;
import org.haochaping.transport.IdempotencyKey;
import org.haochaping.transport.RequestOptions;
import org.haochaping.transport.ServiceException;
import org.haochaping.transport.Transport;
import org.haochaping.transport.TransportResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every operation of {@link HcpClient} goes through, the same way synchronously and asynchronously (the shape of
 * OkHttp's call and interceptor chain, in stages a reader can follow):
 * <ol>
 *   <li>a write gets its idempotency key here, once, unless the options carry one: every attempt and every re-send
 *       below carries the same key, so nothing counts twice (5.1);</li>
 *   <li>the transport sends, retrying connection failures, timeouts, 429 and 5xx by its policy; every attempt is
 *       signed, or sealed, anew by the request itself ({@link PlatformCall});</li>
 *   <li>{@link ResponseVerification} checks the answer, or the refusal, against the attempt that got it;</li>
 *   <li>an answer that does not verify is no answer (5.1, "Retries"): the request is sent again, up to the retry
 *       budget, then the signature failure is thrown;</li>
 *   <li>the operation reads the verified response ({@link Operation#read}).</li>
 * </ol>
 */
final class CallPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HcpClient.class);

    private final Transport transport;
    private final boolean ownsTransport;
    private final ResponseVerification verification;
    private final int maxRetries;

    CallPipeline(Transport transport, boolean ownsTransport, ResponseVerification verification, int maxRetries) {
        this.transport = transport;
        this.ownsTransport = ownsTransport;
        this.verification = verification;
        this.maxRetries = maxRetries;
    }

    <T> T execute(Operation<T> operation, RequestOptions options) {
        PlatformCall call = operation.call;
        RequestOptions pinned = pinned(call, options);
        int retries = options.maxRetries().orElse(maxRetries);
        for (int resend = 0; ; resend++) {
            TransportResponse response;
            try {
                try {
                    response = transport.execute(call.http, pinned);
                } catch (ServiceException refused) {
                    throw verification.refusal(call, refused);
                }
                verification.verify(call, response);
            } catch (CryptoException unverified) {
                if (resend >= retries) {
                    throw unverified;
                }
                logResend(call, unverified);
                continue;
            }
            return operation.read(response);
        }
    }

    <T> CompletableFuture<T> executeAsync(Operation<T> operation, RequestOptions options) {
        AsyncCall<T> async = new AsyncCall<>(operation, pinned(operation.call, options),
                options.maxRetries().orElse(maxRetries));
        async.send(0);
        return async.result;
    }

    /** The asynchronous pipeline: each re-send starts when the previous answer failed to verify. */
    private final class AsyncCall<T> {
        final Operation<T> operation;
        final RequestOptions pinned;
        final int retries;
        final CompletableFuture<T> result = new CompletableFuture<>();
        final AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();

        AsyncCall(Operation<T> operation, RequestOptions pinned, int retries) {
            this.operation = operation;
            this.pinned = pinned;
            this.retries = retries;
            result.whenComplete((value, failure) -> {
                CompletableFuture<?> current = inFlight.get();
                if (result.isCancelled() && current != null) {
                    current.cancel(true);
                }
            });
        }

        void send(int resend) {
            if (result.isDone()) {
                return;
            }
            CompletableFuture<TransportResponse> sent;
            try {
                sent = transport.executeAsync(operation.call.http, pinned);
            } catch (RuntimeException refused) {
                result.completeExceptionally(refused);
                return;
            }
            inFlight.set(sent);
            if (result.isCancelled()) {
                sent.cancel(true);
                return;
            }
            sent.whenComplete((response, failure) -> answered(resend, response, failure));
        }

        private void answered(int resend, TransportResponse response, Throwable failure) {
            if (result.isDone()) {
                return;
            }
            try {
                if (failure != null) {
                    Throwable cause = unwrap(failure);
                    if (!(cause instanceof ServiceException)) {
                        result.completeExceptionally(cause);
                        return;
                    }
                    throw verification.refusal(operation.call, (ServiceException) cause);
                }
                verification.verify(operation.call, response);
            } catch (CryptoException unverified) {
                if (resend >= retries) {
                    result.completeExceptionally(unverified);
                } else {
                    logResend(operation.call, unverified);
                    send(resend + 1);
                }
                return;
            } catch (RuntimeException other) {
                result.completeExceptionally(other);
                return;
            }
            try {
                result.complete(operation.read(response));
            } catch (RuntimeException unreadable) {
                result.completeExceptionally(unreadable);
            }
        }
    }

    /** The options with an idempotency key for a write that has none, so that re-sends carry the same key. */
    private static RequestOptions pinned(PlatformCall call, RequestOptions options) {
        if (!call.http.method().isWrite() || options.idempotencyKey().isPresent()) {
            return options;
        }
        RequestOptions.Builder b = RequestOptions.builder().idempotencyKey(IdempotencyKey.random());
        options.timeout().ifPresent(b::timeout);
        options.maxRetries().ifPresent(b::maxRetries);
        return b.build();
    }

    private static void logResend(PlatformCall call, CryptoException e) {
        LOG.warn("The response to {} {} does not verify ({}); sending the request again{}", call.http.method(),
                pathForLogs(call), e.reason(), call.http.method().isWrite() ? " under the same idempotency key" : "");
    }

    /** The path without its query, which may carry identifiers. */
    private static String pathForLogs(PlatformCall call) {
        String path = call.http.path();
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q) + "?…";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }
}
