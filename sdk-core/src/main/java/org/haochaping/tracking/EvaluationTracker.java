package org.haochaping.tracking;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.haochaping.calendar.ShanghaiTime;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.deadline.Deadline;
import org.haochaping.deadline.DeadlineCalculator;
import org.haochaping.deadline.DeadlineRule;
import org.haochaping.model.BusinessKind;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationKind;
import org.haochaping.model.EvaluationScope;
import org.haochaping.model.EvaluationStage;
import org.haochaping.model.HandlingMode;
import org.haochaping.model.Target;
import org.haochaping.rules.ValidationException;
import org.haochaping.rules.Violation;
import org.haochaping.scorecard.UnevaluatedRecord;

/**
 * Art. 16 as a process: "已办结服务事项且评价主体 24 小时内未评价的，可发送短信或致电提醒。评价主体在事项办结后 5 个工作日内未进行评价的，
 * 系统标记为'未评'。"
 *
 * <p>A department system {@link #register registers} each completed case, {@link #record records} the evaluations as
 * they are made or reported back, and asks {@link #due} what is owed at a moment: {@link DueAction.Kind#REMIND} from
 * 24 hours after completion until the case is evaluated, reminded or past its window, and
 * {@link DueAction.Kind#MARK_UNEVALUATED} once the 5th working day after completion has ended. Acting on an answer
 * goes through a claim ({@link #claimReminder}, {@link #markUnevaluated}), which succeeds once per case even when
 * several instances share the store.
 *
 * <p>What a case owes after completion follows Art. 6, 11, 13 and 15: the service item, and the window staff where the
 * case was handled at a window; a staff evaluation made at receipt (收件时, Art. 13) does not pay for the one at
 * completion. A query completed in the hall owes only the staff evaluation, one completed online owes nothing and is
 * not tracked (Art. 15). The case escapes "未评" by an evaluation of its decisive target ({@link TrackedCase#decisive()})
 * made within the window; an evaluation made later does not undo "未评", and follow-up visits (回访, Art. 22) and appended
 * evaluations (追加评价) do not count. A batch (Art. 12) is evaluated once for all its cases and reminded once, through
 * the first of its cases; an overall theme evaluation (Art. 14) counts for every case of the theme.
 *
 * <p>Thread-safe; immutable apart from its store.
 */
public final class EvaluationTracker {

    private final TrackerStore store;
    private final DeadlineCalculator deadlines;
    private final Clock clock;

