package org.haochaping.conformance.simulator;

import java.time.Instant;

import org.haochaping.model.Evaluation;

/**
 * An evaluation the simulator accepted and counted once, with the numbers it gave it. Immutable.
 * {@link #evaluation()} holds the evaluator's personal data; {@code toString()} does not show it.
 */
public final class AcceptedEvaluation {

    private final String evaluationNo;
    private final String sender;
    private final String profile;
    private final Evaluation evaluation;
    private final String workOrderNo;
    private final Instant acceptedAt;

    AcceptedEvaluation(String evaluationNo, String sender, String profile, Evaluation evaluation, String workOrderNo,
            Instant acceptedAt) {
        this.evaluationNo = evaluationNo;
        this.sender = sender;
        this.profile = profile;
        this.evaluation = evaluation;
        this.workOrderNo = workOrderNo;
        this.acceptedAt = acceptedAt;
    }

    /** The platform's number, {@code E00000001}, {@code E00000002}, ... in order of acceptance. */
    public String evaluationNo() {
        return evaluationNo;
    }

    /** The sending system's own {@code evaluationId}, or {@code null}. */
    public String evaluationId() {
        return evaluation.evaluationId();
    }

    /** The app id (unified endpoints) or {@code appMark} (national endpoint) that sent it. */
    public String sender() {
        return sender;
    }

    /** {@code unified} or {@code national}: the wire profile it arrived in. */
    public String profile() {
        return profile;
    }

    public Evaluation evaluation() {
        return evaluation;
    }

    /** The work order opened for it (a 差评, Art. 18), or {@code null}. */
    public String workOrderNo() {
        return workOrderNo;
    }

    /** The simulator's clock when it was accepted. */
    public Instant acceptedAt() {
        return acceptedAt;
    }

    @Override
    public String toString() {
        return "AcceptedEvaluation[" + evaluationNo + ", case " + evaluation.caseRecord().caseNo() + ", "
                + evaluation.grade() + (workOrderNo == null ? "" : ", work order " + workOrderNo) + "]";
    }
}
