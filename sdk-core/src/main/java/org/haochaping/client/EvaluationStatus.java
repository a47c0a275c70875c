package org.haochaping.client;

import org.haochaping.model.Grade;

/** Where an accepted evaluation stands (interface-spec 5.4). Immutable. */
public final class EvaluationStatus {

    /** Whether the evaluation counts. */
    public enum Adoption {
        /** It counts. */
        ADOPTED,
        /** Its work order ended dismissed (不实/误评, Art. 19) or invalidated on review (Art. 21): it counts as 未评. */
        NOT_ADOPTED
    }

    private final String evaluationNo;
    private final String evaluationId;
    private final String caseNo;
    private final Grade grade;
    private final Adoption adoption;
    private final String workOrderNo;

    EvaluationStatus(String evaluationNo, String evaluationId, String caseNo, Grade grade, Adoption adoption,
            String workOrderNo) {
        this.evaluationNo = evaluationNo;
        this.evaluationId = evaluationId;
        this.caseNo = caseNo;
        this.grade = grade;
        this.adoption = adoption;
        this.workOrderNo = workOrderNo;
    }

    public String evaluationNo() {
        return evaluationNo;
    }

    /** The submitting system's own id, or {@code null}. */
    public String evaluationId() {
        return evaluationId;
    }

    public String caseNo() {
        return caseNo;
    }

    public Grade grade() {
        return grade;
    }

    public Adoption adoption() {
        return adoption;
    }

    /** The work order of a 差评, or {@code null}. */
    public String workOrderNo() {
        return workOrderNo;
    }

    @Override
    public String toString() {
        return "EvaluationStatus{" + evaluationNo + ", case " + caseNo + ", " + grade + ", " + adoption
                + (workOrderNo == null ? "" : ", work order " + workOrderNo) + "}";
    }
}
