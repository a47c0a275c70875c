package org.haochaping.examples;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.haochaping.client.EvaluationStatus;
import org.haochaping.client.HcpClient;
import org.haochaping.client.RecordResult;
import org.haochaping.client.RecordStatus;
import org.haochaping.client.SubmissionResult;
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
import org.haochaping.transport.RequestOptions;

/**
 * User story 1: a department's business system (专网业务系统, Art. 9(二)) reports its cases (办件, Art. 5) and
 * the evaluations its own site collected to the central platform, then asks what became of one of them.
 */
public final class DepartmentSystem {

    public static void main(String[] args) {
        try (LocalPlatform platform = LocalPlatform.start("tj-market-regulation");
             HcpClient client = platform.client().build()) { // thread-safe: build one, share it

            // 1. Report the cases as they are accepted and completed: every case must reach the platform (Art. 5).
            CaseRecord licence = onlineCase("TJ2026112600001", "2026-11-26T10:02:00+08:00");
            CaseRecord change = onlineCase("TJ2026112600002", "2026-11-26T11:30:00+08:00");
            SubmissionResult cases = client.submitCases(Arrays.asList(licence, change), RequestOptions.defaults());
            System.out.println("cases reported: " + cases.count(RecordStatus.ACCEPTED) + " accepted");

            // 2. The applicants evaluated the service item on the department's site after completion (Art. 11).
            //    The client checks every record against the rules before sending (always: only the conformance kit can switch it off).
            Evaluator applicant = Evaluator.builder().kind(EvaluatorKind.NATURAL_PERSON).name("张三")
                    .certificate(CertificateType.RESIDENT_ID_CARD, "120101198506121236").mobile("13812345678").build();
            Evaluation good = Evaluation.builder().evaluationId("DS-EV-0001").caseRecord(licence)
                    .targets(Target.SERVICE_ITEM).channel(Channel.DEPARTMENT_SYSTEM).grade(Grade.VERY_SATISFIED)
                    .stage(EvaluationStage.AT_COMPLETION).evaluatedAt(licence.completedAt().plusMinutes(15))
                    .evaluator(applicant).build();
            Evaluation bad = good.toBuilder().evaluationId("DS-EV-0002").caseRecord(change).grade(Grade.DISSATISFIED)
                    .indicators("1205").freeText("页面显示可网办，提交时提示需到窗口") // a 差评 names its reasons (Art. 7)
                    .evaluatedAt(change.completedAt().plusMinutes(15)).build();
            List<Evaluation> evaluations = Arrays.asList(good, bad);
            SubmissionResult sent = client.submitEvaluations(evaluations);
            for (RecordResult r : sent.results()) { // one result per record, in order
                System.out.println("evaluation of " + evaluations.get(r.index()).caseRecord().caseNo() + ": " + r.status() + " as " + r.evaluationNo()
                        + (r.workOrderNo() == null ? "" : ", bad review → work order " + r.workOrderNo()));
            }

            // 3. Sending the same records again (a retry after a crash) is safe: the platform counts each once.
            SubmissionResult again = client.submitEvaluations(Collections.singletonList(good));
            System.out.println("sent again: " + again.results().get(0).status());

            // 4. Later: was the evaluation adopted, and did it open a work order?
            EvaluationStatus status = client.evaluationStatus(sent.results().get(1).evaluationNo());
            System.out.println("status of " + status.evaluationNo() + ": " + status.grade() + ", "
                    + status.adoption() + ", work order " + status.workOrderNo());
        }
    }

    /** A case handled wholly online (全程网办) by the 天津市市场监督管理委员会 (fictitious codes). */
    private static CaseRecord onlineCase(String caseNo, String completedAt) {
        OffsetDateTime done = OffsetDateTime.parse(completedAt);
        return CaseRecord.builder().caseNo(caseNo)
                .item("11120000000123456100012011700001", "企业设立登记")
                .department("111200000001234561", "天津市市场监督管理委员会").areaCode("120000")
                .status(CaseStatus.COMPLETED).acceptedAt(done.minusHours(20)).completedAt(done)
                .handlingMode(HandlingMode.FULLY_ONLINE).build();
    }
}
