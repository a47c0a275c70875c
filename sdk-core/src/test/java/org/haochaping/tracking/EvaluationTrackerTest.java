package org.haochaping.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.haochaping.model.BusinessKind;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.Channel;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationKind;
import org.haochaping.model.EvaluationScope;
import org.haochaping.model.EvaluationStage;
import org.haochaping.model.Grade;
import org.haochaping.model.HandlingMode;
import org.haochaping.model.Target;
import org.haochaping.rules.ValidationException;
import org.haochaping.scorecard.UnevaluatedRecord;
import org.junit.jupiter.api.Test;

class EvaluationTrackerTest {

    private final EvaluationTracker tracker = EvaluationTracker.builder().build();

    static OffsetDateTime at(String text) {
        return OffsetDateTime.parse(text + "+08:00");
    }

    static CaseRecord.Builder windowCase(String caseNo, String completedAt) {
        return CaseRecord.builder().caseNo(caseNo).item("11120000000123456100012011700001", "企业设立登记")
                .department("111200000001234561", "市场监管委").areaCode("120000").hallAndWindow("TJZWFW-01", "A12")
                .staff("S1024", "李四").status(CaseStatus.COMPLETED).acceptedAt(at(completedAt).minusDays(1))
                .completedAt(at(completedAt)).handlingMode(HandlingMode.WINDOW);
    }

    static Evaluation.Builder evaluation(CaseRecord c, String evaluatedAt, Target... targets) {
        return Evaluation.builder().caseRecord(c).targets(targets).channel(Channel.WINDOW_EVALUATOR)
                .grade(Grade.VERY_SATISFIED).evaluatedAt(at(evaluatedAt)).stage(EvaluationStage.AT_COMPLETION)
                .staffNo(c.staffNo());
    }

    private static List<String> lines(List<DueAction> due) {
        List<String> out = new ArrayList<>();
        for (DueAction a : due) {
            out.add(a.caseNo() + " " + a.kind() + " " + a.dueAt());
        }
        return out;
    }

    @Test
    void art16ReminderFallsDueExactlyTwentyFourHoursAfterCompletion() {
        tracker.register(windowCase("C1", "2026-11-02T10:15:30").build());

        assertThat(tracker.due(at("2026-11-03T10:15:29"))).isEmpty();
        assertThat(lines(tracker.due(at("2026-11-03T10:15:30")))).containsExactly("C1 REMIND 2026-11-03T10:15:30+08:00");
    }

    @Test
    void art16UnevaluatedAfterTheFifthWorkingDayAcrossNationalDayAndItsMakeUpSaturday() {
        // Completed Wed 2026-09-30: Oct 1-7 off; Oct 8, 9, 10 (make-up Saturday), 12, 13 are the five working days.
        tracker.register(windowCase("C2", "2026-09-30T10:00:00").build());

        assertThat(lines(tracker.due(at("2026-10-13T23:59:59")))).containsExactly("C2 REMIND 2026-10-01T10:00+08:00");
        assertThat(lines(tracker.due(at("2026-10-14T00:00:00"))))
                .containsExactly("C2 MARK_UNEVALUATED 2026-10-14T00:00+08:00");
    }

    @Test
    void art16UnevaluatedAcrossTheSpringFestivalCountsTheMakeUpSaturdayBeforeIt() {
        // Completed Fri 2026-02-13: Sat 14 is worked (1); 15-23 off; 24, 25, 26, 27 are 2-5.
        tracker.register(windowCase("C3", "2026-02-13T16:00:00").build());

        assertThat(tracker.due(at("2026-02-27T23:59:59"))).extracting(DueAction::kind).containsExactly(DueAction.Kind.REMIND);
        assertThat(tracker.due(at("2026-02-28T00:00:00"))).extracting(DueAction::kind)
                .containsExactly(DueAction.Kind.MARK_UNEVALUATED);
        assertThat(tracker.due(at("2026-02-28T00:00:00")).get(0).evaluationDeadline().dueAt())
                .isEqualTo(at("2026-02-27T23:59:59"));
    }

