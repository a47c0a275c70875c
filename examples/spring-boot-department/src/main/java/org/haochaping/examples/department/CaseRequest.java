package org.haochaping.examples.department;

import java.time.OffsetDateTime;
import java.util.List;
import org.haochaping.model.HandlingMode;

/**
 * A completed case (办结的办件) as the department's front end posts it, with the applicant's evaluation on the
 * department's site, if one was made.
 */
public record CaseRequest(String caseNo, String itemCode, String itemName, HandlingMode handlingMode,
        OffsetDateTime acceptedAt, OffsetDateTime completedAt, EvaluationRequest evaluation) {

    /** One evaluation: grade, the indicators and text a 差评 needs (Art. 7), and the evaluator (实名, Art. 17). */
    public record EvaluationRequest(String grade, List<String> targets, List<String> indicators, String freeText,
            OffsetDateTime evaluatedAt, String evaluatorName, String certificateNumber, String mobile,
            String staffNo) {
    }
}