    private EvaluationTracker(Builder b) {
        this.store = b.store != null ? b.store : new InMemoryTrackerStore();
        this.deadlines = new DeadlineCalculator(b.calendar != null ? b.calendar : WorkingDayCalendar.official());
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts tracking a completed case; registering it again changes nothing.
     *
     * @return the case as tracked, or {@code null} for a case that owes no evaluation (a query completed online,
     *         Art. 15)
     * @throws ValidationException when the case is not completed, has no completion time or no handling mode
     */
    public TrackedCase register(CaseRecord c) {
        List<Violation> violations = new ArrayList<>();
        if (c.caseNo() == null || c.caseNo().isEmpty()) {
            violations.add(new Violation("caseNo", "Art. 16", "a tracked case needs its case number"));
        }
        if (c.status() != CaseStatus.COMPLETED || c.completedAt() == null) {
            violations.add(new Violation("completedAt", "Art. 16",
                    "only a completed case (已办结) with its completion time is tracked: the 24-hour and 5-working-day "
                            + "periods run from completion"));
        }
        if (c.handlingMode() == null) {
            violations.add(new Violation("handlingMode", "Art. 6, 11",
                    "the handling mode decides which targets are owed an evaluation"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        Set<Target> owed = owedAtCompletion(c);
        if (owed.isEmpty()) {
            return null;
        }
        Target decisive = owed.contains(Target.SERVICE_ITEM) ? Target.SERVICE_ITEM : Target.SERVICE_STAFF;
        return store.add(TrackedCase.builder().caseNo(c.caseNo()).department(c.deptCode(), c.deptName())
                .itemName(c.itemName()).areaCode(c.areaCode()).hallCode(c.hallCode()).staffNo(c.staffNo())
                .batchNo(c.batchNo()).themeCode(c.themeCode()).completedAt(c.completedAt())
                .owed(owed, decisive).build());
    }

    /** Art. 6, 11, 13, 15: what an evaluation after completion may grade. */
    static Set<Target> owedAtCompletion(CaseRecord c) {
        boolean window = c.handlingMode() == HandlingMode.WINDOW || c.handlingMode() == HandlingMode.ONLINE_AND_OFFLINE;
        if (c.businessKind() == BusinessKind.QUERY_CONSULTATION) {
            return window ? EnumSet.of(Target.SERVICE_STAFF) : EnumSet.noneOf(Target.class);
        }
        return window ? EnumSet.of(Target.SERVICE_ITEM, Target.SERVICE_STAFF) : EnumSet.of(Target.SERVICE_ITEM);
    }

    /**
     * Records an evaluation. Its case is registered first when it is completed and not yet tracked.
     *
     * @return whether the evaluation counted for at least one tracked case: an active evaluation at completion, made
     *         within the window of Art. 16, of a case not already marked "未评"
     */
    public boolean record(Evaluation e) {
        if (e.kind() != EvaluationKind.ACTIVE || e.stage() == EvaluationStage.AT_RECEIPT || e.evaluatedAt() == null
                || e.caseRecord() == null) {
            return false;
        }
        CaseRecord c = e.caseRecord();
        if (store.find(c.caseNo()) == null && c.status() == CaseStatus.COMPLETED && c.completedAt() != null
                && c.handlingMode() != null) {
            register(c);
        }
        boolean counted = false;
        for (TrackedCase t : coveredBy(e)) {
            if (t.unevaluatedAt() == null && unevaluatedDeadline(t).isMetBy(e.evaluatedAt())) {
                store.addEvaluated(t.caseNo(), e.targets());
                counted = true;
            }
        }
        return counted;
    }

    private List<TrackedCase> coveredBy(Evaluation e) {
        CaseRecord c = e.caseRecord();
        if (e.scope() == EvaluationScope.BATCH && c.batchNo() != null) {
            return store.findByBatch(c.batchNo());
        }
        if (e.scope() == EvaluationScope.THEME && c.themeCode() != null) {
            return store.findByTheme(c.themeCode());
        }
        TrackedCase t = store.find(c.caseNo());
        return t == null ? Collections.<TrackedCase>emptyList() : Collections.singletonList(t);
    }

    /** What is owed at {@code now}, earliest first. */
    public List<DueAction> due(OffsetDateTime now) {
        OffsetDateTime at = ShanghaiTime.normalize(now);
        List<DueAction> due = new ArrayList<>();
        Set<String> batchesReminded = new HashSet<>();
        for (TrackedCase t : store.open(at.minusHours(DeadlineRule.REMINDER.hours()))) {
            Deadline window = unevaluatedDeadline(t);
            if (window.isOverdueAt(at)) {
                due.add(new DueAction(DueAction.Kind.MARK_UNEVALUATED, t, window.dueAt().plusSeconds(1), window));
            } else if (t.remindedAt() == null && firstOfItsBatch(t, batchesReminded)) {
                due.add(new DueAction(DueAction.Kind.REMIND, t,
                        deadlines.calculate(DeadlineRule.REMINDER, t.completedAt()).dueAt(), window));
            }
        }
        due.sort(Comparator.comparing(DueAction::dueAt).thenComparing(DueAction::caseNo));
        return due;
    }

    /** What is owed now, by the tracker's clock. */
    public List<DueAction> due() {
        return due(OffsetDateTime.now(clock));
    }

    private boolean firstOfItsBatch(TrackedCase t, Set<String> batchesReminded) {
        if (t.batchNo() == null) {
            return true;
        }
        if (!batchesReminded.add(t.batchNo())) {
            return false;
        }
        for (TrackedCase other : store.findByBatch(t.batchNo())) {
            if (other.remindedAt() != null) {
                return false;
            }
        }
        return true;
    }

    /** The end of the case's evaluation window (Art. 16, 5 working days after completion). */
    public Deadline unevaluatedDeadline(TrackedCase t) {
        return deadlines.calculate(DeadlineRule.UNEVALUATED, t.completedAt());
    }

    /**
     * Claims the reminder of a case: {@code true} for the one caller (of all instances sharing the store) that may
     * send it. For a batch, the claim covers every case of the batch.
     */
    public boolean claimReminder(String caseNo, OffsetDateTime at) {
        TrackedCase t = store.find(caseNo);
        if (t == null || t.isClosed() || !store.claimReminder(caseNo, at)) {
            return false;
        }
        if (t.batchNo() != null) {
            for (TrackedCase other : store.findByBatch(t.batchNo())) {
                store.claimReminder(other.caseNo(), at);
            }
        }
        return true;
    }

    /**
     * Marks a case "未评" when its window has ended at {@code at} and it was not evaluated in time.
     *
     * @return the statistics record of spec §2 for the one caller that marked it; {@code null} otherwise (not
     *         tracked, evaluated, window still open, or already marked)
     */
    public UnevaluatedRecord markUnevaluated(String caseNo, OffsetDateTime at) {
        TrackedCase t = store.find(caseNo);
        if (t == null || t.isClosed() || !unevaluatedDeadline(t).isOverdueAt(at) || !store.claimUnevaluated(caseNo, at)) {
            return null;
        }
        return UnevaluatedRecord.builder().caseNo(t.caseNo()).deptCode(t.deptCode()).areaCode(t.areaCode())
                .hallCode(t.hallCode()).staffNo(t.staffNo()).completedAt(t.completedAt()).build();
    }

    /** The tracked case, or {@code null}. */
    public TrackedCase find(String caseNo) {
        return store.find(caseNo);
    }

    /** The tracked case a verified reminder link points to, or {@code null}. */
    public TrackedCase find(ReminderLink link) {
        return store.findByLinkId(link.linkId());
    }

    public Clock clock() {
        return clock;
    }

    public static final class Builder {
        private TrackerStore store;
        private WorkingDayCalendar calendar;
        private Clock clock;

        private Builder() {
        }

        /** Defaults to a new {@link InMemoryTrackerStore}; several instances share a database store. */
        public Builder store(TrackerStore store) {
            this.store = store;
            return this;
        }

        /** Defaults to {@link WorkingDayCalendar#official()}. */
        public Builder calendar(WorkingDayCalendar calendar) {
            this.calendar = calendar;
            return this;
        }

        /** Defaults to the system clock; used by {@link #due()}. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public EvaluationTracker build() {
            return new EvaluationTracker(this);
        }
    }
}
