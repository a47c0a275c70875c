package org.haochaping.examples;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;

import org.haochaping.client.HcpClient;
import org.haochaping.client.RecordResult;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.CertificateType;
import org.haochaping.model.Channel;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationStage;
import org.haochaping.model.Evaluator;
import org.haochaping.model.EvaluatorKind;
import org.haochaping.model.Grade;
import org.haochaping.model.HandlingMode;
import org.haochaping.model.Target;
import org.haochaping.rules.EvaluationHistory;
import org.haochaping.rules.EvaluationPolicy;
import org.haochaping.rules.Violation;

/**
 * User story 2: the window evaluator (窗口评价器, Art. 10(一)) on the counter of window A12. When the staff
 * finish, the applicant presses a key; the device checks the evaluation against the rules before sending, so the
 * applicant can be asked again on the spot instead of the platform refusing the record later.
 */
public final class WindowEvaluator {

    public static void main(String[] args) {
        EvaluationPolicy rules = EvaluationPolicy.standard(); // chapter 4 of the rules, immutable and shared
        EvaluationHistory thisVisit = EvaluationHistory.empty(); // what this visit already evaluated (Art. 11)

        CaseRecord visit = CaseRecord.builder().caseNo("TJ2026112600101")
                .item("11120000000123456100012011700001", "企业设立登记")
                .department("111200000001234561", "天津市市场监督管理委员会").areaCode("120000")
                .hallAndWindow("TJZWFW-01", "A12").staff("S1024", "李四")
                .status(CaseStatus.COMPLETED).acceptedAt(OffsetDateTime.parse("2026-11-26T09:05:00+08:00"))
                .completedAt(OffsetDateTime.parse("2026-11-26T09:40:00+08:00"))
                .handlingMode(HandlingMode.WINDOW).build();
        Evaluator applicant = Evaluator.builder().kind(EvaluatorKind.NATURAL_PERSON).name("张三")
                .certificate(CertificateType.RESIDENT_ID_CARD, "120101198506121236").mobile("13812345678").build();

        // The applicant presses 非常不满意 but picks no reason: a bad review must name its indicators (Art. 7).
        Evaluation pressed = Evaluation.builder().evaluationId("A12-20261126-0001").caseRecord(visit)
                .targets(Target.SERVICE_STAFF).channel(Channel.WINDOW_EVALUATOR).grade(Grade.VERY_DISSATISFIED)
                .stage(EvaluationStage.AT_COMPLETION).evaluatedAt(OffsetDateTime.parse("2026-11-26T09:41:00+08:00"))
                .staffNo("S1024").evaluator(applicant).build();
        List<Violation> problems = rules.violations(pressed);
        System.out.println("first try: " + problems.size() + " problem(s), the device asks again:");
        for (Violation v : problems) {
            System.out.println("  " + v); // names the field and the article; never the applicant's personal data
        }

        // Asked again, the applicant chooses 非常满意 with indicator 2501: the rules are satisfied.
        // check() throws a ValidationException naming every violation; with() also records it for this visit.
        Evaluation chosen = rules.check(pressed.toBuilder().grade(Grade.VERY_SATISFIED).indicators("2501").build());
        System.out.println("second try: " + rules.violations(chosen).size() + " problem(s)");
        thisVisit = thisVisit.with(chosen);

        // A second press for the same staff on the same visit would be a second active evaluation (Art. 11).
        Evaluation secondPress = chosen.toBuilder().evaluationId("A12-20261126-0002").build();
        for (Violation v : thisVisit.violations(secondPress)) {
            System.out.println("second press refused: " + v);
        }

        // Only the checked evaluation is sent; the platform gives it its number.
        try (LocalPlatform platform = LocalPlatform.start("tjzwfw-window-a12");
             HcpClient client = platform.client().build()) {
            RecordResult sent = client.submitEvaluations(Collections.singletonList(chosen)).results().get(0);
            System.out.println("sent: " + sent.status() + " as " + sent.evaluationNo());
        }
    }
}