    @Test
    void aWindowThatRunsIntoAYearWithoutItsArrangementIsProvisional() {
        // Completed Mon 2026-12-28: Dec 29, 30, 31, (Jan 1 is 元旦 by law) Jan 4, 5 are the five working days.
        tracker.register(windowCase("P1", "2026-12-28T10:00:00").build());

        DueAction remind = tracker.due(at("2026-12-29T10:00:00")).get(0);
        assertThat(remind.evaluationDeadline().dueAt()).isEqualTo(at("2027-01-05T23:59:59"));
        assertThat(remind.provisional()).isTrue();
        assertThat(lines(tracker.due(at("2027-01-06T00:00:00")))).containsExactly("P1 MARK_UNEVALUATED 2027-01-06T00:00+08:00");
        // A case whose window ends within 2026 is certain.
        tracker.register(windowCase("P0", "2026-12-01T10:00:00").build());
        assertThat(tracker.due(at("2026-12-02T10:00:00")).get(0).provisional()).isFalse();
    }

    @Test
    void nothingIsDueForACaseEvaluatedInTime() {
        CaseRecord c = windowCase("C4", "2026-11-02T10:00:00").build();
        tracker.register(c);

        assertThat(tracker.record(evaluation(c, "2026-11-02T10:05:00", Target.SERVICE_ITEM, Target.SERVICE_STAFF).build()))
                .isTrue();

        assertThat(tracker.due(at("2026-12-01T00:00:00"))).isEmpty();
        assertThat(tracker.markUnevaluated("C4", at("2026-12-01T00:00:00"))).isNull();
    }

    @Test
    void aStaffEvaluationAtReceiptLeavesTheItemAndTheCompletionStaffEvaluationOwed() {
        CaseRecord c = windowCase("C5", "2026-11-02T10:00:00").build();
        tracker.register(c);

        assertThat(tracker.record(evaluation(c, "2026-10-30T09:00:00", Target.SERVICE_STAFF)
                .stage(EvaluationStage.AT_RECEIPT).build())).isFalse();

        List<DueAction> due = tracker.due(at("2026-11-03T10:00:00"));
        assertThat(due).extracting(DueAction::kind).containsExactly(DueAction.Kind.REMIND);
        assertThat(due.get(0).stillOwed()).containsExactlyInAnyOrder(Target.SERVICE_ITEM, Target.SERVICE_STAFF);
    }

    @Test
    void aStaffOnlyEvaluationAtCompletionStillOwesTheItemSoTheCaseBecomesUnevaluated() {
        CaseRecord c = windowCase("C6", "2026-11-02T10:00:00").build();
        tracker.register(c);
        tracker.record(evaluation(c, "2026-11-02T10:01:00", Target.SERVICE_STAFF).build());

        List<DueAction> due = tracker.due(at("2026-11-10T00:00:00"));
        assertThat(due).extracting(DueAction::kind).containsExactly(DueAction.Kind.MARK_UNEVALUATED);
        assertThat(due.get(0).stillOwed()).containsExactly(Target.SERVICE_ITEM);
    }

    @Test
    void aLateEvaluationDoesNotUndoUnevaluated() {
        CaseRecord c = windowCase("C7", "2026-11-02T10:00:00").build();
        tracker.register(c);
        UnevaluatedRecord record = tracker.markUnevaluated("C7", at("2026-11-10T00:00:00"));
        assertThat(record).isNotNull();
        assertThat(record.caseNo()).isEqualTo("C7");
        assertThat(record.deptCode()).isEqualTo("111200000001234561");
        assertThat(record.completedAt()).isEqualTo(at("2026-11-02T10:00:00"));

        assertThat(tracker.record(evaluation(c, "2026-11-10T09:00:00", Target.SERVICE_ITEM).build())).isFalse();
        assertThat(tracker.find("C7").unevaluatedAt()).isEqualTo(at("2026-11-10T00:00:00"));
        assertThat(tracker.find("C7").isEvaluated()).isFalse();
        assertThat(tracker.due(at("2026-11-20T00:00:00"))).isEmpty();
    }

    @Test
    void anEvaluationMadeAfterTheWindowDoesNotCountEvenBeforeTheCaseIsMarked() {
        CaseRecord c = windowCase("C8", "2026-11-02T10:00:00").build();
        tracker.register(c);

        // The window ended on Mon 2026-11-09 23:59:59; nobody marked the case yet.
        assertThat(tracker.record(evaluation(c, "2026-11-10T00:00:01", Target.SERVICE_ITEM).build())).isFalse();
        assertThat(tracker.due(at("2026-11-10T08:00:00"))).extracting(DueAction::kind)
                .containsExactly(DueAction.Kind.MARK_UNEVALUATED);
    }

