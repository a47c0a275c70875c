package org.haochaping.transport;

import org.haochaping.HcpException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Optional;

/**
 * No HTTP response came back: the connection failed or timed out on every attempt, or the wait between
 * attempts was interrupted. The cause is the last attempt's {@link IOException}.
 *
 * <p>A write that ends with this exception may or may not have reached the platform. Send it again with
 * the same {@link #idempotencyKey()} and the platform counts it once.
 */
public final class TransportException extends HcpException {

    private static final long serialVersionUID = 1L;

    private final int attempts;
    private final transient IdempotencyKey idempotencyKey;

    /**
     * For {@link Transport} implementations, and for fakes in tests of code built on a transport.
     *
     * @param idempotencyKey the key the attempts carried, or {@code null}
     */
    public TransportException(String message, IOException cause, int attempts, IdempotencyKey idempotencyKey) {
        super(message, cause);
        this.attempts = attempts;
        this.idempotencyKey = idempotencyKey;
    }

    /** How many attempts were made, the first one included. */
    public int attempts() {
        return attempts;
    }

    /** The key every attempt carried; absent for reads sent without one. */
    public Optional<IdempotencyKey> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /** {@code true} when the last attempt timed out (connect, read, write or call timeout). */
    public boolean isTimeout() {
        return getCause() instanceof InterruptedIOException && !(getCause() instanceof InterruptedByCaller);
    }

    /** Marks the wait between attempts interrupted by the caller, which is not a timeout. */
    static final class InterruptedByCaller extends InterruptedIOException {
        private static final long serialVersionUID = 1L;

        InterruptedByCaller() {
            super("interrupted while waiting to retry");
        }
    }
}
