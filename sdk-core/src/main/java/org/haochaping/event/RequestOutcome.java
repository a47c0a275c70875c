package org.haochaping.event;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How a request ended ({@link HcpEventListener#requestEnd}). Immutable. */
public final class RequestOutcome {

    /** The kinds of ending. */
    public enum Kind {
        /** A verified 2xx answer. */
        SUCCESS,
        /** The platform refused the request with a verified 4xx ({@link #platformCode()} says why). */
        REFUSED,
        /** 5xx or 429 after every retry. */
        SERVER_ERROR,
        /** No attempt got a response (connection, DNS, TLS, timeout). */
        TRANSPORT_FAILURE,
        /** The last response's signature, timestamp or nonce did not verify. */
        UNVERIFIED,
        /** Anything else: a verified answer that could not be read, an interrupted caller. */
        FAILURE
    }

    private final Kind kind;
    private final int statusCode;
    private final String platformCode;
    private final int attempts;
    private final Duration duration;

    /**
     * @param statusCode the last response's HTTP status, 0 when none arrived
     * @param platformCode the platform's error code of a refusal, or {@code null}
     * @param attempts attempts sent
     * @param duration from {@code requestStart} to the end
     */
    public RequestOutcome(Kind kind, int statusCode, String platformCode, int attempts, Duration duration) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.statusCode = statusCode;
        this.platformCode = platformCode;
        this.attempts = attempts;
        this.duration = Objects.requireNonNull(duration, "duration");
    }

    public Kind kind() {
        return kind;
    }

    /** The last response's HTTP status, 0 when no response arrived. */
    public int statusCode() {
        return statusCode;
    }

    /** The platform's error code of a refusal (e.g. {@code INVALID_PAYLOAD}), when it gave one. */
    public Optional<String> platformCode() {
        return Optional.ofNullable(platformCode);
    }

    public int attempts() {
        return attempts;
    }

    public Duration duration() {
        return duration;
    }

    @Override
    public String toString() {
        return "RequestOutcome{" + kind + (statusCode == 0 ? "" : ", HTTP " + statusCode)
                + (platformCode == null ? "" : ", platform code " + platformCode) + ", attempts=" + attempts
                + ", " + duration.toMillis() + " ms}";
    }
}
