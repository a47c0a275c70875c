package org.haochaping.conformance.simulator;

/**
 * The {@code code} of a response envelope and its HTTP status (docs/interface-spec.md, 5.1). Clients retry
 * only the codes that say so.
 */
public enum ErrorCode {
    /** Done; for record submissions each record has its own result. */
    OK(200, false),
    /** The body is not JSON or not the shape of the endpoint, a required header is missing, or no such endpoint. */
    INVALID_REQUEST(400, false),
    /** Every record of the request was refused; the per-record results say why. */
    INVALID_PAYLOAD(422, false),
    /** Missing or malformed signature headers, unknown key id, or a signature that does not verify. */
    SIGNATURE_INVALID(401, false),
    /** The timestamp is outside the allowed window (±5 minutes). */
    TIMESTAMP_EXPIRED(401, false),
    /** The nonce was accepted before, inside the window. */
    NONCE_REPLAYED(401, false),
    /** The app id is not registered. */
    UNKNOWN_APP(403, false),
    /** No such evaluation, work order or endpoint. */
    NOT_FOUND(404, false),
    /** The idempotency key was used before with another request. */
    IDEMPOTENCY_CONFLICT(409, false),
    /** A work-order action the state machine of Art. 18-22 refuses; the message names the state and the article. */
    ILLEGAL_TRANSITION(409, false),
    /** Too many requests; {@code Retry-After} says when to come back. */
    RATE_LIMITED(429, true),
    /** The platform failed. */
    INTERNAL(500, true),
    /** The platform is overloaded or down for maintenance. */
    UNAVAILABLE(503, true);

    private final int httpStatus;
    private final boolean retryable;

    ErrorCode(int httpStatus, boolean retryable) {
        this.httpStatus = httpStatus;
        this.retryable = retryable;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Whether a client may send the same request again (with the same idempotency key). */
    public boolean isRetryable() {
        return retryable;
    }

    /** The code a platform answers a 5xx status with: 502-504 are {@link #UNAVAILABLE}, the rest {@link #INTERNAL}. */
    static ErrorCode forServerError(int status) {
        return status == 502 || status == 503 || status == 504 ? UNAVAILABLE : INTERNAL;
    }
}
