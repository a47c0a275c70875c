package org.haochaping.outbox;

/**
 * The outbox's directory could not be read or written, is in use by another outbox, or holds a journal
 * this version cannot read. The cause, when present, is the underlying {@link java.io.IOException}.
 *
 * <p>When {@link Outbox#submit} throws this, the record may or may not have been stored. Submitting it
 * again with the same idempotency key never makes the platform count it twice.
 */
public final class OutboxStorageException extends OutboxException {

    private static final long serialVersionUID = 1L;

    OutboxStorageException(String message) {
        super(message);
    }

    /** For stores outside this package (e.g. sdk-jdbc): the message must not hold payload or personal data. */
    public OutboxStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
