package org.haochaping.transport;

import java.io.IOException;

/**
 * A response was larger than the transport reads ({@link OkHttpTransport.Builder#maxResponseBytes}, or an
 * {@link Exchange}'s own limit). The rest is not
 * read, so a hostile or broken server cannot exhaust the heap before anything is verified. Not retried: the next
 * attempt would meet the same answer. The cause of the {@link TransportException} that ends the call.
 */
public final class ResponseTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    /**
     * For {@link Exchange} implementations.
     *
     * @param limit the limit in bytes
     * @param declared the response's {@code Content-Length} when that was over the limit, or -1 when the body was
     *     cut off while reading
     */
    public ResponseTooLargeException(long limit, long declared) {
        super("response body larger than " + limit + " bytes" + (declared >= 0 ? " (Content-Length " + declared + ")" : "")
                + "; raise maxResponseBytes if the platform really answers that much");
        this.limit = limit;
    }

    /** The limit in bytes that was exceeded. */
    public long limit() {
        return limit;
    }
}
