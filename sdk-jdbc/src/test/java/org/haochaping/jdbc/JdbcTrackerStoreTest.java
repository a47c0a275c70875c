package org.haochaping.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
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
import javax.sql.DataSource;
import org.haochaping.model.BusinessKind;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.Channel;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationScope;
import org.haochaping.model.EvaluationStage;
import org.haochaping.model.Grade;
import org.haochaping.model.HandlingMode;
import org.haochaping.model.Target;
import org.haochaping.scorecard.UnevaluatedRecord;
import org.haochaping.tracking.DueAction;
import org.haochaping.tracking.EvaluationTracker;
import org.haochaping.tracking.TrackedCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Art. 16 tracker on a shared table, on real PostgreSQL, real MariaDB and H2. */
class JdbcTrackerStoreTest {

    private static OffsetDateTime at(String text) {
        return OffsetDateTime.parse(text + "+08:00");
    }

    private static CaseRecord.Builder windowCase(String caseNo, String completedAt) {
        return CaseRecord.builder().caseNo(caseNo).item("11120000000123456100012011700001", "企业设立登记")
                .department("111200000001234561", "市场监管委").areaCode("120000").hallAndWindow("TJZWFW-01", "A12")
                .staff("S1024", "李四").status(CaseStatus.COMPLETED).acceptedAt(at(completedAt).minusDays(1))
                .completedAt(at(completedAt)).handlingMode(HandlingMode.WINDOW).businessKind(BusinessKind.APPLICATION);
    }

    private static Evaluation evaluation(CaseRecord c, String evaluatedAt, Target... targets) {
        return Evaluation.builder().caseRecord(c).targets(targets).channel(Channel.WINDOW_EVALUATOR)
                .grade(Grade.SATISFIED).stage(EvaluationStage.AT_COMPLETION).staffNo("S1024")
                .evaluatedAt(at(evaluatedAt)).build();
    }

