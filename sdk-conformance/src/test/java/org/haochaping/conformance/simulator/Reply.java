package org.haochaping.conformance.simulator;

import java.net.http.HttpHeaders;

import com.fasterxml.jackson.databind.JsonNode;

/** A response of the simulator as a test client saw it: status, headers, the parsed envelope. */
record Reply(int status, HttpHeaders headers, JsonNode json, String text) {

    String code() {
        return json.path("code").asText();
    }

    String message() {
        return json.path("message").asText();
    }

    JsonNode data() {
        return json.path("data");
    }

    /** {@code data.results[i]}. */
    JsonNode result(int i) {
        return json.path("data").path("results").path(i);
    }
}
