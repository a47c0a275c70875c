package org.haochaping.wire;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.Evaluation;
import org.haochaping.rules.EvaluationPolicy;
import org.haochaping.rules.Violation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
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
    /** Reads one value from a parser that stands on it; what follows is checked by {@link #parse}. */
    private static final ObjectReader VALUE = JSON.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final WireProfile profile;
    private final EvaluationPolicy policy;
    private final PayloadLimits limits;

    private PayloadCodec(WireProfile profile, EvaluationPolicy policy, PayloadLimits limits) {
        this.profile = profile;
        this.policy = policy;
        this.limits = limits;
    }

    /** A codec with the {@link PayloadLimits#defaults() default limits}. */
    public static PayloadCodec of(WireProfile profile) {
        return of(profile, PayloadLimits.defaults());
    }

    /** A codec that refuses payloads over the given limits with a {@link PayloadLimitException}. */
    public static PayloadCodec of(WireProfile profile, PayloadLimits limits) {
        if (profile == null || limits == null) {
            throw new IllegalArgumentException("profile and limits are required");
        }
        return of(profile, EvaluationPolicy.standard(), limits);
    }

    /** A codec that applies {@code policy} (its clock and calendar) to what it reads, with the default limits. */
    public static PayloadCodec of(WireProfile profile, EvaluationPolicy policy) {
        return of(profile, policy, PayloadLimits.defaults());
    }

    /** A codec that applies {@code policy} (its clock and calendar) and refuses payloads over {@code limits}. */
    public static PayloadCodec of(WireProfile profile, EvaluationPolicy policy, PayloadLimits limits) {
        if (profile == null || policy == null || limits == null) {
            throw new IllegalArgumentException("profile, policy and limits are required");
        }
        return new PayloadCodec(profile, policy, limits);
    }

    public WireProfile profile() {
        return profile;
    }

    public PayloadLimits limits() {
        return limits;
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
        Parsed parsed = parse(json);
        if (parsed.array) {
            throw new MalformedPayloadException("expected one JSON object", 1, 1);
        }
        return decodeEvaluation(parsed.items.get(0), "").orThrow();
    }

    /** Reads one case object and checks it. */
    public CaseRecord readCase(String json) {
        Parsed parsed = parse(json);
        if (parsed.array) {
            throw new MalformedPayloadException("expected one JSON object", 1, 1);
        }
        return decodeCase(parsed.items.get(0), "").orThrow();
    }

    /**
     * Reads every evaluation of a payload (an object or an array) with all its violations; paths of array elements
     * start with {@code [i]}. Throws only {@link MalformedPayloadException}, for text that is not JSON, and its
     * subclass {@link PayloadLimitException}, for a payload over the {@link #limits()}.
     */
    public List<Decoded<Evaluation>> decodeEvaluations(String json) {
        List<Decoded<Evaluation>> out = new ArrayList<>();
        Parsed parsed = parse(json);
        for (int i = 0; i < parsed.items.size(); i++) {
            out.add(decodeEvaluation(parsed.items.get(i), parsed.array ? "[" + i + "]" : ""));
        }
        return out;
    }

    /** As {@link #decodeEvaluations(String)}, for case records. */
    public List<Decoded<CaseRecord>> decodeCases(String json) {
        List<Decoded<CaseRecord>> out = new ArrayList<>();
        Parsed parsed = parse(json);
        for (int i = 0; i < parsed.items.size(); i++) {
            out.add(decodeCase(parsed.items.get(i), parsed.array ? "[" + i + "]" : ""));
        }
        return out;
    }

    // The same four reads from bytes (UTF-8), a byte stream (UTF-8) and a character stream. A stream is read up to
    // just past maxInputBytes and is not closed: the caller opened it.

    /** As {@link #readEvaluation(String)}, from UTF-8 bytes. */
    public Evaluation readEvaluation(byte[] json) {
        return readEvaluation(payloadText(json));
    }

    /** As {@link #readEvaluation(String)}, from a UTF-8 byte stream. */
    public Evaluation readEvaluation(InputStream json) {
        return readEvaluation(payloadText(json));
    }

    /** As {@link #readEvaluation(String)}, from a character stream. */
    public Evaluation readEvaluation(Reader json) {
        return readEvaluation(payloadText(json));
    }

    /** As {@link #readCase(String)}, from UTF-8 bytes. */
    public CaseRecord readCase(byte[] json) {
        return readCase(payloadText(json));
    }

    /** As {@link #readCase(String)}, from a UTF-8 byte stream. */
    public CaseRecord readCase(InputStream json) {
        return readCase(payloadText(json));
    }

    /** As {@link #readCase(String)}, from a character stream. */
    public CaseRecord readCase(Reader json) {
        return readCase(payloadText(json));
    }

    /** As {@link #decodeEvaluations(String)}, from UTF-8 bytes. */
    public List<Decoded<Evaluation>> decodeEvaluations(byte[] json) {
        return decodeEvaluations(payloadText(json));
    }

    /** As {@link #decodeEvaluations(String)}, from a UTF-8 byte stream. */
    public List<Decoded<Evaluation>> decodeEvaluations(InputStream json) {
        return decodeEvaluations(payloadText(json));
    }

    /** As {@link #decodeEvaluations(String)}, from a character stream. */
    public List<Decoded<Evaluation>> decodeEvaluations(Reader json) {
        return decodeEvaluations(payloadText(json));
    }

    /** As {@link #decodeCases(String)}, from UTF-8 bytes. */
    public List<Decoded<CaseRecord>> decodeCases(byte[] json) {
        return decodeCases(payloadText(json));
    }

    /** As {@link #decodeCases(String)}, from a UTF-8 byte stream. */
    public List<Decoded<CaseRecord>> decodeCases(InputStream json) {
        return decodeCases(payloadText(json));
    }

    /** As {@link #decodeCases(String)}, from a character stream. */
    public List<Decoded<CaseRecord>> decodeCases(Reader json) {
        return decodeCases(payloadText(json));
    }

    /** Strict UTF-8: a malformed byte is refused, never replaced by U+FFFD. */
    private String payloadText(byte[] json) {
        if (json == null) {
            throw new MalformedPayloadException("no payload", 0, 0);
        }
        if (json.length > limits.maxInputBytes()) {
            throw new PayloadLimitException("payload is larger than " + limits.maxInputBytes() + " bytes",
                    "maxInputBytes", 0, 0);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(json)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedPayloadException("not valid UTF-8", 0, 0);
        }
    }

    private String payloadText(InputStream json) {
        if (json == null) {
            throw new MalformedPayloadException("no payload", 0, 0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = json.read(buffer); n >= 0 && out.size() <= limits.maxInputBytes(); n = json.read(buffer)) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new MalformedPayloadException("cannot read the payload: " + e.getClass().getSimpleName(), 0, 0);
        }
        return payloadText(out.toByteArray());
    }

    /** Over maxInputBytes characters is over maxInputBytes bytes (a character is at least one byte in UTF-8). */
    private String payloadText(Reader json) {
        if (json == null) {
            throw new MalformedPayloadException("no payload", 0, 0);
        }
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            for (int n = json.read(buffer); n >= 0 && out.length() <= limits.maxInputBytes(); n = json.read(buffer)) {
                out.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new MalformedPayloadException("cannot read the payload: " + e.getClass().getSimpleName(), 0, 0);
        }
        if (out.length() > limits.maxInputBytes()) {
            throw new PayloadLimitException("payload is larger than " + limits.maxInputBytes() + " bytes",
                    "maxInputBytes", 0, 0);
        }
        return out.toString();
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

    /** The records of a payload: one object, or the elements of the top-level array. */
    private static final class Parsed {
        final boolean array;
        final List<JsonNode> items;

        Parsed(boolean array, List<JsonNode> items) {
            this.array = array;
            this.items = items;
        }
    }

    /**
     * Streams the payload record by record under the limits, so that a payload over a limit is refused before it
     * is held in memory as a tree.
     */
    private Parsed parse(String json) {
        if (json == null) {
            throw new MalformedPayloadException("no payload", 0, 0);
        }
        long bytes = utf8Length(json, limits.maxInputBytes());
        if (bytes > limits.maxInputBytes()) {
            throw new PayloadLimitException("payload is larger than " + limits.maxInputBytes() + " bytes",
                    "maxInputBytes", 0, 0);
        }
        try (JsonParser p = new LimitedParser(JSON.getFactory().createParser(json), limits)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new MalformedPayloadException("empty payload: expected a JSON object or array", 1, 1);
            }
            Parsed parsed;
            if (first == JsonToken.START_OBJECT) {
                parsed = new Parsed(false, Collections.singletonList((JsonNode) VALUE.readTree(p)));
            } else if (first == JsonToken.START_ARRAY) {
                List<JsonNode> items = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (t == null) {
                        JsonLocation at = p.currentLocation();
                        throw new MalformedPayloadException("not valid JSON: the array is not closed",
                                at.getLineNr(), at.getColumnNr());
                    }
                    if (items.size() == limits.maxRecords()) {
                        JsonLocation at = p.currentTokenLocation();
                        throw new PayloadLimitException("more than " + limits.maxRecords() + " records", "maxRecords",
                                at.getLineNr(), at.getColumnNr());
                    }
                    JsonNode item = VALUE.readTree(p);
                    items.add(item == null ? NullNode.getInstance() : item);
                }
                parsed = new Parsed(true, items);
            } else {
                throw new MalformedPayloadException("expected a JSON object or array", 1, 1);
            }
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new MalformedPayloadException("not valid JSON: more content after the payload",
                        at.getLineNr(), at.getColumnNr());
            }
            return parsed;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new MalformedPayloadException("not valid JSON: " + withoutQuotedInput(e.getOriginalMessage()),
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
        } catch (IOException e) {
            throw new MalformedPayloadException("cannot read the payload: " + e.getClass().getSimpleName(), 0, 0);
        }
    }

    /** The UTF-8 length of the text, counted only up to just past {@code cap}. */
    private static long utf8Length(String text, int cap) {
        if ((long) text.length() * 3 <= cap) {
            return text.length(); // cannot be over the cap: at most 3 bytes per char
        }
        long bytes = 0;
        for (int i = 0; i < text.length() && bytes <= cap; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
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
