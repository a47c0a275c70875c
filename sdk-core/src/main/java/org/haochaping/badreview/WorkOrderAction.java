package org.haochaping.badreview;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an actor does to a work order, with what the event needs: the receiving department for
 * {@code DISPATCH}, the finding for {@code DISMISS}, the category for {@code CLASSIFY}, the verdict for
 * {@code DECIDE_REVIEW}, the evaluator's answer for {@code FOLLOW_UP}. An optional note (处理意见, Art. 20(三))
 * goes into the history; it may hold personal data and never appears in {@code toString()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class WorkOrderAction {

    private final WorkOrderEventType type;
    private final String toDeptCode;
    private final Dismissal dismissal;
    private final Category category;
    private final ReviewVerdict verdict;
    private final FollowUpResult followUp;
    private final String note;
    private final List<Evidence> evidence;

    private WorkOrderAction(WorkOrderEventType type, String toDeptCode, Dismissal dismissal, Category category,
                            ReviewVerdict verdict, FollowUpResult followUp, String note) {
        this(type, toDeptCode, dismissal, category, verdict, followUp, note, Collections.<Evidence>emptyList());
    }

    private WorkOrderAction(WorkOrderEventType type, String toDeptCode, Dismissal dismissal, Category category,
                            ReviewVerdict verdict, FollowUpResult followUp, String note, List<Evidence> evidence) {
        this.evidence = Collections.unmodifiableList(new ArrayList<>(evidence));
        this.type = type;
        this.toDeptCode = toDeptCode;
        this.dismissal = dismissal;
        this.category = category;
        this.verdict = verdict;
        this.followUp = followUp;
        this.note = note;
    }

    static WorkOrderAction of(WorkOrderEventType type) {
        return new WorkOrderAction(type, null, null, null, null, null, null);
    }

    private static <T> T required(T value, String what, WorkOrderEventType type) {
        if (value == null || (value instanceof String && ((String) value).trim().isEmpty())) {
            throw new IllegalArgumentException(type + " needs " + what + " (" + type.article() + ")");
        }
        return value;
    }

    /** Art. 18: the order reaches the handling department {@code deptCode}. */
    public static WorkOrderAction dispatch(String deptCode) {
        WorkOrderEventType t = WorkOrderEventType.DISPATCH;
        return new WorkOrderAction(t, required(deptCode, "the receiving department's code", t), null, null, null, null, null);
    }

    /** Art. 19: the evaluator was contacted and the bad review checked. */
    public static WorkOrderAction verify() {
        return of(WorkOrderEventType.VERIFY);
    }

    /** Art. 19: the bad review is untrue or mistaken; it is not adopted and counts as "未评". */
    public static WorkOrderAction dismiss(Dismissal finding) {
        WorkOrderEventType t = WorkOrderEventType.DISMISS;
        return new WorkOrderAction(t, null, required(finding, "the finding (UNTRUE or MISTAKEN)", t), null, null, null, null);
    }

    /** Art. 20: the category, which starts its time limits. */
    public static WorkOrderAction classify(Category category) {
        WorkOrderEventType t = WorkOrderEventType.CLASSIFY;
        return new WorkOrderAction(t, null, null, required(category, "a category (SIMPLE, GENERAL or COMPLEX)", t), null, null, null);
    }

    /** Art. 20(一)(二): the evaluator was called back. */
    public static WorkOrderAction callBack() {
        return of(WorkOrderEventType.CALL_BACK);
    }

    /** Art. 20: rectification begins. */
    public static WorkOrderAction startRectification() {
        return of(WorkOrderEventType.START_RECTIFICATION);
    }

    /** Art. 20: rectification is complete and the result reported to the evaluator. */
    public static WorkOrderAction completeRectification() {
        return of(WorkOrderEventType.COMPLETE_RECTIFICATION);
    }

    /** Art. 22: the 12345 follow-up visit and the evaluator's answer. */
    public static WorkOrderAction followUp(FollowUpResult result) {
        WorkOrderEventType t = WorkOrderEventType.FOLLOW_UP;
        return new WorkOrderAction(t, null, null, null, null, required(result, "the evaluator's answer (SATISFIED or DISSATISFIED)", t), null);
    }

    /**
     * Art. 21: the department applies for a review of the bad review "并提供相关证据": at least one piece of evidence.
     *
     * @throws IllegalArgumentException (Art. 21) without evidence
     */
    public static WorkOrderAction applyForReview(Evidence... evidence) {
        WorkOrderEventType t = WorkOrderEventType.APPLY_FOR_REVIEW;
        List<Evidence> list = new ArrayList<>();
        if (evidence != null) {
            for (Evidence e : evidence) {
                if (e == null) {
                    throw new IllegalArgumentException(t + ": evidence items must not be null (" + t.article() + ")");
                }
                list.add(e);
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException(t + " needs at least one piece of evidence, described with a reference "
                    + "or a digest (" + t.article() + ": 提供相关证据)");
        }
        return new WorkOrderAction(t, null, null, null, null, null, null, list);
    }

    /** Art. 21: the review's verdict. */
    public static WorkOrderAction decideReview(ReviewVerdict verdict) {
        WorkOrderEventType t = WorkOrderEventType.DECIDE_REVIEW;
        return new WorkOrderAction(t, null, null, null, required(verdict, "a verdict (INVALID or VALID)", t), null, null);
    }

    /** The same action with a note (处理意见, evidence summary, ...). */
    public WorkOrderAction withNote(String note) {
        return new WorkOrderAction(type, toDeptCode, dismissal, category, verdict, followUp, note, evidence);
    }

    @JsonProperty("type")
    public WorkOrderEventType type() {
        return type;
    }

    @JsonProperty("toDeptCode")
    String toDeptCode() {
        return toDeptCode;
    }

    @JsonProperty("dismissal")
    Dismissal dismissal() {
        return dismissal;
    }

    @JsonProperty("category")
    Category category() {
        return category;
    }

    @JsonProperty("verdict")
    ReviewVerdict verdict() {
        return verdict;
    }

    @JsonProperty("followUp")
    FollowUpResult followUp() {
        return followUp;
    }

    @JsonProperty("note")
    String note() {
        return note;
    }

    /** {@code APPLY_FOR_REVIEW}: the evidence (Art. 21); otherwise empty. */
    @JsonProperty("evidence")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<Evidence> evidence() {
        return evidence;
    }

    @Override
    public String toString() {
        return "WorkOrderAction{" + type + detail() + "}";
    }

    private String detail() {
        Object d = toDeptCode != null ? toDeptCode : dismissal != null ? dismissal : category != null ? category
                : verdict != null ? verdict : followUp;
        return d == null ? "" : " " + d;
    }
}
