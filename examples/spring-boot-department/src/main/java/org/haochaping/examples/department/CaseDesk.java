package org.haochaping.examples.department;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.haochaping.client.HcpClient;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.CertificateType;
import org.haochaping.model.Channel;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationKind;
import org.haochaping.model.EvaluationStage;
import org.haochaping.model.Evaluator;
import org.haochaping.model.EvaluatorKind;
import org.haochaping.model.Grade;
import org.haochaping.model.HandlingMode;
import org.haochaping.model.Target;
import org.haochaping.outbox.OutboxRecord;
import org.haochaping.outbox.OutboxStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The department's case desk: writes its own record of a completed case (办件) and the evaluation its site collected,
 * and reports both to the platform through the outbox, in one transaction. The starter's JDBC outbox joins Spring's
 * transaction, so the platform gets the case and the evaluation if and only if the department's record commits
 * (the transactional-outbox pattern); the outbox's worker delivers them after the commit, from any instance.
 */
@Service
public class CaseDesk {

    private final JdbcTemplate jdbc;
    private final OutboxStore outbox;
    private final HcpClient client;
    private final Department department;
    private final Clock clock;

    public CaseDesk(JdbcTemplate jdbc, OutboxStore outbox, HcpClient client, Department department) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.client = client;
        this.department = department;
        this.clock = Clock.systemDefaultZone();
    }

    /** What was recorded: the case and, if there was one, its evaluation, each with its outbox sequence. */
    public record Recorded(String caseNo, long caseOutboxSequence, String evaluationId, Long evaluationOutboxSequence) {
    }

    /**
     * Records a completed case and its evaluation. Everything happens in the caller's transaction: a rule the
     * evaluation breaks (a {@code ValidationException} naming the field and the article), or a case number already
     * recorded, rolls back the department's rows and the outbox rows together.
     */
    @Transactional
    public Recorded record(CaseRequest request) {
        CaseRecord caseRecord = caseRecord(request.caseNo(), request.itemCode(), request.itemName(),
                request.handlingMode() == null ? HandlingMode.FULLY_ONLINE : request.handlingMode(),
                request.acceptedAt(), request.completedAt());
        // Every case reaches the platform (Art. 5), evaluated or not.
        OutboxRecord caseRow = outbox.submit(HcpClient.KIND_CASES, client.encodeCases(List.of(caseRecord)));
        jdbc.update("INSERT INTO dept_case (case_no, item_code, item_name, handling_mode, accepted_at, completed_at, "
                        + "outbox_sequence, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                caseRecord.caseNo(), caseRecord.itemCode(), caseRecord.itemName(), caseRecord.handlingMode().name(),
                caseRecord.acceptedAt(), caseRecord.completedAt(), caseRow.sequence(), OffsetDateTime.now(clock));
        if (request.evaluation() == null) {
            return new Recorded(caseRecord.caseNo(), caseRow.sequence(), null, null);
        }
        Evaluation evaluation = evaluation(caseRecord, request.evaluation(), EvaluationKind.ACTIVE, null);
        OutboxRecord evaluationRow = store(evaluation);
        return new Recorded(caseRecord.caseNo(), caseRow.sequence(), evaluation.evaluationId(), evaluationRow.sequence());
    }

    /**
     * Records an appended evaluation (追加评价, Art. 9(四)) the applicant made later to the evaluation of a recorded
     * case. Whether it may be appended (once, same grade and targets) is the platform's to decide against the
     * evaluations it holds: a refusal becomes a dead letter with the platform's reason ({@link OutboxAdmin}).
     *
     * @throws CaseNotFoundException when the case was not recorded here, or has no evaluation yet
     */
    @Transactional
    public Recorded append(String caseNo, CaseRequest.EvaluationRequest request) {
        List<CaseRecord> found = jdbc.query("SELECT case_no, item_code, item_name, handling_mode, accepted_at, "
                        + "completed_at FROM dept_case WHERE case_no = ? FOR UPDATE",
                (rs, i) -> caseRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                        HandlingMode.valueOf(rs.getString(4)), rs.getObject(5, OffsetDateTime.class),
                        rs.getObject(6, OffsetDateTime.class)), caseNo);
        List<String> original = jdbc.queryForList("SELECT evaluation_id FROM dept_evaluation WHERE case_no = ? "
                + "AND kind = 'ACTIVE' ORDER BY recorded_at", String.class, caseNo);
        if (found.isEmpty() || original.isEmpty()) {
            throw new CaseNotFoundException(caseNo);
        }
        Evaluation appended = evaluation(found.get(0), request, EvaluationKind.APPENDED, original.get(0));
        OutboxRecord row = store(appended);
        return new Recorded(caseNo, 0, appended.evaluationId(), row.sequence());
    }

    /** The evaluation into the outbox (checked by the rules first) and into the department's own table. */
    private OutboxRecord store(Evaluation evaluation) {
        OutboxRecord row = outbox.submit(HcpClient.KIND_EVALUATIONS, client.encodeEvaluations(List.of(evaluation)));
        jdbc.update("INSERT INTO dept_evaluation (evaluation_id, case_no, kind, grade, evaluated_at, outbox_sequence, "
                        + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                evaluation.evaluationId(), evaluation.caseRecord().caseNo(), evaluation.kind().name(),
                evaluation.grade().name(), evaluation.evaluatedAt(), row.sequence(), OffsetDateTime.now(clock));
        return row;
    }

    private CaseRecord caseRecord(String caseNo, String itemCode, String itemName, HandlingMode mode,
            OffsetDateTime acceptedAt, OffsetDateTime completedAt) {
        return CaseRecord.builder().caseNo(caseNo).item(itemCode, itemName)
                .department(department.code(), department.name()).areaCode(department.areaCode())
                .status(CaseStatus.COMPLETED).acceptedAt(acceptedAt).completedAt(completedAt).handlingMode(mode)
                .build();
    }

    private Evaluation evaluation(CaseRecord caseRecord, CaseRequest.EvaluationRequest request, EvaluationKind kind,
            String appendsTo) {
        int n = jdbc.queryForObject("SELECT COUNT(*) FROM dept_evaluation WHERE case_no = ?", Integer.class,
                caseRecord.caseNo());
        Evaluator evaluator = Evaluator.builder().kind(EvaluatorKind.NATURAL_PERSON).name(request.evaluatorName())
                .certificate(CertificateType.RESIDENT_ID_CARD, request.certificateNumber()).mobile(request.mobile())
                .build();
        Evaluation.Builder b = Evaluation.builder().evaluationId(caseRecord.caseNo() + "-E" + (n + 1))
                .caseRecord(caseRecord).kind(kind).appendsTo(appendsTo).channel(Channel.DEPARTMENT_SYSTEM)
                .stage(EvaluationStage.AT_COMPLETION).grade(grade(request.grade()))
                .evaluatedAt(request.evaluatedAt() == null ? OffsetDateTime.now(clock) : request.evaluatedAt())
                .freeText(request.freeText()).evaluator(evaluator);
        b.targets(request.targets() == null || request.targets().isEmpty() ? List.of(Target.SERVICE_ITEM)
                : request.targets().stream().map(t -> Target.valueOf(t.toUpperCase(Locale.ROOT))).toList());
        if (request.indicators() != null) {
            b.indicators(request.indicators());
        }
        if (request.staffNo() != null) {
            b.staffNo(request.staffNo());
        }
        return b.build();
    }

    private static Grade grade(String name) {
        if (name == null) {
            return null; // the rules name the missing grade
        }
        return Grade.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
