package org.haochaping.badreview;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.haochaping.deadline.Deadline;
import org.haochaping.deadline.DeadlineCalculator;
import org.haochaping.deadline.DeadlineRule;
import org.haochaping.model.Grade;

/**
 * A bad-review work order (差评工单, Art. 18–22): who and what it is about, and its history of events, from
 * which its state follows. Immutable and thread-safe; every change returns a new order
 * ({@link BadReviewWorkflow#apply}).
 *
 * <p>The states and events:
 * <pre>
 * CREATED --DISPATCH--> DISPATCHED --VERIFY--> VERIFIED --CLASSIFY--> CLASSIFIED --START_RECTIFICATION--> RECTIFYING
 *                                                 \--DISMISS--> DISMISSED ("未评", Art. 19; not after a VALID verdict)
 * DISPATCHED, VERIFIED, CLASSIFIED, RECTIFYING --APPLY_FOR_REVIEW--> UNDER_REVIEW
 * UNDER_REVIEW --DECIDE_REVIEW(INVALID)--> INVALIDATED ("未评", Art. 21)
 * UNDER_REVIEW --DECIDE_REVIEW(VALID)--> the state appealed from (VERIFIED when appealed from DISPATCHED)
 * RECTIFYING --COMPLETE_RECTIFICATION--> RECTIFIED --FOLLOW_UP--> FOLLOWED_UP
 * CALL_BACK is recorded in CLASSIFIED and RECTIFYING without changing the state.
 * </pre>
 * Art. 18: a city-level order ({@link #isCityLevel()}) is dispatched by the system, a district-level one by the
 * district government, always to the evaluated department; only that department acts as the handling department.
 * Art. 21: an order may be appealed once, with evidence ({@link Evidence}), within the {@link DeadlineRule#APPEAL}
 * deadline and until rectification is complete; a VALID verdict is final (the order can no longer be dismissed)
 * and returns handling to where it was, since the review itself checked the bad review (电话核实、谈话了解、调取录像、
 * 审阅资料). The appeal suspends the Art. 20 limits: after a VALID verdict they count from the verdict.
 *
 * <p>On the wire: {@code {"orderNo":..., "evaluationId":..., "caseNo":..., "grade":"DISSATISFIED",
 * "deptCode":..., "areaCode":..., "state":"RECTIFYING", "history":[events]}}. Reading it back replays the
 * history through the same rules, so an order that the rules would not have produced cannot be read.
 */
@JsonPropertyOrder({"orderNo", "evaluationId", "caseNo", "grade", "deptCode", "areaCode", "state", "history"})
public final class WorkOrder {

    /** Where an event's deadlines come from: the calculator when acting, the stored history when replaying. */
    interface DeadlineSource {
        Deadline deadline(DeadlineRule rule, OffsetDateTime startedAt);
    }

    private final String orderNo;
    private final String evaluationId;
    private final String caseNo;
    private final Grade grade;
    private final String deptCode;
    private final String areaCode;
    private final List<WorkOrderEvent> history;
    private final WorkOrderState state;

    private WorkOrder(WorkOrder base, List<WorkOrderEvent> history, WorkOrderState state) {
        this(base.orderNo, base.evaluationId, base.caseNo, base.grade, base.deptCode, base.areaCode, history, state);
    }

    private WorkOrder(String orderNo, String evaluationId, String caseNo, Grade grade, String deptCode, String areaCode,
                      List<WorkOrderEvent> history, WorkOrderState state) {
        this.orderNo = orderNo;
        this.evaluationId = evaluationId;
        this.caseNo = caseNo;
        this.grade = grade;
        this.deptCode = deptCode;
        this.areaCode = areaCode;
        this.history = Collections.unmodifiableList(history);
        this.state = state;
    }

