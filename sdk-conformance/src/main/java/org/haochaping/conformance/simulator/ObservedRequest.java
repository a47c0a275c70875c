package org.haochaping.conformance.simulator;

/**
 * One request the simulator received and what it answered: for tests that check what a client sent (how
 * often it retried, which requests were refused and why). Immutable; holds no body and no personal data.
 */
public final class ObservedRequest {

    private final long sequence;
    private final String method;
    private final String path;
    private final String appId;
    private final String idempotencyKey;
    private final int status;
    private final ErrorCode code;
    private final String message;
    private final String fault;
    private final boolean idempotentReplay;
    private final String requestDigest;
    private final String nonce;
    private final String timestamp;
    private final long arrivedNanos;
    private final String signatureDiagnostics;
    private final int countedRecords;

    ObservedRequest(long sequence, String method, String path, String appId, String idempotencyKey, int status,
            ErrorCode code, String message, String fault, boolean idempotentReplay) {
        this(sequence, method, path, appId, idempotencyKey, status, code, message, fault, idempotentReplay, null, null,
                null, 0, null);
    }

    ObservedRequest(long sequence, String method, String path, String appId, String idempotencyKey, int status,
            ErrorCode code, String message, String fault, boolean idempotentReplay, String requestDigest,
            String nonce, String timestamp, long arrivedNanos, String signatureDiagnostics) {
        this(sequence, method, path, appId, idempotencyKey, status, code, message, fault, idempotentReplay,
                requestDigest, nonce, timestamp, arrivedNanos, signatureDiagnostics, -1);
    }

    ObservedRequest(long sequence, String method, String path, String appId, String idempotencyKey, int status,
            ErrorCode code, String message, String fault, boolean idempotentReplay, String requestDigest,
            String nonce, String timestamp, long arrivedNanos, String signatureDiagnostics, int countedRecords) {
        this.countedRecords = countedRecords;
        this.requestDigest = requestDigest;
        this.nonce = nonce;
        this.timestamp = timestamp;
        this.arrivedNanos = arrivedNanos;
        this.signatureDiagnostics = signatureDiagnostics;
        this.sequence = sequence;
        this.method = method;
        this.path = path;
        this.appId = appId;
        this.idempotencyKey = idempotencyKey;
        this.status = status;
        this.code = code;
        this.message = message;
        this.fault = fault;
        this.idempotentReplay = idempotentReplay;
    }

    /** 1 for the first request the simulator received, then 2, 3, ... */
    public long sequence() {
        return sequence;
    }

    public String method() {
        return method;
    }

    /** The path as sent, without the query. */
    public String path() {
        return path;
    }

    /** The {@code X-Hcp-App-Id} (or the envelope's {@code appMark}) when it was well-formed; else {@code null}. */
    public String appId() {
        return appId;
    }

    /**
     * The {@code Idempotency-Key} header, or {@code null}. For a national envelope
     * ({@code POST /v1/national/evaluations}): the evaluation ids of the records it opened to, comma-separated
     * ({@code -} for a record without one), what the platform de-duplicates national records by.
     */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** The HTTP status answered; 0 when the connection was reset instead. */
    public int status() {
        return status;
    }

    /**
     * The envelope's code; {@code null} when the connection was reset before processing. A request whose answer
     * was lost ({@link Faults#loseResponseNext}) has the code the platform gave it and status 0.
     */
    public ErrorCode code() {
        return code;
    }

    /** The envelope's message: for a refusal, why. */
    public String message() {
        return message;
    }

    /** The fault injected into this request ({@code "FAIL 503"}, {@code "RESET"}, ...), or {@code null}. */
    public String fault() {
        return fault;
    }

    /** Whether the answer was the stored response of an earlier request with the same idempotency key. */
    public boolean isIdempotentReplay() {
        return idempotentReplay;
    }

    /**
     * SM3 (hex) over the method, path and body: equal for every attempt of one write, whatever its headers. For a
     * national envelope: over the method, path and the records it opened to, each without its {@code evaluationId}
     * (the envelope itself differs on every attempt). {@code null} when not recorded.
     */
    public String requestDigest() {
        return requestDigest;
    }

    /** The {@code X-Hcp-Nonce} header as sent, or {@code null}; for a national envelope its {@code sign}. */
    public String nonce() {
        return nonce;
    }

    /**
     * The {@code X-Hcp-Timestamp} header as sent, or {@code null}; for a national envelope its {@code time}
     * ({@code yyyyMMddHHmmss}).
     */
    public String timestamp() {
        return timestamp;
    }

    /** {@link System#nanoTime()} when the platform took the request: for intervals between requests only. */
    public long arrivedNanos() {
        return arrivedNanos;
    }

    /**
     * For a request refused as {@code SIGNATURE_INVALID}: the canonical string the platform built from it, the SM3
     * of its body and, when the client sent its own canonical string in {@code X-Hcp-Debug-Canonical}, the first
     * line that differs. {@code null} otherwise. Holds no secret.
     */
    public String signatureDiagnostics() {
        return signatureDiagnostics;
    }

    /**
     * How many records the platform counted as new from this request (accepted, not {@code DUPLICATE}): known for
     * national envelopes, -1 otherwise.
     */
    public int countedRecords() {
        return countedRecords;
    }

    /** Whether the platform refused the request (a non-OK code that was not injected). */
    public boolean isRejection() {
        return fault == null && code != null && code != ErrorCode.OK;
    }

    @Override
    public String toString() {
        return "#" + sequence + " " + method + " " + path + " -> " + (status == 0 ? "reset" : status + " " + code)
                + (fault == null ? "" : " [fault " + fault + "]") + (idempotentReplay ? " [replay]" : "")
                + (isRejection() ? ": " + message : "");
    }
}
