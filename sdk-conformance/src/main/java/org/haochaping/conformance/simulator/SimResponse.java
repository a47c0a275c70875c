package org.haochaping.conformance.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response of the platform, with what it means for the observations. Immutable. */
final class SimResponse {

    final int status;
    final Map<String, String> headers;
    final byte[] body;
    final ErrorCode code;
    final String message;
    /** The sender the request named (app id or appMark) when well-formed, for the observations. */
    final String sender;
    final boolean idempotentReplay;
    /** How many records this answer counted as new (national envelopes); -1 when not known. */
    final int counted;

    SimResponse(int status, Map<String, String> headers, byte[] body, ErrorCode code, String message, String sender,
            boolean idempotentReplay) {
        this(status, headers, body, code, message, sender, idempotentReplay, -1);
    }

    SimResponse(int status, Map<String, String> headers, byte[] body, ErrorCode code, String message, String sender,
            boolean idempotentReplay, int counted) {
        this.status = status;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = body;
        this.code = code;
        this.message = message;
        this.sender = sender;
        this.idempotentReplay = idempotentReplay;
        this.counted = counted;
    }

    /** The same answer with another body (a tampered one: fault injection). */
    SimResponse withBody(byte[] tampered) {
        return new SimResponse(status, headers, tampered, code, message, sender, idempotentReplay, counted);
    }
}