    static WorkOrder open(String orderNo, String evaluationId, String caseNo, Grade grade, String deptCode,
                          String areaCode, Actor by, OffsetDateTime at, String note) {
        required(orderNo, "orderNo");
        required(evaluationId, "evaluationId");
        required(caseNo, "caseNo");
        required(deptCode, "deptCode");
        required(areaCode, "areaCode");
        if (grade == null) {
            throw new IllegalArgumentException("grade is required (Art. 18)");
        }
        if (by == null || at == null) {
            throw new IllegalArgumentException("work order " + orderNo + ": who (actor) and when (at) are required");
        }
        if (!grade.isBad()) {
            throw new WorkOrderException("Art. 18", "work order " + orderNo + ": only 不满意 or 非常不满意 opens a "
                    + "work order, not " + grade + " (" + grade.chineseName() + ")");
        }
        if (!WorkOrderEventType.OPEN.roles().contains(by.role())) {
            throw new WorkOrderException("Art. 18", "work order " + orderNo + ": the system creates work orders, not " + by.role());
        }
        WorkOrderEvent opened = WorkOrderEvent.opened(by, at, note);
        List<WorkOrderEvent> history = new ArrayList<>();
        history.add(opened);
        return new WorkOrder(orderNo, evaluationId, caseNo, grade, deptCode, areaCode, history, WorkOrderState.CREATED);
    }

