package org.haochaping;

/**
 * The root of every exception the SDK throws on purpose: a rule broken (with its article), a payload or response
 * that cannot be read, a signature that does not verify, a platform that answered with an error or did not answer,
 * an outbox that cannot store. One {@code catch (HcpException e)} handles them all; the subclasses say what
 * happened and carry what a caller needs to react.
 *
 * <p>Programming errors (a {@code null} where a value is required, a builder used twice) stay the JDK's own
 * {@link NullPointerException}, {@link IllegalArgumentException} and {@link IllegalStateException}.
 *
 * <p>Messages never hold secrets, key material or personal data (Art. 17).
 */
public abstract class HcpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected HcpException(String message) {
        super(message);
    }

    protected HcpException(String message, Throwable cause) {
        super(message, cause);
    }
}
