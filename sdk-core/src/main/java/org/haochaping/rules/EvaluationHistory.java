package org.haochaping.rules;

import org.haochaping.model.CaseRecord;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationKind;
import org.haochaping.model.EvaluationScope;
import org.haochaping.model.Target;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The cadence rules that compare an evaluation with those already accepted for the same case (Art. 9-12):
 * 一事一评 online, and offline one staff evaluation per visit and one item evaluation after completion; a batch
 * is evaluated once (Art. 12) and a theme either overall, once, or item by item (Art. 14); a joint approval's staff
 * are evaluated at receipt and at completion (Art. 13). An appended evaluation (追加评价) adds to the active
 * evaluation it names ({@link Evaluation#appendsTo()}), keeps its grade and targets, and is made once; it is not a
 * second evaluation. Follow-up visits (回访, Art. 22) are not counted here.
 *
 * <p>Immutable: {@link #with(Evaluation)} returns a new history. The conformance simulator keeps one per case.
 */
public final class EvaluationHistory {

    private final List<Evaluation> accepted;

    private EvaluationHistory(List<Evaluation> accepted) {
        this.accepted = Collections.unmodifiableList(accepted);
    }

    public static EvaluationHistory empty() {
        return new EvaluationHistory(new ArrayList<Evaluation>());
    }

    public static EvaluationHistory of(Collection<Evaluation> accepted) {
        return new EvaluationHistory(new ArrayList<>(accepted));
    }

    public List<Evaluation> accepted() {
        return accepted;
    }

    /** The violations that accepting {@code candidate} after this history would cause; empty when it may be. */
    public List<Violation> violations(Evaluation candidate) {
        List<Violation> out = new ArrayList<>();
        for (Conflict c : conflicts(candidate)) {
            out.add(c.violation());
        }
        return out;
    }

    /**
     * As {@link #violations(Evaluation)}, each with the earlier evaluation it conflicts with (when there is one),
     * so that a report can name both records.
     */
    public List<Conflict> conflicts(Evaluation candidate) {
        List<Conflict> out = new ArrayList<>();
        if (candidate.kind() == EvaluationKind.FOLLOW_UP) {
            return out;
        }
        if (candidate.kind() == EvaluationKind.APPENDED) {
            appended(candidate, out);
            return out;
        }
        for (Target target : candidate.targets()) {
            for (Evaluation earlier : accepted) {
                if (earlier.kind() == EvaluationKind.ACTIVE && earlier.targets().contains(target)
                        && sameSubject(earlier, candidate) && sameOccasion(target, earlier, candidate)) {
                    boolean overallBefore = earlier.scope() == EvaluationScope.THEME;
                    out.add(new Conflict(new Violation("targets", article(candidate, overallBefore),
                            alreadyMessage(candidate, target, overallBefore)), earlier));
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Art. 9(四), 11, 16: an appended evaluation (追加评价) adds indicators or text to the active evaluation it names,
     * of the same subject; it keeps that evaluation's grade and targets, and an evaluation is appended to once.
     */
    private void appended(Evaluation candidate, List<Conflict> out) {
        Evaluation original = null;
        for (Evaluation earlier : accepted) {
            if (candidate.appendsTo() != null && candidate.appendsTo().equals(earlier.evaluationId())
                    && earlier.kind() == EvaluationKind.ACTIVE && sameSubject(earlier, candidate)) {
                original = earlier;
            }
        }
        if (original == null) {
            out.add(new Conflict(new Violation("appendsTo", "Art. 9(四), 11", "names no accepted active evaluation of "
                    + "this case (an appended evaluation, 追加评价, adds to one)"), null));
            return;
        }
        if (candidate.grade() != original.grade()) {
            out.add(new Conflict(new Violation("grade", "Art. 9(四), 11", "an appended evaluation (追加评价) cannot "
                    + "change the grade of the evaluation it adds to (" + chinese(original) + ")"), original));
        }
        if (!original.targets().containsAll(candidate.targets())) {
            out.add(new Conflict(new Violation("targets", "Art. 9(四), 11", "an appended evaluation (追加评价) adds to "
                    + "the targets of the evaluation it names, " + original.targets() + ", and no other"), original));
        }
        for (Evaluation earlier : accepted) {
            if (earlier.kind() == EvaluationKind.APPENDED && candidate.appendsTo().equals(earlier.appendsTo())
                    && sameSubject(earlier, candidate)) {
                out.add(new Conflict(new Violation("appendsTo", "Art. 9(四), 11", "the evaluation it names already "
                        + "has an appended evaluation (追加评价)"), earlier));
                break;
            }
        }
    }

    private static String chinese(Evaluation e) {
        return e.grade() == null ? "no grade" : e.grade().chineseName();
    }

    /** One broken cadence rule and the earlier evaluation it conflicts with ({@code null} when none). */
    public static final class Conflict {
        private final Violation violation;
        private final Evaluation earlier;

        Conflict(Violation violation, Evaluation earlier) {
            this.violation = violation;
            this.earlier = earlier;
        }

        public Violation violation() {
            return violation;
        }

        /** The accepted evaluation the candidate conflicts with, or {@code null}. */
        public Evaluation earlier() {
            return earlier;
        }

        @Override
        public String toString() {
            return violation.toString();
        }
    }

    /** Throws {@link ValidationException} if {@code candidate} may not follow this history; else a new history with it. */
    public EvaluationHistory with(Evaluation candidate) {
        EvaluationPolicy.throwIfAny(violations(candidate));
        List<Evaluation> next = new ArrayList<>(accepted);
        next.add(candidate);
        return new EvaluationHistory(next);
    }

    private static boolean sameSubject(Evaluation a, Evaluation b) {
        CaseRecord ca = a.caseRecord();
        CaseRecord cb = b.caseRecord();
        if (ca == null || cb == null) {
            return false;
        }
        if (b.scope() == EvaluationScope.BATCH || a.scope() == EvaluationScope.BATCH) {
            // Art. 12: one evaluation serves every case of the batch, so any case of the batch counts.
            return ca.batchNo() != null && ca.batchNo().equals(cb.batchNo());
        }
        if (b.scope() == EvaluationScope.THEME || a.scope() == EvaluationScope.THEME) {
            // Art. 14: the overall result applies to every related item, so an overall evaluation and an item of
            // the theme evaluated on its own exclude each other (总体评价, 也可分别评价: one or the other).
            return ca.themeCode() != null && ca.themeCode().equals(cb.themeCode());
        }
        return a.scope() == b.scope() && Objects.equals(ca.caseNo(), cb.caseNo());
    }

    /**
     * Staff are evaluated per visit; the item once per case (Art. 11). For a joint approval (Art. 13) the staff
     * evaluation at receipt (收件时) and the one at completion (办结时) are two occasions, whatever the visit number.
     */
    private static boolean sameOccasion(Target target, Evaluation a, Evaluation b) {
        if (target == Target.SERVICE_ITEM) {
            return true;
        }
        if (a.visitNo() != b.visitNo()) {
            return false;
        }
        boolean joint = a.caseRecord() != null && a.caseRecord().isJointApproval();
        return !joint || a.stage() == b.stage();
    }

    private static String article(Evaluation e, boolean overallBefore) {
        if (e.scope() == EvaluationScope.BATCH) {
            return "Art. 12";
        }
        if (e.scope() == EvaluationScope.THEME || overallBefore) {
            return "Art. 14";
        }
        return e.channel() != null && e.channel().isOnline() ? "Art. 9, 11" : "Art. 10, 11";
    }

    private static String alreadyMessage(Evaluation e, Target target, boolean overallBefore) {
        if (e.scope() == EvaluationScope.BATCH) {
            return "the batch (批量业务) has already been evaluated once (一次评价)";
        }
        if (e.scope() == EvaluationScope.THEME) {
            return overallBefore
                    ? "the theme (主题业务) already has an overall evaluation"
                    : "an item of the theme (主题业务) has already been evaluated on its own; evaluate the others "
                            + "one by one too (分别评价)";
        }
        if (overallBefore) {
            return "the theme (主题业务) of this case already has an overall evaluation, which applies to this "
                    + target.chineseName();
        }
        return target == Target.SERVICE_ITEM
                ? "the service item (服务事项) of this case has already been evaluated once (1次评价)"
                : "the staff (服务人员) of visit " + e.visitNo() + " has already been evaluated (一次一评)";
    }
}
