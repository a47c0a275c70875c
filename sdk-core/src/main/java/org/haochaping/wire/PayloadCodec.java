package org.haochaping.wire;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.Evaluation;
import org.haochaping.rules.EvaluationPolicy;
import org.haochaping.rules.Violation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes payload text in one {@link WireProfile}, and applies the evaluation rules to what it reads, so
 * that a payload is either accepted whole or refused with every violation (format and rules) at once. A payload is
 * one JSON object or an array of them. Immutable and thread-safe.
 *
 * <pre>{@code
 * PayloadCodec codec = PayloadCodec.of(WireProfile.national());
 * String json = codec.write(evaluation);
 * Evaluation back = codec.readEvaluation(json);   // ValidationException / MalformedPayloadException
 * }</pre>
 */
public final class PayloadCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final WireProfile profile;
    private final EvaluationPolicy policy;

    private PayloadCodec(WireProfile profile, EvaluationPolicy policy) {
        this.profile = profile;
        this.policy = policy;
    }

    public static PayloadCodec of(WireProfile profile) {
        return new PayloadCodec(profile, EvaluationPolicy.standard());
    }

    /** A codec that applies {@code policy} (its clock and calendar) to what it reads. */
    public static PayloadCodec of(WireProfile profile, EvaluationPolicy policy) {
        if (profile == null || policy == null) {
            throw new IllegalArgumentException("profile and policy are required");
        }
        return new PayloadCodec(profile, policy);
    }

    public WireProfile profile() {
        return profile;
    }

    /** One evaluation as a JSON object. Does not check the rules: use {@link EvaluationPolicy#check} for that. */
    public String write(Evaluation evaluation) {
        return text(profile.writeEvaluation(evaluation));
    }

    /** Evaluations as a JSON array. */
    public String writeAll(List<Evaluation> evaluations) {
        ArrayNode a = JSON.createArrayNode();
        for (Evaluation e : evaluations) {
            a.add(profile.writeEvaluation(e));
        }
        return text(a);
    }

    public String writeCase(CaseRecord caseRecord) {
        return text(profile.writeCase(caseRecord));
    }

    /** Evaluations written as a pretty-printed JSON array, for people. */
    public String writePretty(List<Evaluation> evaluations) {
        ArrayNode a = JSON.createArrayNode();
        for (Evaluation e : evaluations) {
            a.add(profile.writeEvaluation(e));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /** Reads one evaluation object and checks it. */
    public Evaluation readEvaluation(String json) {
        JsonNode node = parse(json);
        if (!node.isObject()) {
            throw new MalformedPayloadException("expected one JSON object", 1, 1);
        }
        return decodeEvaluation(node, "").orThrow();
    }

    /** Reads one case object and checks it. */
    public CaseRecord readCase(String json) {
        JsonNode node = parse(json);
        if (!node.isObject()) {
            throw new MalformedPayloadException("expected one JSON object", 1, 1);
        }
        return decodeCase(node, "").orThrow();
    }

    /**
     * Reads every evaluation of a payload (an object or an array) with all its violations; paths of array elements
     * start with {@code [i]}. Throws only {@link MalformedPayloadException}, for text that is not JSON.
     */
    public List<Decoded<Evaluation>> decodeEvaluations(String json) {
        List<Decoded<Evaluation>> out = new ArrayList<>();
        JsonNode node = parse(json);
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(decodeEvaluation(node.get(i), "[" + i + "]"));
            }
        } else {
            out.add(decodeEvaluation(node, ""));
        }
        return out;
    }

    /** As {@link #decodeEvaluations(String)}, for case records. */
    public List<Decoded<CaseRecord>> decodeCases(String json) {
        List<Decoded<CaseRecord>> out = new ArrayList<>();
        JsonNode node = parse(json);
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(decodeCase(node.get(i), "[" + i + "]"));
            }
        } else {
            out.add(decodeCase(node, ""));
        }
        return out;
    }

    private Decoded<Evaluation> decodeEvaluation(JsonNode node, String path) {
        Decoded<Evaluation> wire = profile.readEvaluation(node, path);
        if (wire.value() == null) {
            return wire;
        }
        return merge(wire, policy.violations(wire.value()), path, profile);
    }

    private Decoded<CaseRecord> decodeCase(JsonNode node, String path) {
        Decoded<CaseRecord> wire = profile.readCase(node, path);
        if (wire.value() == null) {
            return wire;
        }
        List<Violation> rules = new ArrayList<>();
        for (Violation v : policy.violations(wire.value())) {
            // Case rules name fields of the case object; in a flat profile they live beside the evaluation's.
            rules.add(profile instanceof NationalProfile ? v.under("case") : v);
        }
        return merge(wire, rules, path, profile);
    }

    /**
     * Wire violations first, then the rules' violations at the profile's own field names; a rule violation on a field
     * that was already refused for its format is not repeated.
     */
    private static <T> Decoded<T> merge(Decoded<T> wire, List<Violation> rules, String path, WireProfile profile) {
        List<Violation> all = new ArrayList<>(wire.violations());
        Set<String> refused = new HashSet<>();
        for (Violation v : wire.violations()) {
            refused.add(v.path());
        }
        for (Violation v : rules) {
            String field = profile.wirePath(v.path());
            Violation placed = new Violation(path.isEmpty() ? field : path + "." + field, v.rule(), v.message());
            if (!refused.contains(placed.path())) {
                all.add(placed);
            }
        }
        return new Decoded<>(wire.value(), all);
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            throw new MalformedPayloadException("no payload", 0, 0);
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new MalformedPayloadException("empty payload: expected a JSON object or array", 1, 1);
            }
            if (!node.isObject() && !node.isArray()) {
                throw new MalformedPayloadException("expected a JSON object or array", 1, 1);
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new MalformedPayloadException("not valid JSON: " + withoutQuotedInput(e.getOriginalMessage()),
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
        } catch (IOException e) {
            throw new MalformedPayloadException("cannot read the payload: " + e.getClass().getSimpleName(), 0, 0);
        }
    }

    private static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /**
     * Jackson quotes the offending input ("Unrecognized token '...'") and names an unexpected character by its code
     * ("(code 24352 / 0x5f20)" for 张), either of which may be personal data.
     */
    private static String withoutQuotedInput(String message) {
        String first = message == null ? "" : message.split("\n")[0];
        return first.replaceAll("'[^']*'", "'…'").replaceAll(" ?\\(code [^)]*\\)", "").trim();
    }
}