    private static JdbcTables schema(DataSource ds) throws SQLException {
        JdbcTables tables = TestDatabase.freshTables();
        try (Connection c = ds.getConnection()) {
            JdbcSchema.apply(ds, JdbcDialect.detect(c), tables);
        }
        return tables;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theTrackerDecidesOnTheTableAsItDoesInMemory(TestDatabase db) throws SQLException {
        DataSource ds = db.dataSource();
        JdbcTables tables = schema(ds);
        try {
            EvaluationTracker tracker = EvaluationTracker.builder().store(new JdbcTrackerStore(ds, tables)).build();
            TrackedCase first = tracker.register(windowCase("C1", "2026-09-30T10:00:00").build());
            CaseRecord evaluated = windowCase("C2", "2026-09-30T10:00:00").build();
            tracker.register(evaluated);
            tracker.register(windowCase("B1", "2026-09-30T11:00:00").batchNo("PL1").build());
            tracker.register(windowCase("B2", "2026-09-30T11:00:00").batchNo("PL1").build());
            tracker.register(windowCase("Q1", "2026-09-30T11:00:00").businessKind(BusinessKind.QUERY_CONSULTATION).build());

            assertThat(first.linkId()).isPositive();
            assertThat(tracker.register(windowCase("C1", "2026-09-30T10:00:00").build()).linkId())
                    .as("registering again keeps the case").isEqualTo(first.linkId());
            TrackedCase query = tracker.find("Q1");
            assertThat(query.owed()).containsExactly(Target.SERVICE_STAFF);
            assertThat(query.decisive()).isEqualTo(Target.SERVICE_STAFF);
            assertThat(query.completedAt()).isEqualTo(at("2026-09-30T11:00:00"));

            assertThat(tracker.record(evaluation(evaluated, "2026-09-30T10:30:00", Target.SERVICE_STAFF))).isTrue();
            assertThat(tracker.find("C2").stillOwed()).containsExactly(Target.SERVICE_ITEM);
            assertThat(tracker.record(evaluation(evaluated, "2026-09-30T10:31:00", Target.SERVICE_ITEM))).isTrue();
            assertThat(tracker.find("C2").isEvaluated()).isTrue();

            // National Day: Oct 8, 9, 10 (make-up Saturday), 12, 13 are the five working days.
            assertThat(tracker.due(at("2026-10-13T23:59:59"))).extracting(a -> a.caseNo() + " " + a.kind())
                    .containsExactly("C1 REMIND", "B1 REMIND", "Q1 REMIND");
            assertThat(tracker.claimReminder("B1", at("2026-10-01T11:00:00"))).isTrue();
            assertThat(tracker.find("B2").remindedAt()).as("a batch is reminded once").isNotNull();

            List<DueAction> due = tracker.due(at("2026-10-14T00:00:00"));
            // All fall due at the same second: then by case number.
            assertThat(due).extracting(a -> a.caseNo() + " " + a.kind()).containsExactly(
                    "B1 MARK_UNEVALUATED", "B2 MARK_UNEVALUATED", "C1 MARK_UNEVALUATED", "Q1 MARK_UNEVALUATED");
            UnevaluatedRecord marked = tracker.markUnevaluated("C1", at("2026-10-14T00:00:00"));
            assertThat(marked.caseNo()).isEqualTo("C1");
            assertThat(marked.completedAt()).isEqualTo(at("2026-09-30T10:00:00"));
            assertThat(tracker.markUnevaluated("C1", at("2026-10-14T00:00:01"))).isNull();

            tracker.record(evaluation(windowCase("B1", "2026-09-30T11:00:00").batchNo("PL1").build(),
                    "2026-10-13T09:00:00", Target.SERVICE_ITEM, Target.SERVICE_STAFF).toBuilder()
                    .scope(EvaluationScope.BATCH).build());
            assertThat(tracker.due(at("2026-10-14T00:00:00"))).extracting(DueAction::caseNo).containsExactly("Q1");
        } finally {
            TestDatabase.dropTables(ds, tables);
        }
    }

    @Test
    void twoInstancesOnOnePostgresqlDatabaseSendEachReminderAndMarkEachCaseOnce() throws Exception {
        DataSource podA = TestDatabase.POSTGRESQL.dataSource();
        DataSource podB = TestDatabase.POSTGRESQL.dataSource();
        JdbcTables tables = schema(podA);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            EvaluationTracker a = EvaluationTracker.builder().store(new JdbcTrackerStore(podA, tables)).build();
            EvaluationTracker b = EvaluationTracker.builder().store(new JdbcTrackerStore(podB, tables)).build();
            for (int i = 0; i < 40; i++) {
                (i % 2 == 0 ? a : b).register(windowCase("TJ" + i, "2026-11-02T10:00:00").build());
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> sent = new ArrayList<>();
            for (EvaluationTracker instance : Arrays.asList(a, b)) {
                sent.add(pool.submit(() -> {
                    start.await();
                    List<String> mine = new ArrayList<>();
                    OffsetDateTime now = at("2026-11-03T10:00:00");
                    for (DueAction action : instance.due(now)) {
                        if (instance.claimReminder(action.caseNo(), now)) {
                            mine.add(action.caseNo());
                        }
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<String> reminded = new ArrayList<>(sent.get(0).get(2, TimeUnit.MINUTES));
            reminded.addAll(sent.get(1).get(2, TimeUnit.MINUTES));
            assertThat(reminded).hasSize(40).doesNotHaveDuplicates();

            CountDownLatch again = new CountDownLatch(1);
            List<Future<List<String>>> marks = new ArrayList<>();
            for (EvaluationTracker instance : Arrays.asList(a, b)) {
                marks.add(pool.submit(() -> {
                    again.await();
                    List<String> mine = new ArrayList<>();
                    OffsetDateTime now = at("2026-11-10T00:00:00");
                    for (DueAction action : instance.due(now)) {
                        UnevaluatedRecord r = instance.markUnevaluated(action.caseNo(), now);
                        if (r != null) {
                            mine.add(r.caseNo());
                        }
                    }
                    return mine;
                }));
            }
            again.countDown();
            List<String> marked = new ArrayList<>(marks.get(0).get(2, TimeUnit.MINUTES));
            marked.addAll(marks.get(1).get(2, TimeUnit.MINUTES));
            Collections.sort(marked);
            assertThat(marked).hasSize(40).doesNotHaveDuplicates();
            assertThat(a.due(at("2026-11-20T00:00:00"))).isEmpty();
        } finally {
            pool.shutdownNow();
            TestDatabase.dropTables(podA, tables);
        }
    }
}
