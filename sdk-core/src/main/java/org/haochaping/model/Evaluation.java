package org.haochaping.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One evaluation (评价) of a case by its evaluator: a grade (Art. 7-8) of one or more targets (Art. 6) with the
 * indicators chosen from the annex or free text (Art. 7), made through a channel (Art. 9-10) on a visit and at a
 * stage of the case (Art. 11, 13), covering the case alone, its batch (Art. 12) or its theme (Art. 14).
 *
 * <p>An evaluation carries the {@link CaseRecord} it refers to, because the rules that decide whether it may be
 * made read the case (how it was handled, its batch, joint approval, theme and business kind). For a batch or
 * theme evaluation that is any case of the batch or theme.
 *
 * <p>Immutable; build with {@link #builder()} and check with {@code org.haochaping.rules.EvaluationPolicy}.
 * {@link #toString()} never shows the evaluator's personal data or the free text.
 */
public final class Evaluation {

    private final String evaluationId;
    private final CaseRecord caseRecord;
    private final EvaluationScope scope;
    private final Set<Target> targets;
    private final Channel channel;
    private final Grade grade;
    private final List<String> indicatorCodes;
    private final String freeText;
    private final OffsetDateTime evaluatedAt;
    private final EvaluationKind kind;
    private final int visitNo;
    private final EvaluationStage stage;
    private final OffsetDateTime servedAt;
    private final String staffNo;
    private final Evaluator evaluator;
    private final String appendsTo;

    private Evaluation(Builder b) {
        this.evaluationId = b.evaluationId;
        this.caseRecord = b.caseRecord;
        this.scope = b.scope;
        this.targets = Collections.unmodifiableSet(b.targets.isEmpty()
                ? EnumSet.noneOf(Target.class) : EnumSet.copyOf(b.targets));
        this.channel = b.channel;
        this.grade = b.grade;
        this.indicatorCodes = Collections.unmodifiableList(new ArrayList<>(b.indicatorCodes));
        this.freeText = b.freeText;
        this.evaluatedAt = b.evaluatedAt;
        this.kind = b.kind;
        this.visitNo = b.visitNo;
        this.stage = b.stage;
        this.servedAt = b.servedAt;
        this.staffNo = b.staffNo;
        this.evaluator = b.evaluator;
        this.appendsTo = b.appendsTo;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.evaluationId = evaluationId;
        b.caseRecord = caseRecord;
        b.scope = scope;
        b.targets.addAll(targets);
        b.channel = channel;
        b.grade = grade;
        b.indicatorCodes.addAll(indicatorCodes);
        b.freeText = freeText;
        b.evaluatedAt = evaluatedAt;
        b.kind = kind;
        b.visitNo = visitNo;
        b.stage = stage;
        b.servedAt = servedAt;
        b.staffNo = staffNo;
        b.evaluator = evaluator;
        b.appendsTo = appendsTo;
        return b;
    }

    /** The evaluating system's own id for this evaluation, or {@code null}. */
    public String evaluationId() {
        return evaluationId;
    }

    /** The case evaluated (for a batch or theme evaluation, a case of that batch or theme). */
    public CaseRecord caseRecord() {
        return caseRecord;
    }

    /** What the evaluation covers: the case, its batch (Art. 12) or its theme (Art. 14). */
    public EvaluationScope scope() {
        return scope;
    }

    /** The targets graded (Art. 6); a batch or joint-approval evaluation grades both (Art. 12, 13). */
    public Set<Target> targets() {
        return targets;
    }

    public Channel channel() {
        return channel;
    }

    public Grade grade() {
        return grade;
    }

    /** The chosen annex indicators, by code (Art. 7). */
    public List<String> indicatorCodes() {
        return indicatorCodes;
    }

    /** Free text (自拟评价内容, Art. 7), or {@code null}. */
    public String freeText() {
        return freeText;
    }

    public OffsetDateTime evaluatedAt() {
        return evaluatedAt;
    }

    public EvaluationKind kind() {
        return kind;
    }

    /** Which visit of the case is evaluated, from 1 (Art. 11: each on-site visit may be evaluated). */
    public int visitNo() {
        return visitNo;
    }

    public EvaluationStage stage() {
        return stage;
    }

    /** When the evaluated service was given (the visit), or {@code null}. */
    public OffsetDateTime servedAt() {
        return servedAt;
    }

    /** The staff member evaluated, or {@code null} when no staff is graded. */
    public String staffNo() {
        return staffNo;
    }

    /** The real-name evaluator (Art. 17). */
    public Evaluator evaluator() {
        return evaluator;
    }

    /**
     * For an appended evaluation (追加评价): the {@link #evaluationId()} of the evaluation it adds to; otherwise
     * {@code null}. An appended evaluation adds indicators or text and keeps that evaluation's grade.
     */
    public String appendsTo() {
        return appendsTo;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Evaluation)) {
            return false;
        }
        Evaluation e = (Evaluation) o;
        return Objects.equals(evaluationId, e.evaluationId) && Objects.equals(caseRecord, e.caseRecord)
                && scope == e.scope && targets.equals(e.targets) && channel == e.channel && grade == e.grade
                && indicatorCodes.equals(e.indicatorCodes) && Objects.equals(freeText, e.freeText)
                && CaseRecord.sameInstant(evaluatedAt, e.evaluatedAt) && kind == e.kind && visitNo == e.visitNo
                && stage == e.stage && CaseRecord.sameInstant(servedAt, e.servedAt)
                && Objects.equals(staffNo, e.staffNo)
                && Objects.equals(evaluator, e.evaluator) && Objects.equals(appendsTo, e.appendsTo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(evaluationId, caseRecord, grade, channel, visitNo);
    }

    @Override
    public String toString() {
        return "Evaluation{" + (evaluationId == null ? "" : evaluationId + ", ")
                + "case " + (caseRecord == null ? null : caseRecord.caseNo()) + ", " + scope + ", " + targets
                + ", " + grade + ", " + channel + ", " + kind + (appendsTo == null ? "" : " to " + appendsTo) + ", visit " + visitNo + ", " + stage
                + ", indicators " + indicatorCodes + (freeText == null ? "" : ", with free text") + "}";
    }

    public static final class Builder {
        private String evaluationId;
        private CaseRecord caseRecord;
        private EvaluationScope scope = EvaluationScope.CASE;
        private final Set<Target> targets = EnumSet.noneOf(Target.class);
        private Channel channel;
        private Grade grade;
        private final List<String> indicatorCodes = new ArrayList<>();
        private String freeText;
        private OffsetDateTime evaluatedAt;
        private EvaluationKind kind = EvaluationKind.ACTIVE;
        private int visitNo = 1;
        private EvaluationStage stage;
        private OffsetDateTime servedAt;
        private String staffNo;
        private Evaluator evaluator;
        private String appendsTo;

        private Builder() {
        }

        public Builder evaluationId(String evaluationId) {
            this.evaluationId = evaluationId;
            return this;
        }

        public Builder caseRecord(CaseRecord caseRecord) {
            this.caseRecord = caseRecord;
            return this;
        }

        /** Defaults to {@link EvaluationScope#CASE}. */
        public Builder scope(EvaluationScope scope) {
            this.scope = scope;
            return this;
        }

        public Builder targets(Target... targets) {
            this.targets.clear();
            Collections.addAll(this.targets, targets);
            return this;
        }

        public Builder targets(Collection<Target> targets) {
            this.targets.clear();
            if (targets != null) {
                this.targets.addAll(targets);
            }
            return this;
        }

        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        public Builder grade(Grade grade) {
            this.grade = grade;
            return this;
        }

        public Builder indicators(String... codes) {
            this.indicatorCodes.clear();
            Collections.addAll(this.indicatorCodes, codes);
            return this;
        }

        public Builder indicators(Collection<String> codes) {
            this.indicatorCodes.clear();
            if (codes != null) {
                this.indicatorCodes.addAll(codes);
            }
            return this;
        }

        public Builder freeText(String freeText) {
            this.freeText = freeText;
            return this;
        }

        public Builder evaluatedAt(OffsetDateTime evaluatedAt) {
            this.evaluatedAt = evaluatedAt;
            return this;
        }

        /** Defaults to {@link EvaluationKind#ACTIVE}. */
        public Builder kind(EvaluationKind kind) {
            this.kind = kind;
            return this;
        }

        /** Defaults to 1. */
        public Builder visitNo(int visitNo) {
            this.visitNo = visitNo;
            return this;
        }

        public Builder stage(EvaluationStage stage) {
            this.stage = stage;
            return this;
        }

        public Builder servedAt(OffsetDateTime servedAt) {
            this.servedAt = servedAt;
            return this;
        }

        /** The staff member evaluated (may be {@code null} when no staff is graded). */
        public Builder staffNo(String staffNo) {
            this.staffNo = staffNo;
            return this;
        }

        public Builder evaluator(Evaluator evaluator) {
            this.evaluator = evaluator;
            return this;
        }

        /** For an appended evaluation (追加评价): the id of the evaluation it adds to. */
        public Builder appendsTo(String evaluationId) {
            this.appendsTo = evaluationId;
            return this;
        }

        public Evaluation build() {
            return new Evaluation(this);
        }
    }
}
