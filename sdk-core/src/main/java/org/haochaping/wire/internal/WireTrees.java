package org.haochaping.wire.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.Evaluation;
import org.haochaping.wire.Decoded;
import org.haochaping.wire.PayloadCodec;
import org.haochaping.wire.WireProfile;

/**
 * Not API: may change in any release without notice. The JSON trees of a {@link WireProfile}, for this SDK's own
 * modules that assemble request bodies or test vectors from records (the client, the conformance kit). Applications
 * read and write payload text with {@link PayloadCodec}, which keeps Jackson out of their code.
 */
public final class WireTrees {

    /** What {@link WireProfile} lends this class; granted once, by {@link WireProfile} itself. */
    public interface Access {
        ObjectNode writeEvaluation(WireProfile profile, Evaluation evaluation);

        ObjectNode writeCase(WireProfile profile, CaseRecord caseRecord);

        Decoded<Evaluation> readEvaluation(WireProfile profile, JsonNode node, String path);

        Decoded<CaseRecord> readCase(WireProfile profile, JsonNode node, String path);
    }

    private static volatile Access access;

    private WireTrees() {
    }

    /** Called once, by {@link WireProfile}'s class initialiser (every profile instance has run it). */
    public static synchronized void grant(Access granted) {
        if (access != null || granted == null
                || !granted.getClass().getName().startsWith(WireProfile.class.getName() + "$")) {
            throw new IllegalStateException("only WireProfile grants access to its JSON trees, once");
        }
        access = granted;
    }

    /** One evaluation as the profile's JSON object (see {@link PayloadCodec#write(Evaluation)}). */
    public static ObjectNode writeEvaluation(WireProfile profile, Evaluation evaluation) {
        return access.writeEvaluation(profile, evaluation);
    }

    /** One case record as the profile's JSON object (see {@link PayloadCodec#writeCase(CaseRecord)}). */
    public static ObjectNode writeCase(WireProfile profile, CaseRecord caseRecord) {
        return access.writeCase(profile, caseRecord);
    }

    /** The profile's format reading of one object, without the rules; violations under {@code path}. */
    public static Decoded<Evaluation> readEvaluation(WireProfile profile, JsonNode node, String path) {
        return access.readEvaluation(profile, node, path);
    }

    /** As {@link #readEvaluation}, for a case record. */
    public static Decoded<CaseRecord> readCase(WireProfile profile, JsonNode node, String path) {
        return access.readCase(profile, node, path);
    }
}
