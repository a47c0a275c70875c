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

    SimResponse(int status, Map<String, String> headers, byte[] body, ErrorCode code, String message, String sender,
            boolean idempotentReplay) {
        this.status = status;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = body;
        this.code = code;
        this.message = message;
        this.sender = sender;
        this.idempotentReplay = idempotentReplay;
    }
}
