package org.haochaping.conformance.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;

import org.haochaping.badreview.Actor;
import org.haochaping.badreview.ActorRole;
import org.haochaping.badreview.BadReviewWorkflow;
import org.haochaping.badreview.WorkOrder;
import org.haochaping.badreview.WorkOrderAction;
import org.haochaping.badreview.WorkOrderState;
import org.haochaping.deadline.DeadlineCalculator;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationKind;
import org.haochaping.model.Grade;
import org.junit.jupiter.api.Test;

/** The platform's state without HTTP: counting, de-duplication and work orders. */
class CentralPlatformTest {

    final MutableClock clock = new MutableClock();
    final CentralPlatform core = new CentralPlatform(clock, new BadReviewWorkflow(DeadlineCalculator.official()));

    private List<RecordResult> submit(Evaluation... evaluations) {
        return core.submitEvaluations("app", "unified", "/v1/evaluations",
                Submitted.ofArray(Payloads.UNIFIED.decodeEvaluations(Payloads.UNIFIED.writeAll(List.of(evaluations)))));
    }

    @Test
    void cityLevelIsTheCountyPartZero() {
        java.util.function.Predicate<String> city = area -> new BadReviewWorkflow(DeadlineCalculator.official())
                .open("WO", "EV", "C", org.haochaping.model.Grade.DISSATISFIED, "D", area,
                        org.haochaping.badreview.Actor.of(org.haochaping.badreview.ActorRole.SYSTEM, "s"),
                        java.time.OffsetDateTime.now(clock)).isCityLevel();
        assertThat(city.test("120000")).isTrue();
        assertThat(city.test("120100")).isTrue();
        assertThat(city.test("120101")).isFalse();
        assertThat(city.test("120000000000")).isTrue();
        assertThat(city.test("120101001001")).isFalse();
    }

    @Test
    void theNaturalKeyIsSubjectKindTargetsAndForStaffTheVisit() {
        Evaluation staff = Payloads.staffAtWindow("C-1");
        Evaluation item = Payloads.good("C-1");

        assertThat(CentralPlatform.naturalKey(staff)).isEqualTo("case:C-1|ACTIVE|SERVICE_STAFF@1");
        assertThat(CentralPlatform.naturalKey(staff.toBuilder().visitNo(2).build())).isEqualTo("case:C-1|ACTIVE|SERVICE_STAFF@2");
        assertThat(CentralPlatform.naturalKey(item)).isEqualTo("case:C-1|ACTIVE|SERVICE_ITEM");
        assertThat(CentralPlatform.naturalKey(item.toBuilder().kind(EvaluationKind.APPENDED).build()))
                .isEqualTo("case:C-1|APPENDED|SERVICE_ITEM");
        assertThat(CentralPlatform.naturalKey(Payloads.sample("EV-0301")))
                .isEqualTo("batch:PL-20261126-07|ACTIVE|SERVICE_ITEM|SERVICE_STAFF@1");
        assertThat(CentralPlatform.naturalKey(Payloads.sample("EV-0501"))).isEqualTo("theme:ZT-KCG|ACTIVE|SERVICE_ITEM");
    }

    @Test
    void aThemeEvaluatedOverallRefusesItsItemsOnTheirOwn() {
        Evaluation overall = Payloads.sample("EV-0501");
        Evaluation itemOfTheme = overall.toBuilder().evaluationId("own").scope(org.haochaping.model.EvaluationScope.CASE)
                .caseRecord(overall.caseRecord().toBuilder().caseNo("TJ-THEME-2").build()).build();

        List<RecordResult> results = submit(overall, itemOfTheme);

        assertThat(results.get(0).status).isEqualTo(RecordResult.Status.ACCEPTED);
        assertThat(results.get(1).status).isEqualTo(RecordResult.Status.REJECTED);
        assertThat(results.get(1).violations).anySatisfy(v -> assertThat(v.rule()).isEqualTo("Art. 14"));
    }

