package org.haochaping.client;

import org.haochaping.rules.Violation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The platform's answer for one record of a submission (interface-spec 5.2, 5.3). Immutable. */
public final class RecordResult {

    private final int index;
    private final RecordStatus status;
    private final String caseNo;
    private final String evaluationNo;
    private final String workOrderNo;
    private final List<Violation> violations;

    RecordResult(int index, RecordStatus status, String caseNo, String evaluationNo, String workOrderNo,
            List<Violation> violations) {
        this.index = index;
        this.status = status;
        this.caseNo = caseNo;
        this.evaluationNo = evaluationNo;
        this.workOrderNo = workOrderNo;
        this.violations = Collections.unmodifiableList(new ArrayList<>(violations));
    }

    /** The record's position in the request. */
    public int index() {
        return index;
    }

    public RecordStatus status() {
        return status;
    }

    /** The case the record is about, or {@code null}. */
    public String caseNo() {
        return caseNo;
    }

    /** The platform's number for an accepted or duplicate evaluation, or {@code null}. */
    public String evaluationNo() {
        return evaluationNo;
    }

    /** The work order opened for an accepted 差评 (Art. 18), or {@code null}. */
    public String workOrderNo() {
        return workOrderNo;
    }

    /** Why a record was refused; empty otherwise. */
    public List<Violation> violations() {
        return violations;
    }

    @Override
    public String toString() {
        return "RecordResult{" + index + ", " + status + (caseNo == null ? "" : ", case " + caseNo)
                + (evaluationNo == null ? "" : ", evaluation " + evaluationNo)
                + (workOrderNo == null ? "" : ", work order " + workOrderNo)
                + (violations.isEmpty() ? "" : ", " + violations) + "}";
    }
}
