package org.haochaping.badreview;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.haochaping.calendar.ShanghaiTime;
import org.haochaping.deadline.Deadline;

/**
 * One entry of a work order's history: what happened, who did it and when, the state before and after,
 * and the deadlines the event started. Immutable.
 *
 * <p>On the wire (absent fields omitted):
 * <pre>{@code
 * {"type":"CLASSIFY","from":"VERIFIED","to":"CLASSIFIED",
 *  "actor":{"role":"HANDLING_DEPARTMENT","id":"D001"},"at":"2024-10-08T09:30:00+08:00",
 *  "category":"GENERAL",
 *  "deadlines":[{"rule":"GENERAL_CALLBACK","startedAt":"2024-09-30T10:00:00+08:00","dueAt":"2024-10-08T23:59:59+08:00"},
 *               {"rule":"GENERAL_RESULT","startedAt":"2024-09-30T10:00:00+08:00","dueAt":"2024-10-14T23:59:59+08:00"}]}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public final class WorkOrderEvent {

    private final WorkOrderEventType type;
    private final WorkOrderState from;
    private final WorkOrderState to;
    private final Actor actor;
    private final OffsetDateTime at;
    private final String toDeptCode;
    private final Dismissal dismissal;
    private final Category category;
    private final ReviewVerdict verdict;
    private final FollowUpResult followUp;
    private final String note;
    private final List<Deadline> deadlines;
    private final List<Evidence> evidence;

    WorkOrderEvent(WorkOrderAction action, WorkOrderState from, WorkOrderState to, Actor actor, OffsetDateTime at,
                   List<Deadline> deadlines) {
        this(action.type(), from, to, actor, at, action.toDeptCode(), action.dismissal(), action.category(),
                action.verdict(), action.followUp(), action.note(), deadlines, action.evidence());
    }

    private WorkOrderEvent(WorkOrderEventType type, WorkOrderState from, WorkOrderState to, Actor actor,
                           OffsetDateTime at, String toDeptCode, Dismissal dismissal, Category category,
                           ReviewVerdict verdict, FollowUpResult followUp, String note, List<Deadline> deadlines,
                           List<Evidence> evidence) {
        this.evidence = Collections.unmodifiableList(new ArrayList<>(evidence));
        this.type = type;
        this.from = from;
        this.to = to;
        this.actor = actor;
        this.at = ShanghaiTime.normalize(at);
        this.toDeptCode = toDeptCode;
        this.dismissal = dismissal;
        this.category = category;
        this.verdict = verdict;
        this.followUp = followUp;
        this.note = note;
        this.deadlines = Collections.unmodifiableList(new ArrayList<>(deadlines));
    }

    /** The same event with other deadlines (recomputed from the same rules and starts). */
    WorkOrderEvent withDeadlines(List<Deadline> recomputed) {
        return new WorkOrderEvent(type, from, to, actor, at, toDeptCode, dismissal, category, verdict, followUp, note, recomputed,
                evidence);
    }

    static WorkOrderEvent opened(Actor by, OffsetDateTime at, String note) {
        return new WorkOrderEvent(WorkOrderEventType.OPEN, null, WorkOrderState.CREATED, by, at, null, null, null, null,
                null, note, Collections.<Deadline>emptyList(), Collections.<Evidence>emptyList());
    }

    @JsonCreator
    static WorkOrderEvent fromJson(@JsonProperty("type") WorkOrderEventType type,
                                   @JsonProperty("from") WorkOrderState from,
                                   @JsonProperty("to") WorkOrderState to,
                                   @JsonProperty("actor") Actor actor,
                                   @JsonProperty("at") String at,
                                   @JsonProperty("toDeptCode") String toDeptCode,
                                   @JsonProperty("dismissal") Dismissal dismissal,
                                   @JsonProperty("category") Category category,
                                   @JsonProperty("verdict") ReviewVerdict verdict,
                                   @JsonProperty("followUp") FollowUpResult followUp,
                                   @JsonProperty("note") String note,
                                   @JsonProperty("deadlines") List<Deadline> deadlines,
                                   @JsonProperty("evidence") List<Evidence> evidence) {
        if (type == null || to == null || actor == null) {
            throw new IllegalArgumentException("a work order event needs type, to and actor");
        }
        return new WorkOrderEvent(type, from, to, actor, ShanghaiTime.parse(at, "at"), toDeptCode, dismissal, category,
                verdict, followUp, note, deadlines == null ? Collections.<Deadline>emptyList() : deadlines,
                evidence == null ? Collections.<Evidence>emptyList() : evidence);
    }

    /** The action this event records, for replaying a history through the rules. */
    WorkOrderAction action() {
        WorkOrderAction a;
        switch (type) {
            case DISPATCH: a = WorkOrderAction.dispatch(toDeptCode); break;
            case VERIFY: a = WorkOrderAction.verify(); break;
            case DISMISS: a = WorkOrderAction.dismiss(dismissal); break;
            case CLASSIFY: a = WorkOrderAction.classify(category); break;
            case CALL_BACK: a = WorkOrderAction.callBack(); break;
            case START_RECTIFICATION: a = WorkOrderAction.startRectification(); break;
            case COMPLETE_RECTIFICATION: a = WorkOrderAction.completeRectification(); break;
            case FOLLOW_UP: a = WorkOrderAction.followUp(followUp); break;
            case APPLY_FOR_REVIEW:
                // Histories recorded before evidence was required (Art. 21) replay as recorded.
                a = evidence.isEmpty() ? WorkOrderAction.of(type)
                        : WorkOrderAction.applyForReview(evidence.toArray(new Evidence[0]));
                break;
            case DECIDE_REVIEW: a = WorkOrderAction.decideReview(verdict); break;
            default: throw new IllegalArgumentException(type + " can only be the first event of a history");
        }
        return note == null ? a : a.withNote(note);
    }

    @JsonProperty("type")
    public WorkOrderEventType type() {
        return type;
    }

    /** The state before the event; {@code null} for {@code OPEN}. */
    @JsonProperty("from")
    public WorkOrderState from() {
        return from;
    }

    /** The state after the event. */
    @JsonProperty("to")
    public WorkOrderState to() {
        return to;
    }

    @JsonProperty("actor")
    public Actor actor() {
        return actor;
    }

    /** When it happened, {@code +08:00}. */
    public OffsetDateTime at() {
        return at;
    }

    /** {@code DISPATCH}: the code of the department that received the order; otherwise {@code null}. */
    @JsonProperty("toDeptCode")
    public String toDeptCode() {
        return toDeptCode;
    }

    /** {@code DISMISS}: the finding; otherwise {@code null}. */
    @JsonProperty("dismissal")
    public Dismissal dismissal() {
        return dismissal;
    }

    /** {@code CLASSIFY}: the category; otherwise {@code null}. */
    @JsonProperty("category")
    public Category category() {
        return category;
    }

    /** {@code DECIDE_REVIEW}: the verdict; otherwise {@code null}. */
    @JsonProperty("verdict")
    public ReviewVerdict verdict() {
        return verdict;
    }

    /** {@code FOLLOW_UP}: the evaluator's answer; otherwise {@code null}. */
    @JsonProperty("followUp")
    public FollowUpResult followUp() {
        return followUp;
    }

    /** The free-text note, or {@code null}. */
    @JsonProperty("note")
    public String note() {
        return note;
    }

    /** The deadlines this event started (empty for most events). */
    @JsonProperty("deadlines")
    public List<Deadline> deadlines() {
        return deadlines;
    }

    /** {@code APPLY_FOR_REVIEW}: the evidence given (Art. 21); otherwise empty. */
    @JsonProperty("evidence")
    public List<Evidence> evidence() {
        return evidence;
    }

    @JsonProperty("at")
    private String atText() {
        return ShanghaiTime.format(at);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof WorkOrderEvent)) {
            return false;
        }
        WorkOrderEvent e = (WorkOrderEvent) o;
        return type == e.type && from == e.from && to == e.to && actor.equals(e.actor) && at.isEqual(e.at)
                && eq(toDeptCode, e.toDeptCode) && dismissal == e.dismissal && category == e.category
                && verdict == e.verdict && followUp == e.followUp && eq(note, e.note) && deadlines.equals(e.deadlines)
                && evidence.equals(e.evidence);
    }

    private static boolean eq(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }

    @Override
    public int hashCode() {
        return ((type.hashCode() * 31 + to.hashCode()) * 31 + actor.hashCode()) * 31 + at.toInstant().hashCode();
    }

    /** Leaves the note out: it may hold personal data. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(ShanghaiTime.format(at)).append(' ').append(type)
                .append(' ').append(from).append("->").append(to).append(" by ").append(actor);
        for (Object d : new Object[] {toDeptCode, dismissal, category, verdict, followUp}) {
            if (d != null) {
                s.append(' ').append(d);
            }
        }
        if (!evidence.isEmpty()) {
            s.append(", ").append(evidence.size()).append(" evidence item(s)");
        }
        for (Deadline d : deadlines) {
            s.append(", ").append(d);
        }
        return s.toString();
    }
}
