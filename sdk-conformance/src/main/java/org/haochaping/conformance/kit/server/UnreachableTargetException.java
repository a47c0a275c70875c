package org.haochaping.conformance.kit.server;

/** The target did not answer (connection refused, timeout, DNS): no check could be judged. */
public final class UnreachableTargetException extends Exception {

    public UnreachableTargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
