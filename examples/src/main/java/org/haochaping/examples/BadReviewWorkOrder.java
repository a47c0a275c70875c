package org.haochaping.examples;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.haochaping.badreview.Actor;
import org.haochaping.badreview.ActorRole;
import org.haochaping.badreview.Category;
import org.haochaping.badreview.FollowUpResult;
import org.haochaping.badreview.ReviewVerdict;
import org.haochaping.badreview.WorkOrder;
import org.haochaping.badreview.WorkOrderAction;
import org.haochaping.badreview.WorkOrderState;
import org.haochaping.client.HcpClient;
import org.haochaping.deadline.Deadline;
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
import org.haochaping.transport.ServiceException;

/**
 * User story 6: every bad review (差评) becomes a work order (工单, Art. 18). The handling department pulls its
 * orders, verifies, classifies (Art. 20), calls the applicant back, rectifies, and 12345 visits the applicant
 * (回访, Art. 22). If the department finds the review unfounded it appeals instead (申请复核, Art. 21).
 * The platform enforces the order of the steps: a step out of turn is refused with the article it breaks.
 */
public final class BadReviewWorkOrder {

    private static final String DEPT = "111200000001234561"; // 天津市市场监督管理委员会 (fictitious code)

    public static void main(String[] args) {
        try (LocalPlatform platform = LocalPlatform.start("tj-market-regulation");
             HcpClient client = platform.client().build()) {
            // Two applicants left a 差评 on the department's site; the platform opened a work order for each.
            client.submitEvaluations(Arrays.asList(badReview("TJ2026112600011"), badReview("TJ2026112600012")));

            OffsetDateTime now = OffsetDateTime.now();
            Actor district = Actor.of(ActorRole.DISTRICT_GOVERNMENT, "120000");
            Actor department = Actor.of(ActorRole.HANDLING_DEPARTMENT, DEPT);
            RequestOptions once = RequestOptions.defaults();

            // Pull the department's open orders, one page of up to 100.
            List<WorkOrder> orders = client.workOrders(null, DEPT, 1, 100).items();
            System.out.println("pulled " + orders.size() + " work orders");

            // The first one, end to end.
            String no = orders.get(0).orderNo();
            if (orders.get(0).state() == WorkOrderState.CREATED) {
                client.reportAction(no, WorkOrderAction.dispatch(DEPT), district, now, once); // 派单
            }
            client.reportAction(no, WorkOrderAction.verify(), department, now, once); // 核实: the review is founded
            WorkOrder classified = client.reportAction(no, WorkOrderAction.classify(Category.GENERAL), department,
                    now, once); // 限时整改 (Art. 20(二))
            for (Deadline d : classified.deadlines()) {
                System.out.println("  " + no + " deadline " + d.rule().chineseName() + " (" + d.rule().article()
                        + "): " + d.lastDay());
            }
            client.reportAction(no, WorkOrderAction.callBack(), department, now, once); // 回访申诉人
            client.reportAction(no, WorkOrderAction.startRectification(), department, now, once);
            client.reportAction(no, WorkOrderAction.completeRectification(), department, now, once);
            WorkOrder done = client.reportFollowUp(no, FollowUpResult.SATISFIED,
                    Actor.of(ActorRole.HOTLINE_12345, "12345"), now, once); // 12345 回访: 满意
            System.out.println(no + ": " + done.state() + ", follow-up " + done.followUp());

            // The second one: video shows the staff were at the window, so the department appeals (Art. 21).
            String appealed = orders.get(1).orderNo();
            if (orders.get(1).state() == WorkOrderState.CREATED) {
                client.reportAction(appealed, WorkOrderAction.dispatch(DEPT), district, now, once);
            }
            client.reportAction(appealed, WorkOrderAction.applyForReview(
                        org.haochaping.badreview.Evidence.referenced("窗口录像：工作人员在岗", "VID-A12-0930")).withNote("录像显示窗口人员在岗"),
                    department, now, once);
            WorkOrder decided = client.reportAction(appealed, WorkOrderAction.decideReview(ReviewVerdict.INVALID),
                    Actor.of(ActorRole.REVIEWER, "TJ-ZWFW-REVIEW"), now, once);
            System.out.println(appealed + ": " + decided.state() + " (差评无效: counts as 未评, Art. 21)");

            // A step out of turn: rectifying an order the reviewer invalidated. The platform refuses it.
            try {
                client.reportAction(appealed, WorkOrderAction.startRectification(), department, now, once);
            } catch (ServiceException e) {
                System.out.println("out of turn, refused: " + e.getMessage());
            }
        }
    }

    private static Evaluation badReview(String caseNo) {
        OffsetDateTime done = OffsetDateTime.parse("2026-11-26T10:00:00+08:00");
        CaseRecord c = CaseRecord.builder().caseNo(caseNo).item("11120000000123456100012011700001", "企业设立登记")
                .department(DEPT, "天津市市场监督管理委员会").areaCode("120000").status(CaseStatus.COMPLETED)
                .acceptedAt(done.minusHours(3)).completedAt(done).handlingMode(HandlingMode.FULLY_ONLINE).build();
        Evaluator applicant = Evaluator.builder().kind(EvaluatorKind.NATURAL_PERSON).name("张三")
                .certificate(CertificateType.RESIDENT_ID_CARD, "120101198506121236").mobile("13812345678").build();
        return Evaluation.builder().evaluationId("BR-" + caseNo).caseRecord(c).targets(Target.SERVICE_ITEM)
                .channel(Channel.DEPARTMENT_SYSTEM).grade(Grade.DISSATISFIED).indicators("1205")
                .stage(EvaluationStage.AT_COMPLETION).evaluatedAt(done.plusMinutes(30)).evaluator(applicant).build();
    }
}
