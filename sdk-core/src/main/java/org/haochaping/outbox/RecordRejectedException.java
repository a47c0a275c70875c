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

    public RecordRejectedException(String message) {
        super(message);
    }

    public RecordRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
