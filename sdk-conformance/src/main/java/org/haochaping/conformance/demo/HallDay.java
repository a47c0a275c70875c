package org.haochaping.conformance.demo;

import org.haochaping.badreview.Actor;
import org.haochaping.badreview.ActorRole;
import org.haochaping.badreview.Category;
import org.haochaping.badreview.FollowUpResult;
import org.haochaping.badreview.ReviewVerdict;
import org.haochaping.badreview.WorkOrder;
import org.haochaping.badreview.WorkOrderAction;
import org.haochaping.badreview.WorkOrderState;
import org.haochaping.client.HcpClient;
import org.haochaping.client.RecordResult;
import org.haochaping.client.RecordStatus;
import org.haochaping.client.SubmissionResult;
import org.haochaping.conformance.SamplePayloads;
import org.haochaping.conformance.SamplePayloads.Sample;
import org.haochaping.conformance.simulator.AcceptedEvaluation;
import org.haochaping.conformance.simulator.AppCredentials;
import org.haochaping.conformance.simulator.SimulatedPlatform;
import org.haochaping.crypto.envelope.EnvelopeSealer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.calendar.ShanghaiTime;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.CertificateType;
import org.haochaping.model.Channel;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationKind;
import org.haochaping.model.Grade;
import org.haochaping.model.EvaluationStage;
import org.haochaping.model.HandlingMode;
import org.haochaping.model.Target;
import org.haochaping.outbox.Outbox;
import org.haochaping.qrcode.EvaluationPage;
import org.haochaping.qrcode.ReceiptCase;
import org.haochaping.qrcode.ReceiptCode;
import org.haochaping.qrcode.ReceiptCodeIssuer;
import org.haochaping.qrcode.ReceiptCodeVerifier;
import org.haochaping.qrcode.WindowCode;
import org.haochaping.qrcode.render.ImageSize;
import org.haochaping.qrcode.render.PngRenderer;
import org.haochaping.qrcode.render.QrEncoder;
import org.haochaping.qrcode.render.SvgRenderer;
import org.haochaping.rules.EvaluationPolicy;
import org.haochaping.rules.Violation;
import org.haochaping.scorecard.EvaluationRecord;
import org.haochaping.scorecard.GroupBy;
import org.haochaping.scorecard.Ranking;
import org.haochaping.scorecard.ScoreSheet;
import org.haochaping.scorecard.Scorecard;
import org.haochaping.scorecard.ScoreWeights;
import org.haochaping.scorecard.ScorecardInput;
import org.haochaping.scorecard.StatisticsRecord;
import org.haochaping.scorecard.UnevaluatedRecord;
import org.haochaping.tracking.DueAction;
import org.haochaping.tracking.EvaluationTracker;
import org.haochaping.tracking.ReminderLink;
import org.haochaping.tracking.ReminderLinks;
import org.haochaping.tracking.ReminderMessage;
import org.haochaping.scorecard.WorkOrderRecord;
import org.haochaping.transport.RequestOptions;
import org.haochaping.transport.RetryPolicy;
import org.haochaping.wire.PayloadCodec;
import org.haochaping.wire.WireProfile;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The main demo: a day in a service hall against an embedded simulated central platform, through the SDK's own
 * client, outbox, QR codes, work orders and scorecard. Every step prints what happened; the output folder gets the
 * QR images, the payloads and a report.
 */
public final class HallDay {

    private final PrintWriter out;
    private final Path folder;
    private final StringBuilder report = new StringBuilder();
    private int failures;

    private final java.time.Clock clock;

    public HallDay(PrintWriter out, Path folder) {
        this(out, folder, java.time.Clock.systemUTC());
    }

    /** A day at the hall on {@code clock}'s date: the platform, the client, codes and work orders all use it. */
    public HallDay(PrintWriter out, Path folder, java.time.Clock clock) {
        this.out = out;
        this.folder = folder;
        this.clock = clock;
    }