    @Test
    void markingBeforeTheWindowEndsIsRefused() {
        tracker.register(windowCase("C9", "2026-11-02T10:00:00").build());

        assertThat(tracker.markUnevaluated("C9", at("2026-11-09T23:59:59"))).isNull();
        assertThat(tracker.find("C9").unevaluatedAt()).isNull();
    }

    @Test
    void followUpVisitsAndAppendedEvaluationsDoNotCount() {
        CaseRecord c = windowCase("C10", "2026-11-02T10:00:00").build();
        tracker.register(c);

        assertThat(tracker.record(evaluation(c, "2026-11-02T11:00:00", Target.SERVICE_ITEM)
                .kind(EvaluationKind.FOLLOW_UP).build())).isFalse();
        assertThat(tracker.record(evaluation(c, "2026-11-02T11:00:00", Target.SERVICE_ITEM)
                .kind(EvaluationKind.APPENDED).build())).isFalse();
        assertThat(tracker.find("C10").isEvaluated()).isFalse();
    }

    @Test
    void art15AQueryCompletedOnlineIsNotTrackedAndOneInTheHallOwesOnlyTheStaff() {
        CaseRecord online = windowCase("Q1", "2026-11-02T10:00:00").handlingMode(HandlingMode.FULLY_ONLINE)
                .businessKind(BusinessKind.QUERY_CONSULTATION).build();
        CaseRecord hall = windowCase("Q2", "2026-11-02T10:00:00").businessKind(BusinessKind.QUERY_CONSULTATION).build();

        assertThat(tracker.register(online)).isNull();
        TrackedCase tracked = tracker.register(hall);
        assertThat(tracked.owed()).containsExactly(Target.SERVICE_STAFF);
        assertThat(tracked.decisive()).isEqualTo(Target.SERVICE_STAFF);

        tracker.record(evaluation(hall, "2026-11-02T10:05:00", Target.SERVICE_STAFF).build());
        assertThat(tracker.due(at("2026-12-01T00:00:00"))).isEmpty();
    }

    @Test
    void art11OnlineAndSelfServiceCasesOweTheItemOnly() {
        TrackedCase online = tracker.register(windowCase("O1", "2026-11-02T10:00:00").handlingMode(HandlingMode.FULLY_ONLINE).build());
        TrackedCase terminal = tracker.register(windowCase("O2", "2026-11-02T10:00:00").handlingMode(HandlingMode.SELF_SERVICE).build());

        assertThat(online.owed()).containsExactly(Target.SERVICE_ITEM);
        assertThat(terminal.owed()).containsExactly(Target.SERVICE_ITEM);
    }

    @Test
    void art12ABatchIsRemindedOnceAndOneEvaluationServesAllItsCases() {
        CaseRecord a = windowCase("B1", "2026-11-02T10:00:00").batchNo("PL1").build();
        CaseRecord b = windowCase("B2", "2026-11-02T10:00:00").batchNo("PL1").build();
        tracker.register(b);
        tracker.register(a);

        assertThat(lines(tracker.due(at("2026-11-03T10:00:00")))).containsExactly("B1 REMIND 2026-11-03T10:00+08:00");
        assertThat(tracker.claimReminder("B1", at("2026-11-03T10:00:00"))).isTrue();
        assertThat(tracker.due(at("2026-11-03T12:00:00"))).isEmpty();
        assertThat(tracker.claimReminder("B2", at("2026-11-03T12:00:00"))).isFalse();

        tracker.record(evaluation(a, "2026-11-04T09:00:00", Target.SERVICE_ITEM, Target.SERVICE_STAFF)
                .scope(EvaluationScope.BATCH).build());
        assertThat(tracker.find("B1").isEvaluated()).isTrue();
        assertThat(tracker.find("B2").isEvaluated()).isTrue();
        assertThat(tracker.due(at("2026-12-01T00:00:00"))).isEmpty();
    }

