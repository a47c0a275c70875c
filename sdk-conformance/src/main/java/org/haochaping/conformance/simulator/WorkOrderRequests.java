package org.haochaping.conformance.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.haochaping.badreview.Actor;
import org.haochaping.badreview.ActorRole;
import org.haochaping.badreview.Category;
import org.haochaping.badreview.Dismissal;
import org.haochaping.badreview.Evidence;
import org.haochaping.badreview.FollowUpResult;
import org.haochaping.badreview.ReviewVerdict;
import org.haochaping.badreview.WorkOrderAction;
import org.haochaping.badreview.WorkOrderEventType;

/**
 * Reads the bodies of {@code POST /v1/work-orders/{no}/actions} and {@code .../follow-up}
 * (docs/interface-spec.md, 5.5) into a {@link WorkOrderAction}, its actor and its time. Fields that do not
 * belong to the action's type are refused, so a misspelt or misplaced field is never silently dropped.
 */
final class WorkOrderRequests {

    /** A parsed request: what, by whom, when. */
    static final class Parsed {
        final WorkOrderAction action;
        final Actor actor;
        final OffsetDateTime at;

        Parsed(WorkOrderAction action, Actor actor, OffsetDateTime at) {
            this.action = action;
            this.actor = actor;
            this.at = at;
        }
    }

    private final Clock clock;
    private final Duration allowedSkew;

    WorkOrderRequests(Clock clock, Duration allowedSkew) {
        this.clock = clock;
        this.allowedSkew = allowedSkew;
    }

    /** The body of {@code .../actions}: {@code type}, {@code actor}, optional {@code at} and {@code note}, and the type's own field. */
    Parsed action(JsonNode body) {
        requireObject(body);
        String typeName = text(body, "type", true);
        WorkOrderEventType type = enumValue(WorkOrderEventType.class, typeName, "type");
        if (type == WorkOrderEventType.OPEN) {
            throw invalid("type OPEN is the platform's own: it opens a work order for every accepted 差评 (Art. 18)");
        }
        if (type == WorkOrderEventType.FOLLOW_UP) {
            throw invalid("the 12345 follow-up visit (Art. 22) is reported to POST /v1/work-orders/{orderNo}/follow-up");
        }
        String own = ownField(type);
        allowOnly(body, own == null ? new String[] {"type", "actor", "at", "note"} : new String[] {"type", "actor", "at", "note", own});
        WorkOrderAction action;
        switch (type) {
            case DISPATCH:
                action = WorkOrderAction.dispatch(text(body, "toDeptCode", true));
                break;
            case VERIFY:
                action = WorkOrderAction.verify();
                break;
            case DISMISS:
                action = WorkOrderAction.dismiss(enumValue(Dismissal.class, text(body, "dismissal", true), "dismissal"));
                break;
            case CLASSIFY:
                action = WorkOrderAction.classify(enumValue(Category.class, text(body, "category", true), "category"));
                break;
            case CALL_BACK:
                action = WorkOrderAction.callBack();
                break;
            case START_RECTIFICATION:
                action = WorkOrderAction.startRectification();
                break;
            case COMPLETE_RECTIFICATION:
                action = WorkOrderAction.completeRectification();
                break;
            case APPLY_FOR_REVIEW:
                action = WorkOrderAction.applyForReview(evidence(body));
                break;
            case DECIDE_REVIEW:
                action = WorkOrderAction.decideReview(enumValue(ReviewVerdict.class, text(body, "verdict", true), "verdict"));
                break;
            default:
                throw invalid("type " + type + " cannot be reported");
        }
        return new Parsed(withNote(action, body), actor(body), at(body));
    }

    /** The body of {@code .../follow-up}: {@code result}, {@code actor}, optional {@code at} and {@code note}. */
    Parsed followUp(JsonNode body) {
        requireObject(body);
        allowOnly(body, "result", "actor", "at", "note");
        FollowUpResult result = enumValue(FollowUpResult.class, text(body, "result", true), "result");
        return new Parsed(withNote(WorkOrderAction.followUp(result), body), actor(body), at(body));
    }

    /** Art. 21 "提供相关证据": {@code evidence}, a non-empty array of {description, reference and/or digest}. */
    private static Evidence[] evidence(JsonNode body) {
        JsonNode list = body.get("evidence");
        if (list == null || !list.isArray() || list.size() == 0) {
            throw invalid("evidence is required: an appeal (Art. 21) carries at least one item "
                    + "{\"description\": ..., \"reference\": ... and/or \"digest\": ...}");
        }
        Evidence[] out = new Evidence[list.size()];
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String path = "evidence[" + i + "]";
            if (!item.isObject()) {
                throw invalid(path + " must be an object");
            }
            allowOnlyIn(item, path, "description", "reference", "digest");
            try {
                out[i] = Evidence.of(text(item, "description", false), text(item, "reference", false),
                        text(item, "digest", false));
            } catch (IllegalArgumentException e) {
                throw invalid(path + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static String ownField(WorkOrderEventType type) {
        switch (type) {
            case APPLY_FOR_REVIEW: return "evidence";
            case DISPATCH: return "toDeptCode";
            case DISMISS: return "dismissal";
            case CLASSIFY: return "category";
            case DECIDE_REVIEW: return "verdict";
            default: return null;
        }
    }

    private static WorkOrderAction withNote(WorkOrderAction action, JsonNode body) {
        String note = text(body, "note", false);
        return note == null ? action : action.withNote(note);
    }

    private static Actor actor(JsonNode body) {
        JsonNode a = body.get("actor");
        if (a == null || !a.isObject()) {
            throw invalid("actor is required: {\"role\": ..., \"id\": ...}");
        }
        allowOnlyIn(a, "actor", "role", "id");
        ActorRole role = enumValue(ActorRole.class, text(a, "role", true), "actor.role");
        String id = text(a, "id", true);
        Actor actor = Actor.of(role, id);
        ActorIds.checkForm(actor);
        return actor;
    }

    /** {@code at} defaults to the platform's clock; an ISO-8601 time with offset, not in the future. */
    private OffsetDateTime at(JsonNode body) {
        String text = text(body, "at", false);
        if (text == null) {
            return OffsetDateTime.now(clock);
        }
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid("at must be an ISO-8601 date-time with offset, e.g. 2026-11-26T15:00:00+08:00");
        }
        if (at.toInstant().isAfter(clock.instant().plus(allowedSkew))) {
            throw invalid("at is in the future by the platform's clock (more than " + allowedSkew.getSeconds() + " s ahead)");
        }
        return at;
    }

    private static void requireObject(JsonNode body) {
        if (!body.isObject()) {
            throw invalid("the body must be a JSON object");
        }
    }

    private static void allowOnly(JsonNode body, String... names) {
        allowOnlyIn(body, null, names);
    }

    private static void allowOnlyIn(JsonNode node, String parent, String... names) {
        Set<String> allowed = new HashSet<>(Arrays.asList(names));
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw invalid("unknown field " + (parent == null ? "" : parent + ".") + name + " (this request takes "
                        + String.join(", ", names) + ")");
            }
        }
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw invalid(field + " is required");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().trim().isEmpty()) {
            throw invalid(field + " must be a non-empty string");
        }
        return v.asText();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String field) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw invalid(field + " must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    private static ApiException invalid(String message) {
        return new ApiException(ErrorCode.INVALID_REQUEST, message);
    }
}
