package org.haochaping.tracking;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.haochaping.calendar.ShanghaiTime;
import org.haochaping.deadline.Deadline;
import org.haochaping.model.Target;

/**
 * What Art. 16 asks of a department for one case at a given moment: remind the evaluator, or mark the case "未评".
 * Immutable.
 */
public final class DueAction {

    /** The two acts of Art. 16. */
    public enum Kind {
        /** 24 hours after completion and still no evaluation: "可发送短信或致电提醒". */
        REMIND("Art. 16", "评价提醒"),
        /** The 5th working day after completion has ended without an evaluation: "系统标记为'未评'". */
        MARK_UNEVALUATED("Art. 16", "标记未评");

        private final String article;
        private final String chineseName;

        Kind(String article, String chineseName) {
            this.article = article;
            this.chineseName = chineseName;
        }

        public String article() {
            return article;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    private final Kind kind;
    private final TrackedCase trackedCase;
    private final OffsetDateTime dueAt;
    private final Deadline evaluationDeadline;

    DueAction(Kind kind, TrackedCase trackedCase, OffsetDateTime dueAt, Deadline evaluationDeadline) {
        this.kind = kind;
        this.trackedCase = trackedCase;
        this.dueAt = ShanghaiTime.normalize(dueAt);
        this.evaluationDeadline = evaluationDeadline;
    }

    public Kind kind() {
        return kind;
    }

    public String caseNo() {
        return trackedCase.caseNo();
    }

    public TrackedCase trackedCase() {
        return trackedCase;
    }

    /**
     * The first instant at which the act is due: completion + 24 hours for {@link Kind#REMIND}; the second after the
     * end of the 5th working day for {@link Kind#MARK_UNEVALUATED}.
     */
    public OffsetDateTime dueAt() {
        return dueAt;
    }

    /** The end of the evaluation window (Art. 16, 5 working days after completion); a reminder quotes it. */
    public Deadline evaluationDeadline() {
        return evaluationDeadline;
    }

    /** Whether the evaluation window was counted on provisional calendar data (no official arrangement loaded). */
    public boolean provisional() {
        return evaluationDeadline.isProvisional();
    }

    /** The targets an evaluation may still grade. */
    public Set<Target> stillOwed() {
        Set<Target> owed = trackedCase.stillOwed();
        return Collections.unmodifiableSet(owed.isEmpty() ? EnumSet.noneOf(Target.class) : EnumSet.copyOf(owed));
    }

    @Override
    public String toString() {
        return caseNo() + " " + kind + " " + ShanghaiTime.format(dueAt);
    }
}