    @Test
    void art14AnOverallThemeEvaluationServesEveryCaseOfTheTheme() {
        CaseRecord a = windowCase("T1", "2026-11-02T10:00:00").theme("ZT01", Arrays.asList("I1", "I2")).build();
        CaseRecord b = windowCase("T2", "2026-11-02T10:00:00").theme("ZT01", Arrays.asList("I1", "I2")).build();
        tracker.register(a);
        tracker.register(b);

        tracker.record(evaluation(a, "2026-11-02T10:30:00", Target.SERVICE_ITEM).scope(EvaluationScope.THEME).build());

        assertThat(tracker.due(at("2026-12-01T00:00:00"))).isEmpty();
    }

    @Test
    void anEvaluationOfAnUntrackedCompletedCaseRegistersIt() {
        CaseRecord c = windowCase("R1", "2026-11-02T10:00:00").build();

        assertThat(tracker.record(evaluation(c, "2026-11-02T10:05:00", Target.SERVICE_ITEM).build())).isTrue();
        assertThat(tracker.find("R1").isEvaluated()).isTrue();
    }

    @Test
    void remindersAreOnlyDueOnceAndNotForAMarkedCase() {
        tracker.register(windowCase("D1", "2026-11-02T10:00:00").build());

        assertThat(tracker.claimReminder("D1", at("2026-11-03T10:00:00"))).isTrue();
        assertThat(tracker.claimReminder("D1", at("2026-11-03T10:00:01"))).isFalse();
        assertThat(tracker.due(at("2026-11-05T10:00:00"))).isEmpty();
        assertThat(tracker.markUnevaluated("D1", at("2026-11-10T00:00:00"))).isNotNull();
        assertThat(tracker.markUnevaluated("D1", at("2026-11-10T00:00:01"))).isNull();
    }

    @Test
    void dueActionsComeEarliestFirst() {
        tracker.register(windowCase("E2", "2026-11-02T11:00:00").build());
        tracker.register(windowCase("E1", "2026-11-02T10:00:00").build());
        tracker.register(windowCase("E0", "2026-10-20T10:00:00").build());

        assertThat(tracker.due(at("2026-11-03T12:00:00"))).extracting(DueAction::caseNo).containsExactly("E0", "E1", "E2");
    }

    @Test
    void aCaseThatIsNotCompletedIsRefusedNamingTheFieldAndArticle() {
        CaseRecord open = windowCase("N1", "2026-11-02T10:00:00").status(CaseStatus.ACCEPTED).completedAt(null).build();

        assertThatThrownBy(() -> tracker.register(open)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("completedAt").hasMessageContaining("Art. 16");
    }

    @Test
    void twoTrackersOnOneStoreClaimEachReminderAndEachUnevaluatedOnce() throws Exception {
        TrackerStore shared = new InMemoryTrackerStore();
        EvaluationTracker first = EvaluationTracker.builder().store(shared).build();
        EvaluationTracker second = EvaluationTracker.builder().store(shared).build();
        for (int i = 0; i < 50; i++) {
            first.register(windowCase("S" + i, "2026-11-02T10:00:00").build());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> reminders = new ArrayList<>();
            for (EvaluationTracker t : Arrays.asList(first, second)) {
                reminders.add(pool.submit(() -> {
                    start.await();
                    int sent = 0;
                    for (DueAction a : t.due(at("2026-11-03T10:00:00"))) {
                        sent += t.claimReminder(a.caseNo(), at("2026-11-03T10:00:00")) ? 1 : 0;
                    }
                    return sent;
                }));
            }
            start.countDown();
            assertThat(reminders.get(0).get(1, TimeUnit.MINUTES) + reminders.get(1).get(1, TimeUnit.MINUTES)).isEqualTo(50);

            List<UnevaluatedRecord> marked = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch again = new CountDownLatch(1);
            List<Future<?>> markers = new ArrayList<>();
            for (EvaluationTracker t : Arrays.asList(first, second)) {
                markers.add(pool.submit(() -> {
                    again.await();
                    for (DueAction a : t.due(at("2026-11-10T00:00:00"))) {
                        UnevaluatedRecord r = t.markUnevaluated(a.caseNo(), at("2026-11-10T00:00:00"));
                        if (r != null) {
                            marked.add(r);
                        }
                    }
                    return null;
                }));
            }
            again.countDown();
            for (Future<?> f : markers) {
                f.get(1, TimeUnit.MINUTES);
            }
            assertThat(marked).hasSize(50);
            assertThat(marked).extracting(UnevaluatedRecord::caseNo).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }
}
