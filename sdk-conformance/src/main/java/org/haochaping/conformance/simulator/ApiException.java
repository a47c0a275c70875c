package org.haochaping.conformance.simulator;

/** A request the platform refuses as a whole, with the code and message of the error envelope. */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    ApiException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
