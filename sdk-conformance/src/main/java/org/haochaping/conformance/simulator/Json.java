package org.haochaping.conformance.simulator;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haochaping.rules.Violation;

/** The simulator's JSON: strict reading (duplicate keys and trailing content refused), compact writing. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /**
     * Reads a request body.
     *
     * @throws ApiException {@code INVALID_REQUEST} naming line and column, never quoting the body (it may hold
     *     personal data)
     */
    static JsonNode read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "the request has no body; expected a JSON object");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ApiException(ErrorCode.INVALID_REQUEST, "the body is empty; expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ApiException(ErrorCode.INVALID_REQUEST, "the body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "the body cannot be read");
        }
    }

    static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a JSON tree cannot fail", e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode violations(List<Violation> violations) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Violation v : violations) {
            a.addObject().put("path", v.path()).put("rule", v.rule()).put("message", v.message());
        }
        return a;
    }
}
