package org.haochaping.wire;

/**
 * A payload went over one of its {@link PayloadLimits}: too many bytes, records or array elements, or nested too
 * deep. The payload was refused whole, without reading the rest. {@link #limit()} names the limit (e.g.
 * {@code maxRecords}); the message says what was found and the limit's value, never the payload.
 */
public final class PayloadLimitException extends MalformedPayloadException {

    private static final long serialVersionUID = 1L;

    private final String limit;

    PayloadLimitException(String problem, String limit, int line, int column) {
        super(problem + " (limit " + limit + ")", line, column);
        this.limit = limit;
    }

    /** The name of the limit, as in {@link PayloadLimits}: maxInputBytes, maxRecords, maxArrayLength or maxDepth. */
    public String limit() {
        return limit;
    }
}