    /** Runs the day; returns the number of unexpected outcomes (0 on success). */
    public int run() throws IOException, InterruptedException {
        Files.createDirectories(folder);
        List<Sample> samples = SamplePayloads.all();
        try (SimulatedPlatform platform = SimulatedPlatform.builder().clock(clock).start()) {
            AppCredentials app = platform.newApp("tj-zwfw-center");
            say("好差评 SDK demo: a day at the 天津市政务服务中心, against a simulated central platform at "
                    + platform.baseUrl());
            say("  app " + app.appId() + ", key id " + app.keyId() + "; platform key id " + platform.platformKeyId());
            try (HcpClient client = client(platform, app, null)) {
                reportCases(client, samples);
                evaluateThroughEveryChannel(client, samples, platform);
                terminalGoesOffline(client, platform, samples);
                qrCodes(app);
                refusedPayload(samples);
                workOrders(client, platform);
                national(platform, app, samples);
                List<UnevaluatedRecord> unevaluated = remindersAndUnevaluated(client, platform, samples);
                scorecard(client, platform, unevaluated);
                writePayloads(samples);
                say("");
                say(String.format("%d evaluations counted by the platform, %d work orders, %d unexpected outcomes.",
                        platform.observations().countedEvaluations(), platform.observations().workOrders().size(),
                        failures));
                say("Output: " + folder.toAbsolutePath());
            }
        }
        Files.write(folder.resolve("report.txt"), report.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return failures;
    }

    private HcpClient client(SimulatedPlatform platform, AppCredentials app, EnvelopeSealer national) {
        HcpClient.Builder b = HcpClient.builder().clock(clock).baseUrl(platform.baseUrl()).appId(app.appId()).signer(app.signer())
                .platformVerifier(Sm2Verifier.builder().key(platform.platformKeyId(), platform.platformPublicKey())
                        .build())
                .retryPolicy(RetryPolicy.builder().maxRetries(3).initialBackoff(Duration.ofMillis(20))
                        .maxBackoff(Duration.ofMillis(200)).build());
        if (national != null) {
            b.nationalEnvelope(national);
        }
        return b.build();
    }

    private void reportCases(HcpClient client, List<Sample> samples) {
        step("1. The department systems report their cases (办件, Art. 5)");
        Map<String, CaseRecord> cases = new LinkedHashMap<>();
        for (Sample s : samples) {
            cases.putIfAbsent(s.evaluation().caseRecord().caseNo(), s.evaluation().caseRecord());
        }
        SubmissionResult r = client.submitCases(new ArrayList<>(cases.values()), RequestOptions.defaults());
        say("  " + cases.size() + " cases: " + r.count(RecordStatus.ACCEPTED) + " accepted");
        expect(r.allHeld(), "every case accepted");
    }

    private void evaluateThroughEveryChannel(HcpClient client, List<Sample> samples, SimulatedPlatform platform) {
        step("2. Evaluations through every channel and rule (Art. 9-15)");
        for (Sample s : samples) {
            if (s.evaluation().channel() == Channel.SELF_SERVICE_TERMINAL) {
                continue; // the terminal reports through its outbox below
            }
            if (s.evaluation().channel() == Channel.WINDOW_EVALUATOR && s.evaluation().grade() == Grade.SATISFIED
                    && s.evaluation().caseRecord().isJointApproval()) {
                platform.faults().failNext(1, 503); // a hiccup at the platform: retried, counted once
            }
            RecordResult r = client.submitEvaluations(Collections.singletonList(s.evaluation())).results().get(0);
            Evaluation e = s.evaluation();
            say(String.format("  %-58s %s %s (%d points) -> %s %s%s", s.title(), e.grade().chineseName(),
                    e.grade().isGood() ? "好评" : "差评", e.grade().score(), r.status(),
                    r.evaluationNo() == null ? "" : r.evaluationNo(),
                    r.workOrderNo() == null ? "" : ", work order " + r.workOrderNo()));
            expect(r.status() == RecordStatus.ACCEPTED, s.title() + " accepted");
            expect((r.workOrderNo() != null) == (e.grade().isBad() && e.kind() != EvaluationKind.FOLLOW_UP),
                    s.title() + ": a work order exactly for a 差评");
        }
    }

    private void terminalGoesOffline(HcpClient client, SimulatedPlatform platform, List<Sample> samples)
            throws InterruptedException {
        step("3. A self-service terminal (自助服务终端) loses the network and catches up through its outbox");
        Evaluation template = null;
        for (Sample s : samples) {
            if (s.evaluation().channel() == Channel.SELF_SERVICE_TERMINAL) {
                template = s.evaluation();
            }
        }
        int before = platform.observations().countedEvaluations();
        platform.faults().resetNext(8);
        try (Outbox outbox = Outbox.builder(folder.resolve("terminal-outbox"), client.outboxSink())
                .retryBackoff(Duration.ofMillis(50), Duration.ofMillis(400)).open()) {
            for (int i = 1; i <= 3; i++) {
                Evaluation e = template.toBuilder().evaluationId("EV-SS-" + i).caseRecord(template.caseRecord()
                        .toBuilder().caseNo("TJ20261126SS" + i).build()).build();
                outbox.submit(HcpClient.KIND_EVALUATIONS, client.encodeEvaluations(Collections.singletonList(e)));
            }
            say("  3 evaluations stored durably on the terminal; pending " + outbox.pendingCount()
                    + " while connections are reset");
            boolean drained = outbox.awaitDrained(Duration.ofSeconds(20));
            say("  network back: outbox drained " + drained + ", platform counted "
                    + (platform.observations().countedEvaluations() - before) + " (each once)");
            expect(drained && platform.observations().countedEvaluations() - before == 3, "the outbox delivered 3");
        }
    }

    private void qrCodes(AppCredentials app) throws IOException {
        step("4. QR codes (Art. 10(二)): a static code for window A12, a signed receipt code");
        WindowCode window = WindowCode.builder().areaCode("120000").hallCode("TJZWFW-01").windowCode("A12").build();
        String windowText = window.toText(EvaluationPage.DEFAULT);
        QrEncoder encoder = QrEncoder.builder().build();
        Files.write(folder.resolve("window-A12.png"), PngRenderer.builder().size(ImageSize.millimetres(40, 300))
                .build().render(encoder.encode(windowText)));
        Files.write(folder.resolve("window-A12.svg"), SvgRenderer.builder().size(ImageSize.pixels(400))
                .caption("A12 窗口", "请扫码评价").build().render(encoder.encode(windowText))
                .getBytes(StandardCharsets.UTF_8));
        say("  window-A12.png / .svg: " + windowText);
        ReceiptCode receipt = ReceiptCodeIssuer.builder(app.signer()).clock(clock).build().issue(ReceiptCase.builder()
                .caseNumber("TJ2026112600101").itemCode("11120000000123456100012011700001").windowCode("A12")
                .staffNumber("S1024").build());
        Files.write(folder.resolve("receipt-TJ2026112600101.png"), PngRenderer.builder().size(ImageSize.pixels(330))
                .build().render(encoder.encode(receipt.text())));
        ReceiptCode verified = ReceiptCodeVerifier.builder(Sm2Verifier.builder().key(app.keyId(), app.publicKey())
                .build()).clock(clock).build().verify(receipt.text());
        say("  receipt-TJ2026112600101.png: " + receipt.text().length() + " characters, expires "
                + verified.expiresAt() + ", nonce " + verified.nonce() + ", signature verified");
        expect(verified.receiptCase().equals(receipt.receiptCase()), "the receipt code verifies");
    }

    private void refusedPayload(List<Sample> samples) {
        step("5. A payload the rules refuse, every violation at once");
        Evaluation first = samples.get(0).evaluation();
        Evaluation bad = first.toBuilder().grade(Grade.VERY_DISSATISFIED).indicators("1201")
                .evaluator(first.evaluator().toBuilder().certificate(CertificateType.RESIDENT_ID_CARD,
                        "120101198506121237").build()).build();
        List<Violation> violations = EvaluationPolicy.standard().violations(bad);
        for (Violation v : violations) {
            say("  " + v);
        }
        expect(violations.size() == 3, "three violations reported");
    }

    private void workOrders(HcpClient client, SimulatedPlatform platform) {
        step("6. Bad reviews become work orders and run to the 12345 follow-up visit (Art. 18-22)");
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean appealed = false;
        for (WorkOrder order : client.workOrders(null, null, 1, 100).items()) {
            String no = order.orderNo();
            Actor dept = Actor.of(ActorRole.HANDLING_DEPARTMENT, order.deptCode());
            StringBuilder path = new StringBuilder(order.state().name());
            if (order.state() == WorkOrderState.CREATED) {
                order = act(client, no, WorkOrderAction.dispatch(order.deptCode()),
                        Actor.of(ActorRole.DISTRICT_GOVERNMENT, order.areaCode()), now, path);
            }
            if (!appealed) {
                appealed = true;
                act(client, no, WorkOrderAction.applyForReview(
                        org.haochaping.badreview.Evidence.referenced("窗口录像：工作人员在岗", "VID-A12-0930")).withNote("录像显示窗口人员在岗"), dept, now, path);
                order = act(client, no, WorkOrderAction.decideReview(ReviewVerdict.INVALID),
                        Actor.of(ActorRole.REVIEWER, "TJ-ZWFW-REVIEW"), now, path);
                say("  " + no + ": " + path + " (appeal upheld: counts as 未评, Art. 21)");
                continue;
            }
            act(client, no, WorkOrderAction.verify(), dept, now, path);
            act(client, no, WorkOrderAction.classify(Category.GENERAL), dept, now, path);
            act(client, no, WorkOrderAction.callBack(), dept, now, path);
            act(client, no, WorkOrderAction.startRectification(), dept, now, path);
            act(client, no, WorkOrderAction.completeRectification(), dept, now, path);
            order = client.reportFollowUp(no, FollowUpResult.SATISFIED, Actor.of(ActorRole.HOTLINE_12345, "12345"),
                    now, RequestOptions.defaults());
            path.append(" → ").append(order.state());
            say("  " + no + ": " + path + " (回访: 满意)");
            expect(order.state() == WorkOrderState.FOLLOWED_UP, no + " followed up");
        }
    }

    private static WorkOrder act(HcpClient client, String no, WorkOrderAction action, Actor actor,
            OffsetDateTime at, StringBuilder path) {
        WorkOrder order = client.reportAction(no, action, actor, at, RequestOptions.defaults());
        path.append(" → ").append(order.state());
        return order;
    }

    private void national(SimulatedPlatform platform, AppCredentials app, List<Sample> samples) {
        step("7. Another district's system speaks the national report style: the same records count once");
        platform.registerNationalApp("TJ-HEPING", "hp-app-word");
        List<Evaluation> records = new ArrayList<>();
        for (Sample s : samples) {
            if (s.evaluation().channel() != Channel.SUGGESTION_BOX
                    && s.evaluation().channel() != Channel.SELF_SERVICE_TERMINAL) {
                records.add(s.evaluation());
            }
        }
        try (HcpClient national = client(platform, app, EnvelopeSealer.builder(platform.platformPublicKey()).clock(clock)
                .appMark("TJ-HEPING").appWord("hp-app-word").build())) {
            SubmissionResult r = national.submitEvaluations(records);
            say("  " + records.size() + " national records in one SM2 envelope: " + r.count(RecordStatus.DUPLICATE)
                    + " duplicates, " + r.count(RecordStatus.ACCEPTED) + " new");
            expect(r.count(RecordStatus.DUPLICATE) == records.size(), "national duplicates counted once");
        }
    }

    /**
     * Art. 16 as a process, on two cases completed before the National Day holiday of 2026 (their dates are fixed, so
     * the demo tells the same story whatever day it runs): one evaluator is reminded after 24 hours and evaluates,
     * the other never does and the case becomes 未评 after the holiday; the platform, which marks 未评 by itself,
     * agrees with the department's report.
     */
    private List<UnevaluatedRecord> remindersAndUnevaluated(HcpClient client, SimulatedPlatform platform,
            List<Sample> samples) {
        step("8. Art. 16: a reminder 24 hours after completion, 未评 after 5 working days");
        Evaluation windowEvaluation = null;
        for (Sample sample : samples) {
            CaseRecord c = sample.evaluation().caseRecord();
            if (windowEvaluation == null && c.handlingMode() == HandlingMode.WINDOW && c.batchNo() == null
                    && c.themeCode() == null && !c.isJointApproval() && !sample.evaluation().grade().isBad()) {
                windowEvaluation = sample.evaluation();
            }
        }
        CaseRecord template = windowEvaluation.caseRecord();
        OffsetDateTime completed = OffsetDateTime.parse("2026-09-29T16:30:00+08:00");
        CaseRecord reminded = template.toBuilder().caseNo("TJ2026092900101").acceptedAt(completed.minusHours(1))
                .completedAt(completed).promisedAt(null).build();
        CaseRecord silent = reminded.toBuilder().caseNo("TJ2026092900102").build();
        client.submitCases(List.of(reminded, silent), RequestOptions.defaults());

        EvaluationTracker tracker = EvaluationTracker.builder().build();
        tracker.register(reminded);
        tracker.register(silent);
        ReminderLinks links = ReminderLinks.builder().baseUrl("tj.gov.cn/e/")
                .secret("demo-reminder-link-secret".getBytes(StandardCharsets.UTF_8))
                .clock(java.time.Clock.fixed(completed.plusDays(1).toInstant(), java.time.ZoneOffset.UTC)).build();
        OffsetDateTime dayAfter = completed.plusHours(24);
        for (DueAction a : tracker.due(dayAfter)) {
            if (tracker.claimReminder(a.caseNo(), dayAfter)) {
                ReminderLink link = links.issue(a.trackedCase(), a.evaluationDeadline().lastDay());
                ReminderMessage sms = ReminderMessage.forAction(a, "天津政务", link.url());
                say("  " + ShanghaiTime.format(a.dueAt()) + " remind " + a.caseNo() + " (" + sms.smsLength()
                        + " characters, " + sms.smsSegments() + " SMS): " + sms.sms());
            }
        }
        Evaluation afterReminder = windowEvaluation.toBuilder().caseRecord(reminded).evaluationId(null).servedAt(completed)
                .targets(Target.SERVICE_ITEM, Target.SERVICE_STAFF).grade(Grade.VERY_SATISFIED).indicators()
                .stage(EvaluationStage.AT_COMPLETION).evaluatedAt(dayAfter.plusHours(2)).build();
        tracker.record(afterReminder);
        client.submitEvaluations(List.of(afterReminder));
        say("  " + reminded.caseNo() + " evaluated after the reminder; " + silent.caseNo() + " never evaluated");

        // Oct 1-7 off; Oct 8, 9, 10 (a make-up Saturday), 12 and 13 are the five working days.
        OffsetDateTime afterHoliday = OffsetDateTime.parse("2026-10-14T09:00:00+08:00");
        List<UnevaluatedRecord> marked = new ArrayList<>();
        for (DueAction a : tracker.due(afterHoliday)) {
            UnevaluatedRecord r = tracker.markUnevaluated(a.caseNo(), afterHoliday);
            if (r != null) {
                marked.add(r);
                say("  " + ShanghaiTime.format(a.dueAt()) + " " + a.caseNo() + " marked 未评 (window ended "
                        + ShanghaiTime.format(a.evaluationDeadline().dueAt()) + ", after the National Day holiday)");
            }
        }
        SubmissionResult report = client.reportUnevaluated(marked, RequestOptions.defaults());
        List<String> platformUnevaluated = platform.observations().unevaluatedCases();
        say("  reported to the platform: " + report.count(RecordStatus.ACCEPTED) + " accepted; the platform, which marks "
                + "未评 by itself, agrees: " + silent.caseNo() + (platformUnevaluated.contains(silent.caseNo()) ? " is" : " is NOT")
                + " 未评 there, " + reminded.caseNo() + (platformUnevaluated.contains(reminded.caseNo()) ? " is" : " is not"));
        expect(marked.size() == 1 && marked.get(0).caseNo().equals(silent.caseNo()), "one case marked 未评");
        expect(platformUnevaluated.contains(silent.caseNo()) && !platformUnevaluated.contains(reminded.caseNo()),
                "the platform agrees on 未评");
        return marked;
    }

    private void scorecard(HcpClient client, SimulatedPlatform platform, List<UnevaluatedRecord> unevaluated) {
        step("9. The scorecard (Art. 23-24) from what the platform holds");
        List<StatisticsRecord> records = new ArrayList<>(unevaluated);
        for (AcceptedEvaluation a : platform.observations().acceptedEvaluations()) {
            Evaluation e = a.evaluation();
            if (e.kind() != EvaluationKind.ACTIVE) {
                continue;
            }
            records.add(EvaluationRecord.builder().evaluationId(a.evaluationNo()).caseNo(e.caseRecord().caseNo())
                    .deptCode(e.caseRecord().deptCode()).areaCode(e.caseRecord().areaCode())
                    .hallCode(e.caseRecord().hallCode()).staffNo(e.staffNo()).grade(e.grade())
                    .evaluatedAt(e.evaluatedAt()).build());
        }
        for (WorkOrder order : client.workOrders(null, null, 1, 100).items()) {
            records.add(WorkOrderRecord.from(order));
        }
        ScorecardInput input = ScorecardInput.of(records);
        Scorecard scorecard = new Scorecard(ScoreWeights.DEFAULT);
        ScoreSheet s = scorecard.score(input);
        say(String.format("  quality %s (avg %s points), active rate %s%%, rectification %s%%, follow-up "
                        + "satisfaction %s%%", s.serviceQuality(), s.averageScore(), s.activeEvaluationRate(),
                s.rectificationRate(), s.followUpSatisfactionRate()));
        say(String.format("  good %s%%, bad %s%%, 未评 %s%%  →  composite %s", s.goodRate(), s.badRate(),
                s.unevaluatedRate(), s.composite()));
        Ranking ranking = scorecard.rank(input, GroupBy.DEPARTMENT);
        for (Ranking.Entry entry : ranking.entries()) {
            say("  #" + entry.rank() + " " + entry.key() + "  " + entry.scores().composite());
        }
        expect(s.evaluations() > 0, "the scorecard counts evaluations");
    }

    private void writePayloads(List<Sample> samples) throws IOException {
        List<Evaluation> unified = new ArrayList<>();
        List<Evaluation> national = new ArrayList<>();
        for (Sample s : samples) {
            unified.add(s.evaluation());
            if (s.evaluation().channel() != Channel.SUGGESTION_BOX) {
                national.add(s.evaluation());
            }
        }
        Files.write(folder.resolve("evaluations-unified.json"),
                PayloadCodec.of(WireProfile.unified()).writePretty(unified).getBytes(StandardCharsets.UTF_8));
        Files.write(folder.resolve("evaluations-national.json"),
                PayloadCodec.of(WireProfile.national()).writePretty(national).getBytes(StandardCharsets.UTF_8));
    }

    private void step(String title) {
        say("");
        say(title);
    }

    private void say(String line) {
        out.println(line);
        report.append(line).append('\n');
    }

    private void expect(boolean condition, String what) {
        if (!condition) {
            failures++;
            say("  UNEXPECTED: not " + what);
        }
    }
}
