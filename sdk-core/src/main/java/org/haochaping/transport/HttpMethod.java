package org.haochaping.transport;

/** The HTTP methods the transport sends. */
public enum HttpMethod {
    GET(false, false),
    HEAD(false, false),
    POST(true, true),
    PUT(true, true),
    PATCH(true, true),
    DELETE(true, false);

    private final boolean write;
    private final boolean bodyRequired;

    HttpMethod(boolean write, boolean bodyRequired) {
        this.write = write;
        this.bodyRequired = bodyRequired;
    }

    /**
     * {@code true} for methods that change state on the server. Every write carries an
     * {@code Idempotency-Key} so that a retry never counts twice.
     */
    public boolean isWrite() {
        return write;
    }

    /**
     * {@code true} when HTTP requires a request body (possibly empty) for this method: an {@link Exchange} sends an
     * empty one when the request has none.
     */
    public boolean requiresBody() {
        return bodyRequired;
    }

    /** {@code true} when this method may carry a request body. */
    boolean permitsBody() {
        return write;
    }
}
