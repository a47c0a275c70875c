package org.haochaping.conformance.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/** What an endpoint answers before it is put in the envelope and signed: code, message and data. */
final class Outcome {

    final ErrorCode code;
    final String message;
    /** {@code null} for none. */
    final JsonNode data;

    private Outcome(ErrorCode code, String message, JsonNode data) {
        this.code = code;
        this.message = message;
        this.data = data;
    }

    static Outcome ok(JsonNode data) {
        return new Outcome(ErrorCode.OK, "ok", data);
    }

    static Outcome of(ErrorCode code, String message, JsonNode data) {
        return new Outcome(code, message, data);
    }

    static Outcome error(ErrorCode code, String message) {
        return new Outcome(code, message, null);
    }
}
