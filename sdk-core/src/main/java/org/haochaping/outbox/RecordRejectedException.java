package org.haochaping.outbox;

/**
 * Thrown by an {@link OutboxSink} when the platform refused a record for good (e.g. it fails validation):
 * resending it would never succeed. The outbox hands the record to its rejection handler and removes it.
 * Any other exception from the sink means "try again later".
 *
 * <p>The message is logged: do not put personal data in it.
 */
public final class RecordRejectedException extends OutboxException {

    private static final long serialVersionUID = 1L;

    private final String platformCode;

    public RecordRejectedException(String message) {
        this(message, null, null);
    }

    public RecordRejectedException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * @param platformCode the platform's code for the refusal (e.g. {@code INVALID_PAYLOAD}), or {@code null}; told
     *     to event listeners and metrics with the dead letter
     */
    public RecordRejectedException(String message, String platformCode, Throwable cause) {
        super(message, cause);
        this.platformCode = platformCode;
    }

    /** The platform's code for the refusal, when it gave one. */
    public java.util.Optional<String> platformCode() {
        return java.util.Optional.ofNullable(platformCode);
    }
}
