package org.haochaping.client;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.haochaping.crypto.CryptoException;
import org.haochaping.event.HcpEventListener;
import org.haochaping.event.RequestInfo;
import org.haochaping.event.RequestOutcome;
import org.haochaping.event.RetryReason;
import org.haochaping.transport.AttemptObserver;
import org.haochaping.transport.HttpMethod;
import org.haochaping.transport.RequestOptions;
import org.haochaping.transport.ServiceException;
import org.haochaping.transport.TransportException;

/**
 * The events of one request ({@link HcpEventListener}): made with the request, started once its idempotency key is
 * known, told of each attempt and retry by the transport, of each verification by the client, ended exactly once.
 * Numbers attempts over the whole request, the client's resends of unverified answers included. Without a listener
 * it does nothing.
 */
final class CallEvents implements AttemptObserver {

    private final HcpEventListener.Factory factory;
    private final String operation;
    private final HttpMethod method;
    private final String path;
    private final byte[] body;
    private final String recordsField;
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile HcpEventListener listener = HcpEventListener.NONE;
    private volatile RequestInfo info;
    private volatile int lastStatus;
    private volatile long startedNanos;

    /**
     * @param factory the client's listener factory, or {@code null} for none
     * @param recordsField where the body's records are: {@code "records"}, {@code ""} for an array body, or
     *     {@code null} for a body without records
     */
    CallEvents(HcpEventListener.Factory factory, String operation, HttpMethod method, String path, byte[] body,
            String recordsField) {
        this.factory = factory;
        this.operation = operation;
        this.method = method;
        this.path = path;
        this.body = body;
        this.recordsField = recordsField;
    }

    void start(RequestOptions options) {
        if (factory == null) {
            return;
        }
        startedNanos = System.nanoTime();
        RequestInfo request = new RequestInfo(operation, method.name(), endpoint(path),
                options.idempotencyKey().orElse(null), records());
        HcpEventListener made;
        try {
            made = HcpEventListener.guarded(factory.create(request));
        } catch (RuntimeException factoryFailed) {
            made = HcpEventListener.NONE; // a factory that throws costs its events, never the request
        }
        listener = made;
        info = request;
        made.requestStart(request);
    }

    private int records() {
        if (recordsField == null || body == null) {
            return 0;
        }
        try {
            return PlatformResponses.recordCount(body, recordsField.isEmpty() ? null : recordsField);
        } catch (RuntimeException notRecords) {
            return 0;
        }
    }

    /** The path as a template: the numbers that follow a collection are placeholders, the query is dropped. */
    static String endpoint(String path) {
        int q = path.indexOf('?');
        String[] segments = (q < 0 ? path : path.substring(0, q)).split("/", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            String previous = segments[i - 1];
            String segment = segments[i];
            if ("evaluations".equals(previous) && i == 3) {
                segment = "{evaluationNo}";
            } else if ("work-orders".equals(previous)) {
                segment = "{orderNo}";
            } else if ("calendar".equals(previous)) {
                segment = "{year}";
            }
            out.append('/').append(segment);
        }
        return out.toString();
    }

    @Override
    public void attemptStarted(int transportAttempt) {
        int n = attempts.incrementAndGet();
        RequestInfo request = info;
        if (request != null) {
            listener.attemptStart(request, n);
        }
    }

    @Override
    public void retryScheduled(int transportAttempt, Duration delay, int statusCode) {
        RequestInfo request = info;
        if (request != null) {
            listener.retryScheduled(request, attempts.get(), delay,
                    statusCode == 0 ? RetryReason.CONNECTION_FAILURE : RetryReason.ofStatus(statusCode));
        }
    }

    /** The status of a response that came back as a {@link ServiceException}. */
    void status(int statusCode) {
        lastStatus = statusCode;
    }

    int lastStatus() {
        return lastStatus;
    }

    void verified(int statusCode) {
        lastStatus = statusCode;
        RequestInfo request = info;
        if (request != null) {
            listener.responseVerified(request, attempts.get(), statusCode);
        }
    }

    void refused(int statusCode, CryptoException why) {
        lastStatus = statusCode;
        RequestInfo request = info;
        if (request != null) {
            listener.responseRefused(request, attempts.get(), statusCode, why.reason().name());
        }
    }

    /** The client sends the request again at once because the answer did not verify. */
    void retryUnverified() {
        RequestInfo request = info;
        if (request != null) {
            listener.retryScheduled(request, attempts.get(), Duration.ZERO, RetryReason.UNVERIFIED_RESPONSE);
        }
    }

    /** @param failure what the caller gets, or {@code null} for a result */
    void end(Throwable failure) {
        RequestInfo request = info;
        if (request == null || !ended.compareAndSet(false, true)) {
            return;
        }
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        RequestOutcome.Kind kind;
        int status = lastStatus;
        String code = null;
        if (cause == null) {
            kind = RequestOutcome.Kind.SUCCESS;
        } else if (cause instanceof ServiceException) {
            ServiceException e = (ServiceException) cause;
            status = e.statusCode();
            kind = e.isRetryable() ? RequestOutcome.Kind.SERVER_ERROR : RequestOutcome.Kind.REFUSED;
            code = e.platformCode().orElse(null);
        } else if (cause instanceof CryptoException) {
            kind = RequestOutcome.Kind.UNVERIFIED;
        } else if (cause instanceof TransportException) {
            kind = RequestOutcome.Kind.TRANSPORT_FAILURE;
            status = 0;
        } else {
            kind = RequestOutcome.Kind.FAILURE;
        }
        listener.requestEnd(request, new RequestOutcome(kind, status, code, attempts.get(),
                Duration.ofNanos(System.nanoTime() - startedNanos)));
    }
}
