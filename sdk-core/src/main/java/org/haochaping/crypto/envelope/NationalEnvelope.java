package org.haochaping.crypto.envelope;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haochaping.crypto.CryptoException;

/**
 * The national-style envelope (see {@code shared/reference/field-survey.md}, "Security schemes seen"):
 * <pre>{"appMark": "...", "time": "yyyyMMddHHmmss", "sign": "...", "params": {"data": "..."}}</pre>
 * {@code sign} is the SM2 encryption of {@code time + appMark + appWord} under the platform key and
 * {@code params.data} the SM2 encryption of the JSON array of records. This class is the wire value
 * only; {@link EnvelopeSealer} makes one and {@link EnvelopeOpener} opens one. Immutable.
 */
public final class NationalEnvelope {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String appMark;
    private final String time;
    private final String sign;
    private final String data;

    public NationalEnvelope(String appMark, String time, String sign, String data) {
        this.appMark = require(appMark, "appMark");
        this.time = require(time, "time");
        this.sign = require(sign, "sign");
        this.data = require(data, "params.data");
    }

    public String appMark() {
        return appMark;
    }

    /** Sender time {@code yyyyMMddHHmmss}, China Standard Time. */
    public String time() {
        return time;
    }

    public String sign() {
        return sign;
    }

    /** The encrypted records, {@code params.data}. */
    public String data() {
        return data;
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("appMark", appMark);
        root.put("time", time);
        root.put("sign", sign);
        root.putObject("params").put("data", data);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a JSON tree cannot fail", e);
        }
    }

    /** Reads an envelope; unknown fields are ignored. */
    public static NationalEnvelope fromJson(byte[] json) {
        if (json == null) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "envelope JSON is missing");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "envelope is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "envelope must be a JSON object");
        }
        JsonNode params = root.get("params");
        return new NationalEnvelope(text(root, "appMark"), text(root, "time"), text(root, "sign"),
                params == null || !params.isObject() ? null : text(params, "data"));
    }

    public static NationalEnvelope fromJson(String json) {
        return fromJson(json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String require(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new CryptoException(CryptoException.Reason.MALFORMED, "envelope field " + field + " is missing or not a string");
        }
        return value;
    }

    @Override
    public String toString() {
        return "NationalEnvelope[appMark " + appMark + ", time " + time + ", data " + data.length() + " chars]";
    }
}