    private static void required(String value, String field) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException(field + " is required (Art. 18)");
        }
    }

    /** The state an event leads to from {@code from}; {@code null} when the rules do not provide for it there. */
    static WorkOrderState target(WorkOrderState from, WorkOrderEventType type, ReviewVerdict verdict) {
        switch (type) {
            case DISPATCH:
                return from == WorkOrderState.CREATED ? WorkOrderState.DISPATCHED : null;
            case VERIFY:
                return from == WorkOrderState.DISPATCHED ? WorkOrderState.VERIFIED : null;
            case DISMISS:
                return from == WorkOrderState.VERIFIED ? WorkOrderState.DISMISSED : null;
            case CLASSIFY:
                return from == WorkOrderState.VERIFIED ? WorkOrderState.CLASSIFIED : null;
            case CALL_BACK:
                return from == WorkOrderState.CLASSIFIED || from == WorkOrderState.RECTIFYING ? from : null;
            case START_RECTIFICATION:
                return from == WorkOrderState.CLASSIFIED ? WorkOrderState.RECTIFYING : null;
            case COMPLETE_RECTIFICATION:
                return from == WorkOrderState.RECTIFYING ? WorkOrderState.RECTIFIED : null;
            case FOLLOW_UP:
                return from == WorkOrderState.RECTIFIED ? WorkOrderState.FOLLOWED_UP : null;
            case APPLY_FOR_REVIEW:
                return isAppealable(from) ? WorkOrderState.UNDER_REVIEW : null;
            case DECIDE_REVIEW:
                if (from != WorkOrderState.UNDER_REVIEW) {
                    return null;
                }
                return verdict == ReviewVerdict.INVALID ? WorkOrderState.INVALIDATED : WorkOrderState.VERIFIED;
            default:
                return null;
        }
    }

    /** Art. 21: an appeal may be made whatever the handling state, until rectification is complete. */
    private static boolean isAppealable(WorkOrderState state) {
        return state == WorkOrderState.DISPATCHED || state == WorkOrderState.VERIFIED
                || state == WorkOrderState.CLASSIFIED || state == WorkOrderState.RECTIFYING;
    }

    /**
     * Art. 18: whether the order concerns a city-level unit (市级部门): the county part (digits 5–6) of its area
     * code (GB/T 2260) is {@code 00}. A city-level order goes from the system straight to that department; a
     * district-level one goes to the district government (区人民政府), which sends it on to the district department.
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isCityLevel() {
        return areaCode.length() >= 6 && areaCode.startsWith("00", 4);
    }

    /** Who is checked against the order (Art. 18–21): the dispatcher by level, the department by being the recipient. */
    private void checkActor(WorkOrderEventType type, WorkOrderAction action, Actor by) {
        if (type == WorkOrderEventType.DISPATCH) {
            ActorRole expected = isCityLevel() ? ActorRole.SYSTEM : ActorRole.DISTRICT_GOVERNMENT;
            if (by.role() != expected) {
                throw new IllegalTransitionException(orderNo, state, type, "Art. 18", (isCityLevel()
                        ? "a city-level order (area " + areaCode + ") goes from the system (好差评系统) straight to the department"
                        : "a district-level order (area " + areaCode + ") is sent on by the district government (区人民政府)")
                        + ", not by " + by.role());
            }
            if (!deptCode.equals(action.toDeptCode())) {
                throw new IllegalTransitionException(orderNo, state, type, "Art. 18", "the order goes to the evaluated "
                        + "department " + deptCode + ", not to " + action.toDeptCode());
            }
        } else if (by.role() == ActorRole.HANDLING_DEPARTMENT) {
            String recipient = handlingDeptCode();
            if (recipient != null && !recipient.equals(by.id())) {
                throw new IllegalTransitionException(orderNo, state, type, type.article(), "only the department that "
                        + "received the order (" + recipient + ") may act on it, not " + by.id());
            }
        }
    }

    /** The last {@code DECIDE_REVIEW} with a VALID verdict, or {@code null}. */
    private WorkOrderEvent validVerdict() {
        WorkOrderEvent found = null;
        for (WorkOrderEvent e : history) {
            if (e.type() == WorkOrderEventType.DECIDE_REVIEW && e.verdict() == ReviewVerdict.VALID) {
                found = e;
            }
        }
        return found;
    }

    /**
     * Art. 20, 21: where the Art. 20 limits count from: the receipt of the order, or, after an appeal found the bad
     * review valid, that verdict (the appeal suspended them).
     */
    OffsetDateTime limitsStartAt() {
        WorkOrderEvent verdict = validVerdict();
        return verdict != null ? verdict.at() : receivedAt();
    }

    WorkOrder apply(WorkOrderAction action, Actor by, OffsetDateTime at, DeadlineSource deadlines) {
        if (action == null || by == null || at == null) {
            throw new IllegalArgumentException("work order " + orderNo + ": action, who (actor) and when (at) are required");
        }
        WorkOrderEventType type = action.type();
        WorkOrderState to = target(state, type, action.verdict());
        if (to == null) {
            throw new IllegalTransitionException(orderNo, state, type, type.article(), "not provided for in this state ("
                    + state.article() + "); allowed here: " + (state.isFinal() ? "nothing, the order is closed" : allowedEvents()));
        }
        if (!type.roles().contains(by.role())) {
            throw new IllegalTransitionException(orderNo, state, type, type.article(), "only " + type.roles()
                    + " may do this, not " + by.role());
        }
        checkActor(type, action, by);
        if (type == WorkOrderEventType.DISMISS && validVerdict() != null) {
            throw new IllegalTransitionException(orderNo, state, type, "Art. 21", "a review found the bad review valid "
                    + "(认定差评有效): the verdict is final and handling continues with rectification");
        }
        WorkOrderEvent last = history.get(history.size() - 1);
        if (at.isBefore(last.at())) {
            throw new IllegalTransitionException(orderNo, state, type, type.article(), "its time " + at
                    + " is before the previous event (" + last.type() + " at " + last.at() + ")");
        }
        if (type == WorkOrderEventType.APPLY_FOR_REVIEW) {
            if (hasEvent(WorkOrderEventType.APPLY_FOR_REVIEW)) {
                throw new IllegalTransitionException(orderNo, state, type, type.article(), "the bad review was already appealed once");
            }
            Deadline appeal = deadline(DeadlineRule.APPEAL);
            if (appeal != null && !appeal.isMetBy(at)) {
                throw new IllegalTransitionException(orderNo, state, type, type.article(), "the appeal period (1 working day "
                        + "after receipt) ended at " + appeal.dueAt());
            }
        }
        if (type == WorkOrderEventType.DECIDE_REVIEW && action.verdict() == ReviewVerdict.VALID) {
            // Handling continues where the appeal found it; an appeal before verification counts as verified,
            // since the review itself checked the bad review (Art. 21).
            WorkOrderState appealedFrom = history.get(history.size() - 1).from();
            to = appealedFrom == WorkOrderState.DISPATCHED ? WorkOrderState.VERIFIED : appealedFrom;
        }
        List<Deadline> started = new ArrayList<>();
        if (type == WorkOrderEventType.DISPATCH) {
            started.add(deadlines.deadline(DeadlineRule.APPEAL, at));
        } else if (type == WorkOrderEventType.CLASSIFY) {
            OffsetDateTime from = limitsStartAt();
            for (DeadlineRule rule : action.category().deadlineRules()) {
                started.add(deadlines.deadline(rule, from));
            }
        } else if (type == WorkOrderEventType.DECIDE_REVIEW && action.verdict() == ReviewVerdict.VALID
                && category() != null) {
            // Art. 20, 21: the appeal suspended the limits of the category; they run again from the verdict.
            for (DeadlineRule rule : category().deadlineRules()) {
                started.add(deadlines.deadline(rule, at));
            }
        }
        List<WorkOrderEvent> next = new ArrayList<>(history);
        next.add(new WorkOrderEvent(action, state, to, by, at, started));
        return new WorkOrder(this, next, to);
    }

    @JsonCreator
    static WorkOrder fromJson(@JsonProperty("orderNo") String orderNo,
                              @JsonProperty("evaluationId") String evaluationId,
                              @JsonProperty("caseNo") String caseNo,
                              @JsonProperty("grade") Grade grade,
                              @JsonProperty("deptCode") String deptCode,
                              @JsonProperty("areaCode") String areaCode,
                              @JsonProperty("state") WorkOrderState state,
                              @JsonProperty("history") List<WorkOrderEvent> history) {
        if (history == null || history.isEmpty() || history.get(0).type() != WorkOrderEventType.OPEN) {
            throw new WorkOrderException("Art. 18", "work order " + orderNo + ": its history must start with OPEN");
        }
        WorkOrderEvent first = history.get(0);
        WorkOrder order = open(orderNo, evaluationId, caseNo, grade, deptCode, areaCode, first.actor(), first.at(), first.note());
        if (first.from() != null || first.to() != WorkOrderState.CREATED || !first.deadlines().isEmpty()) {
            throw new WorkOrderException("Art. 18", "work order " + orderNo + ": OPEN leads to CREATED and starts no deadline");
        }
        for (int i = 1; i < history.size(); i++) {
            final WorkOrderEvent stored = history.get(i);
            final String article = stored.type().article();
            final String ref = "work order " + orderNo + ", event " + (i + 1) + " (" + stored.type() + ")";
            final Map<DeadlineRule, Deadline> byRule = new EnumMap<>(DeadlineRule.class);
            final OffsetDateTime receipt = order.receivedAt();
            for (Deadline d : stored.deadlines()) {
                if (byRule.put(d.rule(), d) != null) {
                    throw new WorkOrderException(article, ref + ": deadline " + d.rule() + " listed twice");
                }
            }
            order = order.apply(stored.action(), stored.actor(), stored.at(), new DeadlineSource() {
                @Override
                public Deadline deadline(DeadlineRule rule, OffsetDateTime startedAt) {
                    Deadline d = byRule.get(rule);
                    // Histories recorded before appeals suspended the limits (Art. 21) counted them from receipt.
                    boolean legacy = d != null && rule != DeadlineRule.APPEAL && receipt != null
                            && d.startedAt().isEqual(receipt);
                    if (d == null || (!d.startedAt().isEqual(startedAt) && !legacy)) {
                        throw new WorkOrderException(article, ref + ": must carry the " + rule + " deadline ("
                                + rule.article() + ") started at " + startedAt);
                    }
                    return d;
                }
            });
            WorkOrderEvent replayed = order.history.get(i);
            if (replayed.from() != stored.from() || replayed.to() != stored.to()) {
                throw new WorkOrderException(article, ref + ": recorded as " + stored.from() + "->" + stored.to()
                        + " but the rules lead " + replayed.from() + "->" + replayed.to());
            }
            if (replayed.deadlines().size() != stored.deadlines().size()) {
                throw new WorkOrderException(article, ref + ": carries deadlines " + byRule.keySet()
                        + " but starts only " + replayed.deadlines().size());
            }
        }
        if (state != null && state != order.state) {
            throw new WorkOrderException(order.state.article(), "work order " + orderNo + ": state says " + state
                    + " but its history leads to " + order.state);
        }
        return order;
    }

    private boolean hasEvent(WorkOrderEventType type) {
        return firstEvent(type) != null;
    }

    private WorkOrderEvent firstEvent(WorkOrderEventType type) {
        for (WorkOrderEvent e : history) {
            if (e.type() == type) {
                return e;
            }
        }
        return null;
    }

    private Deadline deadline(DeadlineRule rule) {
        for (Deadline d : deadlines()) {
            if (d.rule() == rule) {
                return d;
            }
        }
        return null;
    }

    @JsonProperty("orderNo")
    public String orderNo() {
        return orderNo;
    }

    /** The bad evaluation that opened the order (Art. 18). */
    @JsonProperty("evaluationId")
    public String evaluationId() {
        return evaluationId;
    }

    /** The case (办件) evaluated. */
    @JsonProperty("caseNo")
    public String caseNo() {
        return caseNo;
    }

    /** 不满意 or 非常不满意. */
    @JsonProperty("grade")
    public Grade grade() {
        return grade;
    }

    /** The evaluated department's code. */
    @JsonProperty("deptCode")
    public String deptCode() {
        return deptCode;
    }

    /** The area (行政区划) code of the evaluated service. */
    @JsonProperty("areaCode")
    public String areaCode() {
        return areaCode;
    }

    @JsonProperty("state")
    public WorkOrderState state() {
        return state;
    }

    /** Every event, oldest first; the first is {@code OPEN}. */
    @JsonProperty("history")
    public List<WorkOrderEvent> history() {
        return history;
    }

    /** When the order was created (Art. 18). */
    public OffsetDateTime openedAt() {
        return history.get(0).at();
    }

    /** When the handling department received the order (the {@code DISPATCH}); {@code null} before. */
    public OffsetDateTime receivedAt() {
        WorkOrderEvent e = firstEvent(WorkOrderEventType.DISPATCH);
        return e == null ? null : e.at();
    }

    /** The department that received the order; {@code null} before {@code DISPATCH}. */
    public String handlingDeptCode() {
        WorkOrderEvent e = firstEvent(WorkOrderEventType.DISPATCH);
        return e == null ? null : e.toDeptCode();
    }

    /** The category (Art. 20); {@code null} until classified. */
    public Category category() {
        WorkOrderEvent e = firstEvent(WorkOrderEventType.CLASSIFY);
        return e == null ? null : e.category();
    }

    /** The evaluator's answer at the 12345 follow-up (Art. 22); {@code null} until then. */
    public FollowUpResult followUp() {
        WorkOrderEvent e = firstEvent(WorkOrderEventType.FOLLOW_UP);
        return e == null ? null : e.followUp();
    }

    /** The events the rules provide for in the current state, whoever acts and whenever. */
    public Set<WorkOrderEventType> allowedEvents() {
        Set<WorkOrderEventType> allowed = EnumSet.noneOf(WorkOrderEventType.class);
        for (WorkOrderEventType t : WorkOrderEventType.values()) {
            if (t == WorkOrderEventType.APPLY_FOR_REVIEW && hasEvent(t)) {
                continue;
            }
            if (t == WorkOrderEventType.DISMISS && validVerdict() != null) {
                continue;
            }
            if (t != WorkOrderEventType.OPEN && target(state, t, ReviewVerdict.VALID) != null) {
                allowed.add(t);
            }
        }
        return allowed;
    }

    /**
     * The same order with every deadline computed again, from the inputs it kept (its rule and the instant it
     * started), on {@code calculator}: how deadlines that counted provisional days move once the year's
     * official arrangement is loaded ({@code docs/calendar.md}). History, states and times are unchanged;
     * acts already recorded stay valid.
     *
     * @throws org.haochaping.calendar.DateNotCoveredException when the calculator refuses a date (STRICT)
     */
    public WorkOrder recomputeDeadlines(DeadlineCalculator calculator) {
        if (calculator == null) {
            throw new IllegalArgumentException("deadline calculator is required");
        }
        List<WorkOrderEvent> next = new ArrayList<>(history.size());
        for (WorkOrderEvent e : history) {
            List<Deadline> again = new ArrayList<>(e.deadlines().size());
            for (Deadline d : e.deadlines()) {
                again.add(calculator.calculate(d.rule(), d.startedAt()));
            }
            next.add(again.isEmpty() ? e : e.withDeadlines(again));
        }
        return new WorkOrder(this, next, state);
    }

    /** Every deadline the history started, oldest first. */
    public List<Deadline> deadlines() {
        List<Deadline> all = new ArrayList<>();
        for (WorkOrderEvent e : history) {
            all.addAll(e.deadlines());
        }
        return all;
    }

    /**
     * Checks every deadline at {@code now}. The appeal deadline is fulfilled by {@code APPLY_FOR_REVIEW}; the
     * Art. 20(二) call-back deadline by the first {@code CALL_BACK} or by {@code COMPLETE_RECTIFICATION}; the
     * Art. 20(一) deadline, which asks for the result (反馈整改结果) within 1 working day, and the result deadlines
     * only by {@code COMPLETE_RECTIFICATION}: a call-back without a result does not meet them.
     *
     * <p>During an appeal ({@code UNDER_REVIEW}) the Art. 20 limits are suspended (reported {@code OPEN}); after a
     * VALID verdict the limits the verdict restarted replace the earlier ones; once the bad review is not adopted
     * (Art. 19, 21) limits not yet met are {@code LAPSED}.
     */
    public List<DeadlineCheck> checkDeadlines(OffsetDateTime now) {
        List<DeadlineCheck> checks = new ArrayList<>();
        List<Deadline> all = deadlines();
        for (int i = 0; i < all.size(); i++) {
            Deadline d = all.get(i);
            if (supersededLater(all, i)) {
                continue;
            }
            OffsetDateTime fulfilled = fulfilment(d.rule());
            DeadlineStatus status;
            if (fulfilled != null) {
                status = d.isMetBy(fulfilled) ? DeadlineStatus.MET : DeadlineStatus.MET_LATE;
            } else if (d.rule() == DeadlineRule.APPEAL) {
                boolean stillPossible = isAppealable(state);
                status = stillPossible && !d.isOverdueAt(now) ? DeadlineStatus.OPEN : DeadlineStatus.LAPSED;
            } else if (state.countsAsUnevaluated()) {
                status = DeadlineStatus.LAPSED;
            } else if (state == WorkOrderState.UNDER_REVIEW) {
                status = DeadlineStatus.OPEN;
            } else {
                status = d.isOverdueAt(now) ? DeadlineStatus.OVERDUE : DeadlineStatus.OPEN;
            }
            checks.add(new DeadlineCheck(d, status, fulfilled));
        }
        return checks;
    }

    private static boolean supersededLater(List<Deadline> all, int index) {
        for (int j = index + 1; j < all.size(); j++) {
            if (all.get(j).rule() == all.get(index).rule()) {
                return true;
            }
        }
        return false;
    }

    /** Whether any deadline is {@link DeadlineStatus#OVERDUE} at {@code now}. */
    public boolean isOverdueAt(OffsetDateTime now) {
        for (DeadlineCheck c : checkDeadlines(now)) {
            if (c.status() == DeadlineStatus.OVERDUE) {
                return true;
            }
        }
        return false;
    }

    private OffsetDateTime fulfilment(DeadlineRule rule) {
        for (WorkOrderEvent e : history) {
            WorkOrderEventType t = e.type();
            boolean fulfils;
            switch (rule) {
                case APPEAL:
                    fulfils = t == WorkOrderEventType.APPLY_FOR_REVIEW;
                    break;
                case GENERAL_CALLBACK:
                    fulfils = t == WorkOrderEventType.CALL_BACK || t == WorkOrderEventType.COMPLETE_RECTIFICATION;
                    break;
                case SIMPLE_CALLBACK:
                case GENERAL_RESULT:
                case COMPLEX_RESULT:
                    fulfils = t == WorkOrderEventType.COMPLETE_RECTIFICATION;
                    break;
                default:
                    fulfils = false;
            }
            if (fulfils) {
                return e.at();
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof WorkOrder)) {
            return false;
        }
        WorkOrder w = (WorkOrder) o;
        return orderNo.equals(w.orderNo) && evaluationId.equals(w.evaluationId) && caseNo.equals(w.caseNo)
                && grade == w.grade && deptCode.equals(w.deptCode) && areaCode.equals(w.areaCode)
                && history.equals(w.history);
    }

    @Override
    public int hashCode() {
        return orderNo.hashCode() * 31 + history.size();
    }

    @Override
    public String toString() {
        return "WorkOrder{" + orderNo + ", case " + caseNo + ", " + grade + ", " + state + ", " + history.size() + " events}";
    }
}
