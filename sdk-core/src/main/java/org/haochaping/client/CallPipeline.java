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
 * The call's events ({@code HcpEventListener}) are fired here, each in one place: start once the key is known,
 * verified or refused per answer, a re-send, the end exactly once; the transport's retry executor tells the call of
 * each attempt and retry ({@code AttemptObserver}).
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
        call.events.start(pinned);
        try {
            T result = operation.read(verifiedResponse(call, pinned, options.maxRetries().orElse(maxRetries)));
            call.events.end(null);
            return result;
        } catch (RuntimeException e) {
            call.events.end(e);
            throw e;
        }
    }

    private TransportResponse verifiedResponse(PlatformCall call, RequestOptions pinned, int retries) {
        for (int resend = 0; ; resend++) {
            TransportResponse response = null;
            try {
                try {
                    response = transport.execute(call.http, pinned);
                } catch (ServiceException refused) {
                    throw refusal(call, refused);
                }
                verify(call, response);
                return response;
            } catch (CryptoException unverified) {
                if (!mayResend(call, response, unverified, resend, retries)) {
                    throw unverified;
                }
            }
        }
    }

    <T> CompletableFuture<T> executeAsync(Operation<T> operation, RequestOptions options) {
        RequestOptions pinned = pinned(operation.call, options);
        AsyncCall<T> async = new AsyncCall<>(operation, pinned, options.maxRetries().orElse(maxRetries));
        operation.call.events.start(pinned);
        async.result.whenComplete((result, failure) -> operation.call.events.end(failure));
        async.send(0);
        return async.result;
    }

    /** Verifies an answer, and says so to the listener; the national profile's answers are not signed (5.7). */
    private void verify(PlatformCall call, TransportResponse response) {
        verification.verify(call, response);
        if (!call.national) {
            call.events.verified(response.statusCode());
        }
    }

    /**
     * What a refusal means: believed only when it verifies, and then carrying the platform's code whatever the
     * transport; an unsigned or tampered 4xx becomes a signature failure, so nobody on the path can make the client
     * drop a record with a forged refusal; a 5xx or 429 from a proxy or load balancer carries no signature and stays
     * what it is (retrying is safe).
     */
    private RuntimeException refusal(PlatformCall call, ServiceException refused) {
        call.events.status(refused.statusCode());
        if (call.national) {
            return refused;
        }
        try {
            verify(call, refused.response());
        } catch (RuntimeException unverified) {
            if (refused.isRetryable()) {
                return refused;
            }
            unverified.addSuppressed(refused);
            return unverified;
        }
        return ResponseVerification.withPlatformCode(refused);
    }

    /** After an answer that does not verify: whether the budget allows another send, told to log and listener. */
    private static boolean mayResend(PlatformCall call, TransportResponse response, CryptoException unverified,
            int resend, int retries) {
        call.events.refused(response != null ? response.statusCode() : call.events.lastStatus(), unverified);
        if (resend >= retries) {
            return false;
        }
        call.events.retryUnverified();
        LOG.warn("The response to {} {} does not verify ({}); sending the request again{}", call.http.method(),
                pathForLogs(call), unverified.reason(),
                call.http.method().isWrite() ? " under the same idempotency key" : "");
        return true;
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
            PlatformCall call = operation.call;
            try {
                if (failure != null) {
                    Throwable cause = unwrap(failure);
                    if (!(cause instanceof ServiceException)) {
                        result.completeExceptionally(cause);
                        return;
                    }
                    throw refusal(call, (ServiceException) cause);
                }
                verify(call, response);
            } catch (CryptoException unverified) {
                if (mayResend(call, response, unverified, resend, retries)) {
                    send(resend + 1);
                } else {
                    result.completeExceptionally(unverified);
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
