package org.haochaping.conformance.kit;

/** A vector file cannot be read, is not JSON, or does not have the shape of a kit vector file. */
public final class VectorFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VectorFileException(String message) {
        super(message);
    }

    public VectorFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
