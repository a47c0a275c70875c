package org.haochaping.conformance.simulator;

import java.util.Collections;
import java.util.List;

import org.haochaping.rules.Violation;

/** The result of one record of a submission (docs/interface-spec.md, 5.2, 5.3). Immutable. */
final class RecordResult {

    enum Status {
        ACCEPTED, UPDATED, DUPLICATE, REJECTED
    }

    final int index;
    final Status status;
    final String caseNo;
    final String evaluationNo;
    final String workOrderNo;
    final List<Violation> violations;

    private RecordResult(int index, Status status, String caseNo, String evaluationNo, String workOrderNo,
            List<Violation> violations) {
        this.index = index;
        this.status = status;
        this.caseNo = caseNo;
        this.evaluationNo = evaluationNo;
        this.workOrderNo = workOrderNo;
        this.violations = Collections.unmodifiableList(violations);
    }

    static RecordResult rejected(int index, String caseNo, List<Violation> violations) {
        return new RecordResult(index, Status.REJECTED, caseNo, null, null, violations);
    }

    static RecordResult ofCase(int index, Status status, String caseNo) {
        return new RecordResult(index, status, caseNo, null, null, Collections.<Violation>emptyList());
    }

    static RecordResult ofEvaluation(int index, Status status, String caseNo, String evaluationNo, String workOrderNo) {
        return new RecordResult(index, status, caseNo, evaluationNo, workOrderNo, Collections.<Violation>emptyList());
    }

    @Override
    public String toString() {
        return "[" + index + "] " + status + (evaluationNo == null ? "" : " " + evaluationNo)
                + (violations.isEmpty() ? "" : " " + violations);
    }
}