    @Test
    void aFollowUpAnswerOfDissatisfiedOpensNoWorkOrder() {
        Evaluation followUp = Payloads.good("TJ-FU-1").toBuilder().kind(EvaluationKind.FOLLOW_UP)
                .channel(org.haochaping.model.Channel.HOTLINE_12345).grade(Grade.DISSATISFIED).indicators().build();

        List<RecordResult> results = submit(followUp);

        assertThat(results.get(0).status).isEqualTo(RecordResult.Status.ACCEPTED);
        assertThat(results.get(0).workOrderNo).isNull();
        assertThat(core.workOrders()).isEmpty();
    }

    @Test
    void workOrdersOpenAtThePlatformClockAndMoveOnlyByTheWorkflow() {
        submit(Payloads.badInDistrict("TJ-WO-1"), Payloads.badAtCityLevel("TJ-WO-2"));
        WorkOrder district = core.workOrder("WO00000001");
        WorkOrder city = core.workOrder("WO00000002");

        assertThat(district.state()).isEqualTo(WorkOrderState.CREATED);
        assertThat(district.openedAt().toInstant()).isEqualTo(clock.instant());
        assertThat(district.history().get(0).actor()).isEqualTo(Actor.of(ActorRole.SYSTEM, CentralPlatform.SYSTEM_ACTOR_ID));
        assertThat(city.state()).isEqualTo(WorkOrderState.DISPATCHED);
        assertThat(city.handlingDeptCode()).isEqualTo(city.deptCode());
        assertThatThrownBy(() -> core.act("WO00000001", WorkOrderAction.verify(),
                Actor.of(ActorRole.HANDLING_DEPARTMENT, "D"), OffsetDateTime.now(clock)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
                    assertThat(e.getMessage()).contains("CREATED").contains("Art. 19");
                });
        assertThatThrownBy(() -> core.act("WO404", WorkOrderAction.verify(), Actor.of(ActorRole.HANDLING_DEPARTMENT, "D"),
                OffsetDateTime.now(clock))).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void pagesBeyondTheEndAreEmptyButTellTheTotal() {
        submit(Payloads.badAtCityLevel("P-1"), Payloads.badAtCityLevel("P-2"), Payloads.badAtCityLevel("P-3"));

        assertThat(core.workOrders(null, null, 2, 2).items).extracting(WorkOrder::orderNo).containsExactly("WO00000001");
        assertThat(core.workOrders(null, null, 3, 2).items).isEmpty();
        assertThat(core.workOrders(null, null, 3, 2).total).isEqualTo(3);
        assertThat(core.workOrders(WorkOrderState.CREATED, null, 1, 20).total).isZero();
    }

    @Test
    void resetForgetsEverythingAndNumbersFromOneAgain() {
        submit(Payloads.badAtCityLevel("R-1"));
        core.reset();
        List<RecordResult> again = submit(Payloads.badAtCityLevel("R-1"));

        assertThat(again.get(0).status).isEqualTo(RecordResult.Status.ACCEPTED);
        assertThat(again.get(0).evaluationNo).isEqualTo("E00000001");
        assertThat(again.get(0).workOrderNo).isEqualTo("WO00000001");
        assertThat(core.acceptedEvaluations()).hasSize(1);
    }

    @Test
    void violationPathsAreMadeRelativeToTheRecord() {
        List<Submitted<Evaluation>> s = Submitted.ofArray(Payloads.UNIFIED.decodeEvaluations(
                "[{\"grade\":\"X\"}, 7, " + Payloads.UNIFIED.write(Payloads.good("OK-1")) + "]"));

        assertThat(s.get(0).violations).extracting(v -> v.path()).contains("grade").noneMatch(p -> p.startsWith("["));
        assertThat(s.get(1).violations).extracting(v -> v.path()).containsExactly("$");
        assertThat(s.get(2).isValid()).isTrue();
    }
}
