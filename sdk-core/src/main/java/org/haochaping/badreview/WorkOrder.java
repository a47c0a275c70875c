package org.haochaping.badreview;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.haochaping.deadline.Deadline;
import org.haochaping.deadline.DeadlineCalculator;
import org.haochaping.deadline.DeadlineRule;
import org.haochaping.model.Grade;

/**
 * A bad-review work order (差评工单, Art. 18–22): who and what it is about, and its history of events, from
 * which its state follows. An immutable value, thread-safe; every change returns a new order
 * ({@link BadReviewWorkflow#apply}). Which event may follow which, by whom and when, is the transition table
 * ({@code WorkOrderTransitions}, tabulated in docs/interface-spec.md 5.5); its JSON form and the replay that reads it
 * back are {@code WorkOrderJson}.
 *
 * <p>Art. 18: a city-level order ({@link #isCityLevel()}) is dispatched by the system, a district-level one by the
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
public final class WorkOrder {

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

    /**
     * Art. 18: whether the order concerns a city-level unit (市级部门): the county part (digits 5–6) of its area
     * code (GB/T 2260) is {@code 00}. A city-level order goes from the system straight to that department; a
     * district-level one goes to the district government (区人民政府), which sends it on to the district department.
     */
    public boolean isCityLevel() {
        return areaCode.length() >= 6 && areaCode.startsWith("00", 4);
    }

    /** The last {@code DECIDE_REVIEW} with a VALID verdict, or {@code null}. */
    WorkOrderEvent validVerdict() {
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

    /** This order after one more event, which leads to {@code to} (see {@link WorkOrderTransitions#apply}). */
    WorkOrder with(WorkOrderEvent event, WorkOrderState to) {
        List<WorkOrderEvent> next = new ArrayList<>(history);
        next.add(event);
        return new WorkOrder(this, next, to);
    }

    /** Jackson writes the wire form ({@link WorkOrderJson}). */
    @JsonValue
    WorkOrderJson toJson() {
        return WorkOrderJson.of(this);
    }

    /** Jackson reads the wire form and replays it ({@link WorkOrderJson#replay}). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static WorkOrder fromJson(WorkOrderJson form) {
        return form.replay();
    }

    WorkOrderEvent firstEvent(WorkOrderEventType type) {
        for (WorkOrderEvent e : history) {
            if (e.type() == type) {
                return e;
            }
        }
        return null;
    }

    WorkOrderEvent lastEvent() {
        return history.get(history.size() - 1);
    }

    /** The first deadline of {@code rule} the history started, or {@code null}. */
    Deadline deadline(DeadlineRule rule) {
        for (Deadline d : deadlines()) {
            if (d.rule() == rule) {
                return d;
            }
        }
        return null;
    }

    public String orderNo() {
        return orderNo;
    }

    /** The bad evaluation that opened the order (Art. 18). */
    public String evaluationId() {
        return evaluationId;
    }

    /** The case (办件) evaluated. */
    public String caseNo() {
        return caseNo;
    }

    /** 不满意 or 非常不满意. */
    public Grade grade() {
        return grade;
    }

    /** The evaluated department's code. */
    public String deptCode() {
        return deptCode;
    }

    /** The area (行政区划) code of the evaluated service. */
    public String areaCode() {
        return areaCode;
    }

    public WorkOrderState state() {
        return state;
    }

    /** Every event, oldest first; the first is {@code OPEN}. */
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
        return WorkOrderTransitions.allowedEvents(this);
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
                boolean stillPossible = WorkOrderTransitions.isAppealable(state);
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
