package org.haochaping.transport;

import org.haochaping.HcpException;

import java.time.Duration;
import java.util.Optional;

/**
 * The platform answered with a status other than 2xx, after any retries the status allowed. Carries the
 * HTTP status, the platform's error code, message and request id when the {@link ErrorBodyParser} found them,
 * and the whole response for callers that need more (e.g. to verify a signed error).
 *
 * <p>The exception message holds the status, method, path (without query), platform code and request id, never
 * the platform's message or the body, which may echo personal data.
 */
public final class ServiceException extends HcpException {

    private static final long serialVersionUID = 1L;
    private static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final int statusCode;
    private final int attempts;
    private final transient PlatformError platformError;
    private final transient TransportResponse response;
    private final transient IdempotencyKey idempotencyKey;
    private final transient Duration retryAfter;

    /**
     * For {@link Transport} implementations, and for fakes in tests of code built on a transport.
     *
     * @param message must not hold the body or the platform's message (see the class comment)
     * @param platformError the parsed code and message, or {@code null}
     * @param idempotencyKey the key the attempts carried, or {@code null}
     * @param retryAfter the last response's {@code Retry-After}, or {@code null}
     */
    public ServiceException(String message, TransportResponse response, PlatformError platformError, int attempts,
            IdempotencyKey idempotencyKey, Duration retryAfter) {
        super(message);
        this.statusCode = response.statusCode();
        this.response = response;
        this.platformError = platformError;
        this.attempts = attempts;
        this.idempotencyKey = idempotencyKey;
        this.retryAfter = retryAfter;
    }

    public int statusCode() {
        return statusCode;
    }

    /** {@code true} for 429 and 5xx: the same request may succeed later (with the same idempotency key). */
    public boolean isRetryable() {
        return RetryDecision.isRetryableStatus(statusCode);
    }

    /** The platform's error code, when the error body parser found one. */
    public Optional<String> platformCode() {
        return platformError == null ? Optional.<String>empty() : Optional.of(platformError.code());
    }

    /** The platform's error message, when the error body parser found one; may echo submitted data. */
    public Optional<String> platformMessage() {
        return platformError == null ? Optional.<String>empty() : platformError.message();
    }

    /**
     * The id the platform gave the request: the envelope's {@code requestId} (interface-spec 5.1) when the error
     * body parser found one, else the response's {@code X-Request-Id} header (set by many gateways). Quote it
     * when asking the platform's operators about this error.
     */
    public Optional<String> requestId() {
        if (platformError != null && platformError.requestId().isPresent()) {
            return platformError.requestId();
        }
        return response.header(REQUEST_ID_HEADER);
    }

    /** The last response received. */
    public TransportResponse response() {
        return response;
    }

    /** How many attempts were made, the first one included. */
    public int attempts() {
        return attempts;
    }

    /** The key every attempt carried; absent for reads sent without one. */
    public Optional<IdempotencyKey> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /** The server's {@code Retry-After}, when the last response had one (seconds or HTTP-date). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
