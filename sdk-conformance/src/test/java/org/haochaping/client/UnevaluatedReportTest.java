package org.haochaping.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.haochaping.conformance.simulator.AppCredentials;
import org.haochaping.conformance.simulator.SimulatedPlatform;
import org.haochaping.model.BusinessKind;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.Channel;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationStage;
import org.haochaping.model.Evaluator;
import org.haochaping.model.EvaluatorKind;
import org.haochaping.model.CertificateType;
import org.haochaping.model.Grade;
import org.haochaping.model.HandlingMode;
import org.haochaping.model.Target;
import org.haochaping.scorecard.UnevaluatedRecord;
import org.haochaping.tracking.DueAction;
import org.haochaping.tracking.EvaluationTracker;
import org.haochaping.transport.RequestOptions;
import org.haochaping.transport.ServiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Art. 16 on both sides: a department's tracker marks its cases "未评" and reports them (5.9); the simulated platform,
 * which marks the cases it holds by itself, agrees case for case, refuses reports it does not share, and counts a
 * repeated report once.
 */
class UnevaluatedReportTest {

    /** Tianjin, Wed 2026-09-30 10:00: an hour after the cases were completed, before the National Day holiday. */
    private final TestClock clock = new TestClock(Instant.parse("2026-09-30T02:00:00Z"));
    private SimulatedPlatform platform;
    private HcpClient client;
    private EvaluationTracker tracker;

    @BeforeEach
    void start() {
        platform = SimulatedPlatform.builder().clock(clock).start();
        AppCredentials app = platform.newApp("dept-system-01");
        client = ClientAgainstSimulatorTest.clientFor(platform, app).clock(clock).build();
        tracker = EvaluationTracker.builder().clock(clock).build();
    }

    @AfterEach
    void stop() {
        client.close();
        platform.stop();
    }

    private static CaseRecord completedCase(String caseNo) {
        OffsetDateTime done = OffsetDateTime.parse("2026-09-30T09:00:00+08:00");
        return CaseRecord.builder().caseNo(caseNo).item("11120000000123456100012011700001", "企业设立登记")
                .department("111200000001234561", "天津市市场监督管理委员会").areaCode("120000")
                .hallAndWindow("TJZWFW-01", "A12").staff("S1024", "李四").status(CaseStatus.COMPLETED)
                .acceptedAt(done.minusMinutes(30)).completedAt(done).handlingMode(HandlingMode.WINDOW)
                .businessKind(BusinessKind.APPLICATION).build();
    }

    private static Evaluation evaluationOf(CaseRecord c) {
        return Evaluation.builder().caseRecord(c).targets(Target.SERVICE_ITEM, Target.SERVICE_STAFF)
                .channel(Channel.WINDOW_EVALUATOR).grade(Grade.VERY_SATISFIED).stage(EvaluationStage.AT_COMPLETION)
                .staffNo("S1024").evaluatedAt(c.completedAt().plusMinutes(30))
                .evaluator(Evaluator.builder().kind(EvaluatorKind.NATURAL_PERSON).name("张三")
                        .certificate(CertificateType.RESIDENT_ID_CARD, "120101198506121236").build())
                .build();
    }

    @Test
    void theDepartmentsUnevaluatedCasesAreThePlatformsAndAreCountedOnce() {
        List<CaseRecord> cases = new ArrayList<>();
        for (String no : new String[] {"TJ-U-1", "TJ-U-2", "TJ-U-3", "TJ-U-4"}) {
            cases.add(completedCase(no));
            tracker.register(completedCase(no));
        }
        assertThat(client.submitCases(cases, RequestOptions.defaults()).allHeld()).isTrue();
        Evaluation inTime = evaluationOf(cases.get(1));
        assertThat(client.submitEvaluations(List.of(inTime)).allHeld()).isTrue();
        tracker.record(inTime);

        // Oct 1-7 are the National Day holiday; Oct 8, 9, 10 (a make-up Saturday), 12 and 13 the five working days.
        clock.set(Instant.parse("2026-10-13T15:59:59Z"));
        assertThat(tracker.due()).extracting(DueAction::kind).containsOnly(DueAction.Kind.REMIND);
        assertThat(platform.observations().unevaluatedCases()).isEmpty();

        clock.set(Instant.parse("2026-10-13T16:00:00Z"));
        List<UnevaluatedRecord> marked = new ArrayList<>();
        for (DueAction a : tracker.due()) {
            marked.add(tracker.markUnevaluated(a.caseNo(), OffsetDateTime.now(clock)));
        }
        assertThat(marked).extracting(UnevaluatedRecord::caseNo).containsExactly("TJ-U-1", "TJ-U-3", "TJ-U-4");

        SubmissionResult report = client.reportUnevaluated(marked, RequestOptions.defaults());
        assertThat(report.results()).extracting(RecordResult::status).containsOnly(RecordStatus.ACCEPTED);
        assertThat(platform.observations().unevaluatedCases()).containsExactly("TJ-U-1", "TJ-U-3", "TJ-U-4");

        SubmissionResult again = client.reportUnevaluated(marked, RequestOptions.defaults());
        assertThat(again.results()).extracting(RecordResult::status).containsOnly(RecordStatus.DUPLICATE);
    }

    @Test
    void aReportThePlatformDoesNotShareIsRefusedNamingArticle16() {
        CaseRecord c = completedCase("TJ-U-9");
        client.submitCases(List.of(c), RequestOptions.defaults());
        UnevaluatedRecord early = UnevaluatedRecord.builder().caseNo(c.caseNo()).deptCode(c.deptCode())
                .areaCode(c.areaCode()).completedAt(c.completedAt()).build();

        // Every record of the report refused: the platform answers 422 INVALID_PAYLOAD, as for evaluations (5.1).
        ServiceException refused = catchThrowableOfType(ServiceException.class,
                () -> client.reportUnevaluated(List.of(early), RequestOptions.defaults()));

        assertThat(refused.platformCode()).contains("INVALID_PAYLOAD");
        assertThat(platform.observations().rejectedRecords()).singleElement().satisfies(r ->
                assertThat(r.violations()).anySatisfy(v -> {
                    assertThat(v.rule()).isEqualTo("Art. 16");
                    assertThat(v.message()).contains("2026-10-13T23:59:59+08:00");
                }));
        assertThat(platform.observations().unevaluatedCases()).isEmpty();
    }

    /** A clock the test sets; shared by the client, the tracker and the platform. */
    static final class TestClock extends Clock {
        private final AtomicReference<Instant> now;

        TestClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
