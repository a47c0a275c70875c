package org.haochaping.conformance.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.Sm3;
import org.haochaping.crypto.cipher.Sm2Decryptor;
import org.haochaping.crypto.envelope.EnvelopeOpener;
import org.haochaping.crypto.envelope.NationalEnvelope;
import org.haochaping.crypto.envelope.OpenedEnvelope;
import org.haochaping.model.Evaluation;
import org.haochaping.wire.Decoded;
import org.haochaping.wire.MalformedPayloadException;
import org.haochaping.rules.EvaluationPolicy;
import org.haochaping.wire.PayloadCodec;
import org.haochaping.wire.WireProfile;

/**
 * {@code POST /v1/national/evaluations} (docs/interface-spec.md, 5.7): the national report style. The body is
 * the national envelope, opened with the platform's private key ({@link EnvelopeOpener}: registered
 * {@code appMark}, time within ±5 minutes, {@code sign}, replay); its records are national-profile evaluations
 * counted like those of the unified endpoint. The answer has the national shape and is not signed;
 * {@code code} is the HTTP status as a string. Thread-safe.
 */
final class NationalEndpoint {

    static final String PATH = "/v1/national/evaluations";
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]{1,64}");

    private final EnvelopeOpener opener;
    private final Sm2Decryptor peek;
    private final CentralPlatform core;
    private final PayloadCodec codec;

    /**
     * What identifies one national write across its attempts, read from an envelope without the opener's checks:
     * {@code digest} is SM3 over the method, path and the records {@code params.data} opens to, each without its
     * {@code evaluationId}; {@code key} the records' evaluation ids ({@code -} for none), what the platform
     * de-duplicates national records by and what must stay the same on a retry; {@code seal} the envelope's
     * {@code sign} and {@code time} its time, both made anew for every attempt (interface-spec 4, "National envelope").
     */
    record Identity(String digest, String key, String seal, String time) {
    }

    NationalEndpoint(EnvelopeOpener opener, Sm2Decryptor peek, CentralPlatform core, EvaluationPolicy policy) {
        this.opener = opener;
        this.peek = peek;
        this.core = core;
        this.codec = PayloadCodec.of(WireProfile.national(), policy);
    }

    void registerApp(String appMark, String appWord) {
        opener.registerApp(appMark, appWord);
    }

    SimResponse handle(SimRequest r) {
        String appMark = null;
        try {
            if (!"POST".equals(r.method)) {
                throw new ApiException(ErrorCode.NOT_FOUND, "no endpoint " + r.method + " " + PATH + " (it takes POST)");
            }
            NationalEnvelope envelope;
            OpenedEnvelope opened;
            try {
                envelope = NationalEnvelope.fromJson(r.body);
                appMark = envelope.appMark() != null && PRINTABLE.matcher(envelope.appMark()).matches() ? envelope.appMark() : null;
                opened = opener.open(envelope);
            } catch (CryptoException e) {
                throw new ApiException(codeOf(e.reason()), e.getMessage());
            }
            List<Decoded<Evaluation>> decoded;
            try {
                decoded = codec.decodeEvaluations(opened.recordsText());
            } catch (MalformedPayloadException e) {
                throw new ApiException(ErrorCode.INVALID_REQUEST, "params.data does not hold a JSON array of records: " + e.getMessage());
            }
            Endpoints.checkCount(decoded.size());
            List<RecordResult> results = core.submitEvaluations(appMark, codec.profile().name(), PATH, Submitted.ofArray(decoded));
            Outcome outcome = Endpoints.submission(results, false);
            int counted = 0;
            for (RecordResult result : results) {
                counted += result.status == RecordResult.Status.ACCEPTED ? 1 : 0;
            }
            SimResponse answered = answer(outcome.code, outcome.code == ErrorCode.OK ? null : outcome.message,
                    Endpoints.resultsJson(results, false), appMark, null);
            return new SimResponse(answered.status, answered.headers, answered.body, answered.code, answered.message,
                    answered.sender, false, counted);
        } catch (ApiException e) {
            return answer(e.code(), e.getMessage(), null, appMark, null);
        }
    }

    /**
     * The identity of the national write {@code r} carries, or {@code null} when it is no envelope whose
     * {@code params.data} opens to a JSON array under the platform key. Checks nothing else (time, {@code sign},
     * replay: {@link #handle} does): an attempt the platform refuses is still an attempt of its write.
     */
    Identity identify(SimRequest r) {
        try {
            NationalEnvelope envelope = NationalEnvelope.fromJson(r.body);
            JsonNode records = Json.read(peek.decrypt(java.util.HexFormat.of().parseHex(envelope.data())));
            if (!records.isArray()) {
                return null;
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode record : records) {
                JsonNode id = record.isObject() ? ((ObjectNode) record).remove("evaluationId") : null;
                ids.add(id == null || !id.isTextual() ? "-" : id.textValue());
            }
            byte[] line = (r.method + ' ' + r.path + '\n').getBytes(StandardCharsets.UTF_8);
            byte[] recordsBytes = Json.write(records);
            byte[] all = new byte[line.length + recordsBytes.length];
            System.arraycopy(line, 0, all, 0, line.length);
            System.arraycopy(recordsBytes, 0, all, line.length, recordsBytes.length);
            return new Identity(Sm3.hex(all), String.join(",", ids), envelope.sign(), envelope.time());
        } catch (RuntimeException notAnEnvelope) {
            return null;   // CryptoException, ApiException, malformed JSON: nothing to identify
        }
    }

    /**
     * A tampered national answer (fault injection): without the last record's result ({@code dropLast}), or with the
     * last result's {@code index} changed to one past the records sent. Unsigned answers cannot be proven forged, but
     * one that does not answer every record sent exactly once is no answer (5.1, 5.7).
     */
    static SimResponse tampered(SimResponse s, boolean dropLast) {
        JsonNode root;
        try {
            root = Json.read(s.body);
        } catch (RuntimeException notJson) {
            return s;
        }
        JsonNode data = root.path("data");
        if (!root.isObject() || !data.isArray() || data.size() == 0) {
            return s;
        }
        com.fasterxml.jackson.databind.node.ArrayNode results = (com.fasterxml.jackson.databind.node.ArrayNode) data;
        if (dropLast) {
            results.remove(results.size() - 1);
        } else if (results.get(results.size() - 1).isObject()) {
            ((ObjectNode) results.get(results.size() - 1)).put("index", results.size());
        }
        return s.withBody(Json.write(root));
    }

    /** An injected fault's answer, in the national shape. */
    SimResponse injectedError(SimRequest r, int status, String message, long retryAfterSeconds) {
        ErrorCode code = status == 429 ? ErrorCode.RATE_LIMITED : ErrorCode.forServerError(status);
        return new SimResponse(status, headers(status == 429 ? Long.toString(retryAfterSeconds) : null),
                body(status, false, message, null), code, message, null, false);
    }

    private static SimResponse answer(ErrorCode code, String errorMessage, JsonNode data,
            String appMark, String retryAfter) {
        int status = code.httpStatus();
        return new SimResponse(status, headers(retryAfter), body(status, code == ErrorCode.OK, errorMessage, data), code,
                errorMessage == null ? "ok" : errorMessage, appMark, false);
    }

    private static Map<String, String> headers(String retryAfter) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", PlatformHttp.JSON_UTF8);
        if (retryAfter != null) {
            h.put(PlatformHttp.RETRY_AFTER, retryAfter);
        }
        return Collections.unmodifiableMap(h);
    }

    /** {@code {"success": ..., "code": "200", "errorMessage": ..., "data": [...]}}. */
    private static byte[] body(int status, boolean success, String errorMessage, JsonNode data) {
        ObjectNode o = Json.object();
        o.put("success", success);
        o.put("code", Integer.toString(status));
        if (errorMessage == null) {
            o.putNull("errorMessage");
        } else {
            o.put("errorMessage", errorMessage);
        }
        if (data == null) {
            o.putNull("data");
        } else {
            o.set("data", data);
        }
        return Json.write(o);
    }

    private static ErrorCode codeOf(CryptoException.Reason reason) {
        switch (reason) {
            case UNKNOWN_KEY:
                return ErrorCode.UNKNOWN_APP;
            case EXPIRED:
                return ErrorCode.TIMESTAMP_EXPIRED;
            case REPLAYED:
                return ErrorCode.NONCE_REPLAYED;
            case SIGNATURE_INVALID:
                return ErrorCode.SIGNATURE_INVALID;
            default:
                return ErrorCode.INVALID_REQUEST;
        }
    }
}
