package org.haochaping.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.Evaluation;
import org.haochaping.wire.internal.WireTrees;

/**
 * A wire profile maps the one domain model to JSON field names and code tables: {@link #unified()} (this SDK's
 * documented interface) or {@link #national(SatisfactionCodes, ChannelCodes)} (the flat national report style).
 * A profile is chosen here and used through {@link PayloadCodec}, which reads and writes the text (a
 * {@code String}, {@code byte[]}, {@code Reader} or {@code InputStream}), arrays and the rules.
 * Implementations are immutable and thread-safe.
 */
public abstract class WireProfile {

    static {
        WireTrees.grant(new WireTrees.Access() {
            @Override
            public ObjectNode writeEvaluation(WireProfile profile, Evaluation evaluation) {
                return profile.writeEvaluation(evaluation);
            }

            @Override
            public ObjectNode writeCase(WireProfile profile, CaseRecord caseRecord) {
                return profile.writeCase(caseRecord);
            }

            @Override
            public Decoded<Evaluation> readEvaluation(WireProfile profile, JsonNode node, String path) {
                return profile.readEvaluation(node, path);
            }

            @Override
            public Decoded<CaseRecord> readCase(WireProfile profile, JsonNode node, String path) {
                return profile.readCase(node, path);
            }
        });
    }

    WireProfile() {
    }

    /** This SDK's own interface: nested, ISO-8601 times with offset, enum names as codes. */
    public static WireProfile unified() {
        return UnifiedProfile.INSTANCE;
    }

    /** The national report style with the common tables (satisfaction 1 非常不满意 … 5 非常满意, pf variant A). */
    public static WireProfile national() {
        return national(SatisfactionCodes.NATIONAL_REPORT, ChannelCodes.VARIANT_A);
    }

    /** The national report style with the named code tables of a province. */
    public static WireProfile national(SatisfactionCodes satisfaction, ChannelCodes channels) {
        return new NationalProfile(satisfaction, channels);
    }

    /** The profile's name as the command line and configuration spell it: {@code unified} or {@code national}. */
    public abstract String name();

    // The JSON trees below are not API (Jackson types stay out of the public surface): read and write payload text
    // with PayloadCodec; this SDK's own modules reach the trees through org.haochaping.wire.internal.WireTrees.

    /**
     * Writes an evaluation with its case.
     *
     * @throws org.haochaping.rules.ValidationException when the evaluation uses something the profile's code
     *     tables cannot express (e.g. a channel without a national {@code pf} code)
     */
    abstract ObjectNode writeEvaluation(Evaluation evaluation);

    abstract ObjectNode writeCase(CaseRecord caseRecord);

    /** Reads an evaluation; format violations are reported with paths under {@code path}, never thrown. */
    abstract Decoded<Evaluation> readEvaluation(JsonNode node, String path);

    /** Reads a case record; format violations are reported with paths under {@code path}, never thrown. */
    abstract Decoded<CaseRecord> readCase(JsonNode node, String path);

    /**
     * The path of a field in this profile's JSON for a path of the model (as rule violations name them, e.g.
     * {@code case.caseNo} or {@code indicators[1]}), so that a violation points at the field the sender wrote.
     */
    public String wirePath(String modelPath) {
        return modelPath;
    }

    /** The profile with the given name and default tables. */
    public static WireProfile named(String name) {
        if ("unified".equals(name)) {
            return unified();
        }
        if ("national".equals(name)) {
            return national();
        }
        throw new IllegalArgumentException("unknown wire profile '" + name + "': use unified or national");
    }

    @Override
    public String toString() {
        return name();
    }
}
