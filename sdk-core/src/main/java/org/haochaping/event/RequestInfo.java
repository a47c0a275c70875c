package org.haochaping.event;

import java.util.Objects;
import java.util.Optional;
import org.haochaping.transport.IdempotencyKey;

/**
 * Which request an event is about: the client operation, its endpoint as a template (numbers of evaluations and
 * work orders replaced by {@code {placeholders}}), the idempotency key of a write and the number of records sent.
 * Nothing that names a person. Immutable.
 */
public final class RequestInfo {

    private final String operation;
    private final String method;
    private final String endpoint;
    private final IdempotencyKey idempotencyKey;
    private final int records;

    /**
     * @param operation the client method, e.g. {@code submitEvaluations}
     * @param method the HTTP method
     * @param endpoint the path template below the base URL, e.g. {@code /v1/work-orders/{orderNo}}
     * @param idempotencyKey the key of a write, the same on every attempt, or {@code null}
     * @param records the records in the request body, 0 for none
     */
    public RequestInfo(String operation, String method, String endpoint, IdempotencyKey idempotencyKey, int records) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.method = Objects.requireNonNull(method, "method");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.idempotencyKey = idempotencyKey;
        this.records = records;
    }

    /** The client operation, e.g. {@code submitEvaluations}, {@code calendar}, {@code workOrder}. */
    public String operation() {
        return operation;
    }

    public String method() {
        return method;
    }

    /** The path template, e.g. {@code /v1/evaluations} or {@code /v1/work-orders/{orderNo}/actions}. */
    public String endpoint() {
        return endpoint;
    }

    public Optional<IdempotencyKey> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /** Records in the request body (a submission's), 0 for a request without records. */
    public int records() {
        return records;
    }

    @Override
    public String toString() {
        return "RequestInfo{" + operation + ", " + method + " " + endpoint
                + (idempotencyKey == null ? "" : ", idempotencyKey=" + idempotencyKey.value())
                + (records == 0 ? "" : ", records=" + records) + "}";
    }
}
