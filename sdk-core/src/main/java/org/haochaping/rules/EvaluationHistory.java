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
 * is evaluated once (Art. 12) and a theme either overall, once, or item by item (Art. 14). An appended evaluation (追加评价)
 * follows an active one of the same target and visit, at most once; follow-up visits (回访, Art. 22) are not
 * counted here.
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
        Checks k = new Checks();
        if (candidate.kind() == EvaluationKind.FOLLOW_UP) {
            return k.result();
        }
        for (Target target : candidate.targets()) {
            int active = 0;
            int appended = 0;
            boolean overallBefore = false;
            for (Evaluation earlier : accepted) {
                if (earlier.kind() != EvaluationKind.FOLLOW_UP && earlier.targets().contains(target)
                        && sameSubject(earlier, candidate) && sameOccasion(target, earlier, candidate)) {
                    if (earlier.kind() == EvaluationKind.ACTIVE) {
                        active++;
                        overallBefore |= earlier.scope() == EvaluationScope.THEME;
                    } else {
                        appended++;
                    }
                }
            }
            if (candidate.kind() == EvaluationKind.ACTIVE && active > 0) {
                k.add("targets", article(candidate, overallBefore), alreadyMessage(candidate, target, overallBefore));
            }
            if (candidate.kind() == EvaluationKind.APPENDED && active == 0) {
                k.add("kind", "Art. 11", "an appended evaluation (追加评价) of " + target.chineseName()
                        + " needs an earlier active evaluation of the same " + occasion(target));
            }
            if (candidate.kind() == EvaluationKind.APPENDED && appended > 0) {
                k.add("kind", "Art. 11", "the " + target.chineseName() + " of this " + occasion(target)
                        + " already has an appended evaluation (追加评价)");
            }
        }
        return k.result();
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

    /** Staff are evaluated per visit; the item once per case (Art. 11). */
    private static boolean sameOccasion(Target target, Evaluation a, Evaluation b) {
        return target == Target.SERVICE_ITEM || a.visitNo() == b.visitNo();
    }

    private static String occasion(Target target) {
        return target == Target.SERVICE_ITEM ? "case" : "visit";
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
