package org.haochaping.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.haochaping.rules.Violation;
import org.haochaping.transport.ErrorBodyParser;
import org.haochaping.transport.PlatformError;
import org.haochaping.transport.TransportResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the platform's response envelope and per-record results (interface-spec 5.1-5.3, 5.7). */
final class PlatformResponses {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The envelope's error code and message, for the transport's {@link org.haochaping.transport.ServiceException}. */
    static final ErrorBodyParser ERRORS = PlatformResponses::error;

    private PlatformResponses() {
    }

    private static Optional<PlatformError> error(TransportResponse response) {
        try {
            JsonNode root = JSON.readTree(response.body());
            if (root != null && root.path("code").isTextual()) {
                JsonNode message = root.get("message");
                JsonNode requestId = root.get("requestId");
                return Optional.of(new PlatformError(root.get("code").textValue(),
                        message != null && message.isTextual() ? message.textValue() : null,
                        requestId != null && requestId.isTextual() ? requestId.textValue() : null));
            }
            if (root != null && root.has("success") && root.path("code").isValueNode()) {
                JsonNode message = root.get("errorMessage");
                return Optional.of(new PlatformError(root.get("code").asText(),
                        message != null && message.isTextual() ? message.textValue() : null));
            }
        } catch (IOException | RuntimeException notTheEnvelope) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The {@code data} of a unified envelope whose {@code code} is {@code OK}. */
    static JsonNode data(byte[] body) {
        JsonNode root = tree(body);
        if (!"OK".equals(root.path("code").asText(null))) {
            throw new MalformedResponseException("a 2xx response whose envelope code is not OK");
        }
        JsonNode data = root.get("data");
        if (data == null || data.isNull()) {
            throw new MalformedResponseException("the response envelope has no data");
        }
        return data;
    }

    static String requestId(byte[] body) {
        JsonNode id = tree(body).get("requestId");
        return id != null && id.isTextual() ? id.textValue() : null;
    }

    /** The national answer: {@code {"success": true, "code": "200", "errorMessage": null, "data": [results]}}. */
    static JsonNode nationalData(byte[] body) {
        JsonNode root = tree(body);
        if (!root.path("success").asBoolean(false)) {
            throw new MalformedResponseException("a 2xx national response that does not report success");
        }
        return root.path("data");
    }

    /** How many records a submission body holds: the array itself ({@code field} null) or the array in {@code field}. */
    static int recordCount(byte[] body, String field) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("a submission body is JSON", e);
        }
        JsonNode records = field == null ? root : root == null ? null : root.get(field);
        if (records == null || !records.isArray()) {
            throw new IllegalArgumentException("a submission body holds an array of records");
        }
        return records.size();
    }

    /**
     * The per-record results, in request order. The platform must answer every record it was sent exactly once
     * ({@code index} 0 to n-1): a result set that leaves one out, repeats one or names one that was not sent is
     * refused, so that nobody on the path can make a terminal drop records with an empty or partial answer.
     */
    static SubmissionResult submission(String requestId, JsonNode results, int sent) {
        if (!results.isArray()) {
            throw new MalformedResponseException("the response has no array of per-record results");
        }
        if (results.size() != sent) {
            throw new MalformedResponseException("the response answers " + results.size() + " of the " + sent
                    + " records sent (interface-spec 5.1: one result per record)");
        }
        RecordResult[] byIndex = new RecordResult[sent];
        for (JsonNode r : results) {
            RecordStatus status;
            try {
                status = RecordStatus.valueOf(r.path("status").asText(""));
            } catch (IllegalArgumentException e) {
                throw new MalformedResponseException("a record result has no known status");
            }
            List<Violation> violations = new ArrayList<>();
            for (JsonNode v : r.path("violations")) {
                violations.add(new Violation(v.path("path").asText(""), v.path("rule").asText(""),
                        v.path("message").asText("")));
            }
            JsonNode index = r.get("index");
            if (index == null || !index.canConvertToInt() || !index.isIntegralNumber() || index.intValue() < 0
                    || index.intValue() >= sent || byIndex[index.intValue()] != null) {
                throw new MalformedResponseException("a record result's index is missing, repeated or not one of the "
                        + sent + " records sent (interface-spec 5.1)");
            }
            byIndex[index.intValue()] = new RecordResult(index.intValue(), status, text(r, "caseNo"),
                    text(r, "evaluationNo"), text(r, "workOrderNo"), violations);
        }
        List<RecordResult> out = new ArrayList<>(sent);
        for (RecordResult r : byIndex) {
            out.add(r);
        }
        return new SubmissionResult(requestId, out);
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    static JsonNode tree(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new MalformedResponseException("the response body is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException("the response body is not JSON (line "
                    + (e.getLocation() == null ? 0 : e.getLocation().getLineNr()) + ")");
        } catch (IOException e) {
            throw new MalformedResponseException("the response body cannot be read", e);
        }
    }

    static <T> T value(JsonNode node, Class<T> type, String what) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedResponseException("the response's " + what + " cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }
}
