package org.haochaping.examples;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collections;

import org.haochaping.client.HcpClient;
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
import org.haochaping.outbox.Outbox;

/**
 * User story 3: a self-service terminal (自助服务终端, Art. 10(三)) in the hall. Its network drops now and then;
 * an evaluation must never be lost nor counted twice. Each evaluation goes into the outbox, a durable journal
 * on the terminal's disk, which delivers in the background and retries until the platform has it.
 */
public final class SelfServiceTerminal {

    public static void main(String[] args) throws Exception {
        try (LocalPlatform platform = LocalPlatform.start("tjzwfw-terminal-07");
             HcpClient client = platform.client().build();
             // The journal survives a power cut: records not yet delivered are sent after the restart.
             Outbox outbox = Outbox.builder(LocalPlatform.outputFolder().resolve("terminal-outbox"),
                     client.outboxSink()).retryBackoff(Duration.ofMillis(50), Duration.ofMillis(400)).open()) {

            // The network is down: the simulator resets the next 8 connections (a test bench's job, not yours).
            platform.simulator().faults().resetNext(8);
            System.out.println("network down");

            for (int i = 1; i <= 3; i++) {
                Evaluation e = printedLicence("TJ2026112600" + (200 + i), i);
                // Encode (and check against the rules) now, store durably, return at once: the applicant walks away.
                outbox.submit(HcpClient.KIND_EVALUATIONS, client.encodeEvaluations(Collections.singletonList(e)));
                System.out.println("evaluation " + e.evaluationId() + " stored on the terminal");
            }
            System.out.println("pending while offline: " + outbox.pendingCount());

            // The outbox retries with backoff; once connections succeed again it catches up on its own.
            boolean drained = outbox.awaitDrained(Duration.ofSeconds(20));
            System.out.println("network back, caught up: " + drained + ", pending " + outbox.pendingCount());
            System.out.println("platform counted " + platform.simulator().observations().countedEvaluations()
                    + " evaluations, each once");
        }
    }

    /** An applicant printed a business licence at the terminal and rated the item (Art. 11: after completion). */
    private static Evaluation printedLicence(String caseNo, int n) {
        OffsetDateTime printed = OffsetDateTime.parse("2026-11-26T14:00:00+08:00").plusMinutes(10L * n);
        CaseRecord c = CaseRecord.builder().caseNo(caseNo)
                .item("11120000000123456100012011700009", "营业执照打印")
                .department("111200000001234561", "天津市市场监督管理委员会").areaCode("120000")
                .hallAndWindow("TJZWFW-01", null).status(CaseStatus.COMPLETED)
                .acceptedAt(printed.minusMinutes(3)).completedAt(printed)
                .handlingMode(HandlingMode.SELF_SERVICE).build();
        Evaluator applicant = Evaluator.builder().kind(EvaluatorKind.NATURAL_PERSON).name("张三")
                .certificate(CertificateType.RESIDENT_ID_CARD, "120101198506121236").mobile("13812345678").build();
        return Evaluation.builder().evaluationId("SS07-" + caseNo).caseRecord(c).targets(Target.SERVICE_ITEM)
                .channel(Channel.SELF_SERVICE_TERMINAL).grade(Grade.SATISFIED).indicators("1407")
                .stage(EvaluationStage.AT_COMPLETION).evaluatedAt(printed.plusMinutes(1)).evaluator(applicant)
                .build();
    }
}
