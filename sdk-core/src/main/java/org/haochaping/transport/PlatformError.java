package org.haochaping.transport;

import java.util.Objects;
import java.util.Optional;

/** The error code and message a platform put in an error response body. Immutable. */
public final class PlatformError {

    private final String code;
    private final String message;
    private final String requestId;

    /**
     * @param code the platform's error code, never {@code null}
     * @param message the platform's message, or {@code null}
     */
    public PlatformError(String code, String message) {
        this(code, message, null);
    }

    /**
     * @param code the platform's error code, never {@code null}
     * @param message the platform's message, or {@code null}
     * @param requestId the id the platform gave the request (interface-spec 5.1 {@code requestId}), or {@code null}
     */
    public PlatformError(String code, String message, String requestId) {
        this.code = Objects.requireNonNull(code, "code");
        this.message = message;
        this.requestId = requestId;
    }

    public String code() {
        return code;
    }

    /**
     * The platform's message. It may echo submitted data, so it is kept out of exception messages and
     * {@code toString()}: show it to an operator deliberately, not in logs.
     */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    /** The id the platform gave the request, to quote when asking its operators about this error. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    @Override
    public String toString() {
        return "PlatformError{code=" + code + (requestId == null ? "" : ", requestId=" + requestId) + "}";
    }
}
