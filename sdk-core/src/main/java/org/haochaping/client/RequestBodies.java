package org.haochaping.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haochaping.badreview.Actor;
import org.haochaping.badreview.FollowUpResult;
import org.haochaping.badreview.WorkOrderAction;
import org.haochaping.calendar.ShanghaiTime;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.Evaluation;
import org.haochaping.scorecard.UnevaluatedRecord;
import org.haochaping.wire.WireProfile;
import org.haochaping.wire.internal.WireTrees;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * The JSON request bodies of the central interface, records checked by the {@link RuleCheck} first. A national
 * submission body is the array of national records only: the envelope is sealed per attempt (5.7).
 */
final class RequestBodies {

    static final String JSON_TYPE = "application/json; charset=utf-8";

    private final RuleCheck rules;
    private final boolean national;

    RequestBodies(RuleCheck rules, boolean national) {
        this.rules = rules;
        this.national = national;
    }

    byte[] evaluations(List<Evaluation> evaluations) {
        rules.evaluations(evaluations);
        if (national) {
            // The records only: an envelope sealed here would go stale in an outbox (its time and sign are
            // accepted once and for five minutes).
            ArrayNode records = PlatformResponses.JSON.createArrayNode();
            for (Evaluation e : evaluations) {
                records.add(WireTrees.writeEvaluation(WireProfile.national(), e));
            }
            return bytes(records);
        }
        return records(evaluations, e -> WireTrees.writeEvaluation(WireProfile.unified(), e));
    }

    byte[] cases(List<CaseRecord> cases) {
        rules.cases(cases);
        return records(cases, c -> WireTrees.writeCase(WireProfile.unified(), c));
    }

    /** {@code {"records": [...]}} in the form of spec section 2. */
    static byte[] unevaluated(List<UnevaluatedRecord> records) {
        RuleCheck.count(records);
        return records(records, r -> (ObjectNode) PlatformResponses.JSON.valueToTree(r));
    }

    static byte[] action(WorkOrderAction action, Actor actor, OffsetDateTime at) {
        ObjectNode body = PlatformResponses.JSON.valueToTree(action);
        body.set("actor", PlatformResponses.JSON.valueToTree(actor));
        body.put("at", ShanghaiTime.format(at));
        return bytes(body);
    }

    static byte[] followUp(FollowUpResult result, Actor actor, OffsetDateTime at) {
        ObjectNode body = PlatformResponses.JSON.createObjectNode();
        body.put("result", result.name());
        body.set("actor", PlatformResponses.JSON.valueToTree(actor));
        body.put("at", ShanghaiTime.format(at));
        return bytes(body);
    }

    /** Whether a body is a JSON array: the national submission body, not an envelope sealed when queued. */
    static boolean isArray(byte[] json) {
        for (byte b : json) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '[';
            }
        }
        return false;
    }

    private static <T> byte[] records(List<T> items, Function<T, ObjectNode> write) {
        ObjectNode root = PlatformResponses.JSON.createObjectNode();
        ArrayNode records = root.putArray("records");
        for (T item : items) {
            records.add(write.apply(item));
        }
        return bytes(root);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return PlatformResponses.JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }
}
