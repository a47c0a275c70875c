package org.haochaping.client;

import org.haochaping.transport.ServiceException;

import java.util.Optional;

/**
 * The error codes of the central platform (interface-spec 5.1, "Error codes"), with the HTTP status each comes with
 * and whether a client sends the request again. The one place the SDK names them: a decision on a refusal (the
 * outbox dropping a record the platform will never take) reads {@link #of(ServiceException)}, never a string.
 */
public enum PlatformErrorCode {

    /** 400: not JSON, not the endpoint's shape, idempotency key missing or malformed, not JSON content. */
    INVALID_REQUEST(400, false),
    /** 422: every record of the request was refused; {@code data.results} says why. */
    INVALID_PAYLOAD(422, false),
    /** 401: missing or bad signature headers, unknown key id, a signature that does not verify. */
    SIGNATURE_INVALID(401, false),
    /** 401: the timestamp is outside the allowed window. */
    TIMESTAMP_EXPIRED(401, false),
    /** 401: the nonce was seen before. */
    NONCE_REPLAYED(401, false),
    /** 403: the app id is not registered. */
    UNKNOWN_APP(403, false),
    /** 404: no such evaluation, work order, year or endpoint. */
    NOT_FOUND(404, false),
    /** 409: the idempotency key was used with another request. */
    IDEMPOTENCY_CONFLICT(409, false),
    /** 409: a work-order action the state machine refuses (Art. 19-22). */
    ILLEGAL_TRANSITION(409, false),
    /** 429: too many requests; {@code Retry-After} says when to come back. */
    RATE_LIMITED(429, true),
    /** 500: the platform failed. */
    INTERNAL(500, true),
    /** 503: the platform is overloaded or down for maintenance. */
    UNAVAILABLE(503, true);

    private final int httpStatus;
    private final boolean retried;

    PlatformErrorCode(int httpStatus, boolean retried) {
        this.httpStatus = httpStatus;
        this.retried = retried;
    }

    /** The HTTP status the platform answers this code with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Whether a client sends the request again (under the same idempotency key) after this code. */
    public boolean isRetried() {
        return retried;
    }

    /**
     * Whether the platform will never take this request as it is, whenever it is sent again: the request itself is
     * wrong ({@link #INVALID_REQUEST}, {@link #INVALID_PAYLOAD}) or its idempotency key belongs to another request
     * ({@link #IDEMPOTENCY_CONFLICT}). An outbox drops such a record instead of holding up the queue with it; a
     * signature or clock problem is the sender's and passes once it is fixed, so it is not among them.
     */
    public boolean refusesTheRequestForGood() {
        return this == INVALID_REQUEST || this == INVALID_PAYLOAD || this == IDEMPOTENCY_CONFLICT;
    }

    /** The code of that name; empty for a code this SDK does not know (a newer platform's). */
    public static Optional<PlatformErrorCode> find(String code) {
        if (code != null) {
            for (PlatformErrorCode c : values()) {
                if (c.name().equals(code)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    /** The platform's code of a refusal, when it carried one this SDK knows. */
    public static Optional<PlatformErrorCode> of(ServiceException refusal) {
        return refusal.platformCode().flatMap(PlatformErrorCode::find);
    }
}
