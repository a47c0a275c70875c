package org.haochaping.rules;

import org.haochaping.model.BusinessKind;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.Channel;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationKind;
import org.haochaping.model.EvaluationScope;
import org.haochaping.model.EvaluationStage;
import org.haochaping.model.Grade;
import org.haochaping.model.HandlingMode;
import org.haochaping.model.Indicator;
import org.haochaping.model.IndicatorCatalogue;
import org.haochaping.model.Target;

import org.haochaping.calendar.DateNotCoveredException;
import org.haochaping.calendar.ShanghaiTime;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.deadline.Deadline;
import org.haochaping.deadline.DeadlineCalculator;
import org.haochaping.deadline.DeadlineRule;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The evaluation rules of chapters 2-5 applied to one evaluation and its case: what may be evaluated (Art. 6, 11,
 * 15), how a grade is justified (Art. 7), batches (Art. 12), joint approvals (Art. 13), themes (Art. 14), real
 * name (Art. 17) and the follow-up visit (Art. 22). Rules that compare an evaluation with earlier ones (one per
 * case, one per visit) are in {@link EvaluationHistory}.
 *
 * <p>Two rules read time: an evaluation made after the Art. 16 window (the end of the 5th working day after
 * completion, on the policy's {@link WorkingDayCalendar}) is refused, the case being 未评; and an evaluation
 * whose {@code evaluatedAt} is later than the policy's {@link Clock} plus {@link #ALLOWED_CLOCK_SKEW} is refused.
 * Where the calendar has no data for the days the window spans, the window is not decided here (the calendar's
 * own policy for such years applies).
 *
 * <p>All violations are reported at once. Immutable and thread-safe.
 */
public final class EvaluationPolicy {

    static final int MAX_FREE_TEXT = 500;
    static final int MAX_VISIT = 99;

    /** How far {@code evaluatedAt} may be ahead of the checking clock (clocks of terminals drift). */
    public static final Duration ALLOWED_CLOCK_SKEW = Duration.ofMinutes(5);

    private final IndicatorCatalogue catalogue;
    private final DeadlineCalculator deadlines;
    private final Clock clock;

    private EvaluationPolicy(IndicatorCatalogue catalogue, DeadlineCalculator deadlines, Clock clock) {
        this.catalogue = catalogue;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The Tianjin rules with the annex's indicator catalogue, the official calendar and the system clock. */
    public static EvaluationPolicy standard() {
        return new EvaluationPolicy(IndicatorCatalogue.standard(), DeadlineCalculator.official(), Clock.systemUTC());
    }

    /** The same rules checked against another clock (evaluations from its future are refused). */
    public EvaluationPolicy withClock(Clock clock) {
        if (clock == null) {
            throw new IllegalArgumentException("clock is required");
        }
        return new EvaluationPolicy(catalogue, deadlines, clock);
    }

    /** The same rules on another working-day calendar (the Art. 16 window). */
    public EvaluationPolicy withCalendar(WorkingDayCalendar calendar) {
        return new EvaluationPolicy(catalogue, new DeadlineCalculator(calendar), clock);
    }

    public Clock clock() {
        return clock;
    }

    public WorkingDayCalendar calendar() {
        return deadlines.calendar();
    }

    /**
     * The Art. 16 window of a completed case: evaluations are accepted until its {@code dueAt}; {@code null} when
     * the case is not completed or the calendar has no data for the days it spans.
     */
    public Deadline evaluationWindow(CaseRecord c) {
        if (c == null || c.status() != CaseStatus.COMPLETED || c.completedAt() == null) {
            return null;
        }
        try {
            return deadlines.calculate(DeadlineRule.UNEVALUATED, c.completedAt());
        } catch (DateNotCoveredException e) {
            return null;
        }
    }

    /** Every violation of a case record; paths relative to the case. */
    public List<Violation> violations(CaseRecord caseRecord) {
        return CaseRules.violations(caseRecord);
    }

    /** Throws {@link ValidationException} with every violation of the case record. */
    public CaseRecord check(CaseRecord caseRecord) {
        throwIfAny(violations(caseRecord));
        return caseRecord;
    }

    /** Throws {@link ValidationException} with every violation of the evaluation (and its case). */
    public Evaluation check(Evaluation evaluation) {
        throwIfAny(violations(evaluation));
        return evaluation;
    }

    static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /** Every violation of the evaluation and of its case ({@code case.*} paths), empty when it may be accepted. */
    public List<Violation> violations(Evaluation e) {
        Checks k = new Checks();
        k.code("evaluationId", e.evaluationId(), CaseRules.MAX_CODE);
        CaseRecord c = e.caseRecord();
        List<Violation> caseViolations = CaseRules.violations(c);
        k.addAll(caseViolations, c == null ? "" : "case");
        k.required("scope", e.scope(), "评价范围 (case, batch or theme)");
        k.required("channel", e.channel(), "评价渠道 (Art. 9-10)");
        k.required("evaluatedAt", e.evaluatedAt(), "评价时间");
        k.required("kind", e.kind(), "评价类型");
        boolean graded = k.required("grade", e.grade(), "服务等级 (Art. 7)");
        if (e.targets().isEmpty()) {
            k.add("targets", "Art. 6", "name at least one target: 服务事项 or 服务人员");
        }
        boolean staged = k.required("stage", e.stage(), "收件时 or 办结时 (Art. 11, 13)");
        if (e.visitNo() < 1 || e.visitNo() > MAX_VISIT) {
            k.add("visitNo", "Art. 11", "must be from 1 to " + MAX_VISIT);
        }
        k.text("freeText", e.freeText(), MAX_FREE_TEXT);
        k.code("staffNo", e.staffNo(), 32);
        boolean staffHandled = c == null || (c.handlingMode() != HandlingMode.FULLY_ONLINE
                && c.handlingMode() != HandlingMode.SELF_SERVICE);
        if (staffHandled && e.targets().contains(Target.SERVICE_STAFF) && isBlank(e.staffNo())
                && (c == null || isBlank(c.staffNo()))) {
            k.add("staffNo", "Art. 10(一), 26", "is required when the staff (服务人员) is graded: name the staff member "
                    + "(the evaluation's or the case's staffNo), so the evaluation can be shown and ranked");
        }
        appended(e, k);
        k.addAll(EvaluatorRules.violations(e.evaluator()), e.evaluator() == null ? "" : "evaluator");
        if (graded) {
            indicators(e, k);
            followUp(e, k);
        }
        boolean caseReadable = c != null && c.handlingMode() != null && c.businessKind() != null && c.status() != null;
        if (caseReadable && staged && e.scope() != null && e.channel() != null) {
            whatMayBeEvaluated(e, c, k);
            scope(e, c, k);
            timing(e, c, k);
        }
        return k.result();
    }

    private static boolean isBlank(String s) {
        return s == null || s.trim().isEmpty();
    }

    /** Art. 9(四), 11: an appended evaluation (追加评价) names the evaluation it adds to; no other kind does. */
    private static void appended(Evaluation e, Checks k) {
        k.code("appendsTo", e.appendsTo(), CaseRules.MAX_CODE);
        if (e.kind() == EvaluationKind.APPENDED && isBlank(e.appendsTo())) {
            k.add("appendsTo", "Art. 9(四), 11", "is required for an appended evaluation (追加评价): the evaluationId "
                    + "of the evaluation it adds to");
        } else if (e.kind() != null && e.kind() != EvaluationKind.APPENDED && e.appendsTo() != null) {
            k.add("appendsTo", "Art. 9(四), 11", "is only for an appended evaluation (追加评价), not " + e.kind().chineseName());
        }
    }

    /** Art. 7: indicators belong to the graded targets and to the grade; a bad grade is justified per target. */
    private void indicators(Evaluation e, Checks k) {
        Grade grade = e.grade();
        Set<Target> covered = EnumSet.noneOf(Target.class);
        Set<String> seen = new HashSet<>();
        boolean hasText = e.freeText() != null && !e.freeText().trim().isEmpty();
        List<String> codes = e.indicatorCodes();
        for (int i = 0; i < codes.size(); i++) {
            String path = "indicators[" + i + "]";
            Indicator ind = catalogue.find(codes.get(i));
            if (ind == null) {
                k.add(path, "Art. 7", "'" + codes.get(i) + "' is not an indicator code of the annex (附表)");
                continue;
            }
            if (!seen.add(ind.code())) {
                k.add(path, "Art. 7", ind.code() + " is chosen twice");
            }
            if (!e.targets().contains(ind.target())) {
                k.add(path, "Art. 6-7", ind.code() + " is a " + ind.target().chineseName()
                        + " indicator but the evaluation does not grade " + ind.target().chineseName());
            }
            if (ind.grade() != grade) {
                k.add(path, "Art. 7", ind.code() + " is a " + ind.grade().chineseName()
                        + " indicator but the grade is " + grade.chineseName());
            }
            if (ind.requiresFreeText() && !hasText) {
                k.add("freeText", "Art. 7", "is required with " + ind.code() + " 其他: write the reason (自拟评价内容)");
            }
            if (ind.grade() == grade) {
                covered.add(ind.target());
            }
        }
        if (!grade.isBad() || e.kind() == EvaluationKind.FOLLOW_UP) {
            // Art. 22 asks the evaluator 满意 or 不满意 of the rectification; Art. 7's reason is for the review itself.
            return;
        }
        boolean bothNamed = e.targets().size() > 1
                && (e.scope() == EvaluationScope.BATCH || (e.caseRecord() != null && e.caseRecord().isJointApproval()));
        for (Target t : e.targets()) {
            if (covered.contains(t)) {
                continue;
            }
            if (bothNamed) {
                String article = e.scope() == EvaluationScope.BATCH ? "Art. 12" : "Art. 13";
                k.add("indicators", article, "a 差评 of both staff and item must name specific "
                        + t.chineseName() + " indicators (需选择服务人员和服务事项具体差评内容)");
            } else if (!hasText) {
                k.add("indicators", "Art. 7", "a 差评 (" + grade.chineseName() + ") of " + t.chineseName()
                        + " needs a " + t.chineseName() + " indicator or free text giving the reason");
            }
        }
    }

    /** Art. 22: the 12345 follow-up visit asks 满意 or 不满意 only. */
    private static void followUp(Evaluation e, Checks k) {
        if (e.kind() != EvaluationKind.FOLLOW_UP) {
            return;
        }
        if (e.grade() != Grade.SATISFIED && e.grade() != Grade.DISSATISFIED) {
            k.add("grade", "Art. 22", "a follow-up visit (回访) records 满意 or 不满意 only, not " + e.grade().chineseName());
        }
        if (e.channel() != null && e.channel() != Channel.HOTLINE_12345) {
            k.add("channel", "Art. 22", "follow-up visits (回访) are made by the 12345 hotline");
        }
    }

    /** Art. 6, 10, 11, 13, 15: which targets may be graded for this case, at this stage, through this channel. */
    private static void whatMayBeEvaluated(Evaluation e, CaseRecord c, Checks k) {
        HandlingMode mode = c.handlingMode();
        boolean onlineOnly = mode == HandlingMode.FULLY_ONLINE || mode == HandlingMode.SELF_SERVICE;
        if (c.businessKind() == BusinessKind.QUERY_CONSULTATION) {
            if (onlineOnly) {
                k.add("case.businessKind", "Art. 15", "a 查询咨询 completed online (" + mode.chineseName()
                        + ") is not evaluated (不进行评价)");
                return;
            }
            if (e.targets().contains(Target.SERVICE_ITEM)) {
                k.add("targets", "Art. 15", "a 查询咨询 in a hall is evaluated on the window staff (服务人员) only");
            }
            if (e.stage() != EvaluationStage.AT_COMPLETION) {
                k.add("stage", "Art. 15", "a 查询咨询 is evaluated once completed in the hall (在政务大厅办结的), 办结时");
            }
            completionStage(e, c, k);
            return;
        }
        if (onlineOnly && e.targets().contains(Target.SERVICE_STAFF)) {
            k.add("targets", mode == HandlingMode.FULLY_ONLINE ? "Art. 6" : "Art. 11",
                    "a case handled by " + mode.chineseName() + " is evaluated on the service item (服务事项) only");
        }
        if (mode == HandlingMode.FULLY_ONLINE && isHallChannel(e.channel())) {
            k.add("channel", "Art. 6, 10", "a 全程网办 case has no hall visit to evaluate through "
                    + e.channel().chineseName());
        }
        if (onlineOnly && e.stage() != EvaluationStage.AT_COMPLETION) {
            k.add("stage", "Art. 11", "a " + mode.chineseName() + " case is evaluated once, after completion (办结后)");
        } else if (e.targets().contains(Target.SERVICE_ITEM) && e.stage() != EvaluationStage.AT_COMPLETION) {
            k.add("stage", "Art. 11", "the service item (服务事项) is evaluated after completion (办结后)");
        }
        if (onlineOnly && e.visitNo() != 1) {
            k.add("visitNo", "Art. 9, 11", "a " + mode.chineseName() + " case has one evaluation (一事一评), visit 1");
        }
        completionStage(e, c, k);
        if (c.isJointApproval() && !onlineOnly) {
            // Art. 13 describes window handling (收件, 窗口人员); a joint approval handled wholly online or at a
            // terminal is evaluated like any such case (Art. 6, 11): the item, once, after completion.
            Set<Target> expected = e.stage() == EvaluationStage.AT_RECEIPT
                    ? EnumSet.of(Target.SERVICE_STAFF) : EnumSet.allOf(Target.class);
            if (!e.targets().equals(expected)) {
                k.add("targets", "Art. 13", e.stage() == EvaluationStage.AT_RECEIPT
                        ? "a joint approval (联合审批) is evaluated on the window staff only at receipt (收件时)"
                        : "a joint approval (联合审批) is evaluated on both staff and item at completion (办结时)");
            }
        }
    }

    /** Art. 11: an evaluation at completion (办结时) needs a completed case. */
    private static void completionStage(Evaluation e, CaseRecord c, Checks k) {
        if (e.stage() == EvaluationStage.AT_COMPLETION && c.status() != CaseStatus.COMPLETED) {
            k.add("stage", "Art. 11", "is 办结时 but the case is " + c.status().chineseName());
        }
    }

    private static boolean isHallChannel(Channel channel) {
        // The dynamic code is printed on a hall receipt (回执单) and read after a visit: a hall channel (Art. 10(二)).
        return channel == Channel.WINDOW_EVALUATOR || channel == Channel.STATIC_QR_CODE
                || channel == Channel.DYNAMIC_QR_CODE || channel == Channel.SELF_SERVICE_TERMINAL
                || channel == Channel.SUGGESTION_BOX;
    }

    /** Art. 12, 14: batch and theme evaluations. */
    private static void scope(Evaluation e, CaseRecord c, Checks k) {
        if (e.scope() == EvaluationScope.CASE && c.batchNo() != null && e.kind() != EvaluationKind.FOLLOW_UP) {
            k.add("scope", "Art. 12", "the case belongs to batch " + c.batchNo() + " (批量业务), which is evaluated "
                    + "once for all its cases (一次评价): evaluate it with scope BATCH");
        }
        if (e.scope() == EvaluationScope.BATCH) {
            if (c.batchNo() == null) {
                k.add("case.batchNo", "Art. 12", "is required for a batch evaluation (批量业务)");
            }
            if (!e.targets().equals(EnumSet.allOf(Target.class))) {
                k.add("targets", "Art. 12", "a batch evaluation (一次评价) applies to both staff and item");
            }
        }
        if (e.scope() == EvaluationScope.THEME) {
            if (c.themeCode() == null) {
                k.add("case.themeCode", "Art. 14", "is required for an overall theme evaluation (总体评价)");
            } else if (c.relatedItemCodes().isEmpty()) {
                k.add("case.relatedItemCodes", "Art. 14", "an overall theme evaluation applies to the related items: list them");
            }
        }
    }

    /** Art. 11, 16: an evaluation follows the service it grades, within the Art. 16 window, not from the future. */
    private void timing(Evaluation e, CaseRecord c, Checks k) {
        if (e.evaluatedAt() == null) {
            return;
        }
        if (e.evaluatedAt().toInstant().isAfter(clock.instant().plus(ALLOWED_CLOCK_SKEW))) {
            k.add("evaluatedAt", Checks.SPEC, "is in the future: later than the checking clock ("
                    + ShanghaiTime.format(ShanghaiTime.normalize(clock.instant().atOffset(java.time.ZoneOffset.UTC)))
                    + ") plus " + ALLOWED_CLOCK_SKEW.toMinutes() + " minutes");
        }
        Deadline window = e.kind() == EvaluationKind.FOLLOW_UP ? null : evaluationWindow(c);
        if (window != null && !window.isMetBy(e.evaluatedAt())) {
            k.add("evaluatedAt", "Art. 16", "is after the evaluation window: 5 working days after completion (办结) "
                    + "ended at " + ShanghaiTime.format(window.dueAt()) + "; the case is 未评");
        }
        if (c.acceptedAt() != null && e.evaluatedAt().isBefore(c.acceptedAt())) {
            k.add("evaluatedAt", "Art. 11", "is before the case was accepted (受理)");
        }
        if (e.stage() == EvaluationStage.AT_COMPLETION && c.completedAt() != null
                && e.evaluatedAt().isBefore(c.completedAt())) {
            k.add("evaluatedAt", "Art. 11", "is before completion (办结) but the stage is 办结时");
        }
        if (e.servedAt() != null && e.evaluatedAt().isBefore(e.servedAt())) {
            k.add("evaluatedAt", "Art. 11", "is before the service it evaluates (servedAt)");
        }
    }
}
