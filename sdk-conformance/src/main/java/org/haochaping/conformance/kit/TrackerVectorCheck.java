package org.haochaping.conformance.kit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.haochaping.calendar.ShanghaiTime;
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
import org.haochaping.tracking.DueAction;
import org.haochaping.tracking.EvaluationTracker;

/**
 * Checks one Art. 16 tracker case against the SDK's {@link EvaluationTracker} on the bundled calendar (statutory
 * holidays, flagged provisional, for years without an arrangement): the cases are registered, the evaluations
 * recorded and the reminders claimed in the order given, and the actions due at {@code at} must equal
 * {@code expected}, in order, with their due instants and provisional flags. An {@code invalid} case must be
 * refused when its cases are registered.
 */
public final class TrackerVectorCheck {

    private TrackerVectorCheck() {
    }

    public static CaseResult check(VectorCase c) {
        if (!"TrackerTest".equals(c.group().path("type").asText())) {
            throw new VectorFileException(c.id() + ": unknown group type '" + c.group().path("type").asText() + "'");
        }
        EvaluationTracker tracker = EvaluationTracker.builder().build();
        Map<String, CaseRecord> cases = new HashMap<>();
        try {
            for (JsonNode node : c.test().path("cases")) {
                CaseRecord record = caseRecord(node);
                cases.put(record.caseNo(), record);
                tracker.register(record);
            }
        } catch (ValidationException refused) {
            return c.expectsValid()
                    ? CaseResult.fail(c, "invalid", "expected valid, but the tracker refused: " + refused.getMessage())
                    : CaseResult.pass(c, "invalid");
        } catch (RuntimeException e) {
            return CaseResult.threw(c, e);
        }
        if (!c.expectsValid()) {
            return CaseResult.fail(c, "valid", "expected the case to be refused, but the tracker took it");
        }
        try {
            for (JsonNode node : c.test().path("evaluations")) {
                CaseRecord record = cases.get(node.path("caseNo").asText());
                if (record == null) {
                    throw new VectorFileException(c.id() + ": an evaluation of an unlisted case");
                }
                tracker.record(evaluation(node, record));
            }
            for (JsonNode node : c.test().path("reminded")) {
                tracker.claimReminder(node.path("caseNo").asText(), OffsetDateTime.parse(node.path("at").asText()));
            }
            List<String> actual = new ArrayList<>();
            for (DueAction a : tracker.due(OffsetDateTime.parse(c.test().path("at").asText()))) {
                actual.add(a.caseNo() + " " + a.kind() + " " + ShanghaiTime.format(a.dueAt())
                        + (a.provisional() ? " provisional" : ""));
            }
            List<String> expected = new ArrayList<>();
            for (JsonNode e : c.test().path("expected")) {
                expected.add(e.path("caseNo").asText() + " " + e.path("action").asText() + " "
                        + ShanghaiTime.format(OffsetDateTime.parse(e.path("due").asText()))
                        + (e.path("provisional").asBoolean() ? " provisional" : ""));
            }
            return actual.equals(expected) ? CaseResult.pass(c, "valid, " + actual)
                    : CaseResult.fail(c, "valid, " + actual, "expected " + expected + ", the SDK gave " + actual);
        } catch (VectorFileException e) {
            throw e;
        } catch (RuntimeException e) {
            return CaseResult.threw(c, e);
        }
    }

    private static CaseRecord caseRecord(JsonNode node) {
        JsonNode completed = node.path("completedAt");
        OffsetDateTime completedAt = completed.isTextual() ? OffsetDateTime.parse(completed.asText()) : null;
        return CaseRecord.builder().caseNo(node.path("caseNo").asText())
                .item("11120000000123456100012011700001", "企业设立登记").department("111200000001234561", "市场监管委")
                .areaCode("120000").hallAndWindow("TJZWFW-01", "A12").staff("S1024", "李四")
                .status(completedAt != null ? CaseStatus.COMPLETED : CaseStatus.ACCEPTED)
                .completedAt(completedAt)
                .handlingMode(HandlingMode.valueOf(node.path("handlingMode").asText()))
                .businessKind(BusinessKind.valueOf(node.path("businessKind").asText()))
                .batchNo(node.path("batchNo").asText(null)).build();
    }

    private static Evaluation evaluation(JsonNode node, CaseRecord record) {
        Set<Target> targets = EnumSet.noneOf(Target.class);
        for (JsonNode t : node.path("targets")) {
            targets.add(Target.valueOf(t.asText()));
        }
        return Evaluation.builder().caseRecord(record).targets(targets).channel(Channel.WINDOW_EVALUATOR)
                .grade(Grade.VERY_SATISFIED).scope(EvaluationScope.valueOf(node.path("scope").asText()))
                .kind(EvaluationKind.valueOf(node.path("kind").asText()))
                .stage(EvaluationStage.valueOf(node.path("stage").asText()))
                .evaluatedAt(OffsetDateTime.parse(node.path("evaluatedAt").asText())).build();
    }
}
