package org.haochaping.scorecard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of one period, checked and linked: every work order points at a bad evaluation in the input
 * (Art. 18), at most one order per evaluation, identifiers unique. Immutable.
 *
 * <p>A bad evaluation without a work-order record counts as a valid bad review not yet rectified.
 */
public final class ScorecardInput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<EvaluationRecord> evaluations;
    private final List<UnevaluatedRecord> unevaluated;
    private final List<WorkOrderRecord> workOrders;
    private final Map<String, WorkOrderRecord> orderByEvaluation;

    private ScorecardInput(List<EvaluationRecord> evaluations, List<UnevaluatedRecord> unevaluated,
                           List<WorkOrderRecord> workOrders, Map<String, WorkOrderRecord> orderByEvaluation) {
        this.evaluations = Collections.unmodifiableList(evaluations);
        this.unevaluated = Collections.unmodifiableList(unevaluated);
        this.workOrders = Collections.unmodifiableList(workOrders);
        this.orderByEvaluation = orderByEvaluation;
    }

    /**
     * @throws StatisticsRecordException for a duplicate identifier, a work order without its evaluation, a
     *     work order on a good evaluation (Art. 18), or two orders for one evaluation
     */
    public static ScorecardInput of(Iterable<? extends StatisticsRecord> records) {
        List<EvaluationRecord> evaluations = new ArrayList<>();
        List<UnevaluatedRecord> unevaluated = new ArrayList<>();
        List<WorkOrderRecord> workOrders = new ArrayList<>();
        for (StatisticsRecord r : records) {
            if (r instanceof EvaluationRecord) {
                evaluations.add((EvaluationRecord) r);
            } else if (r instanceof UnevaluatedRecord) {
                unevaluated.add((UnevaluatedRecord) r);
            } else if (r instanceof WorkOrderRecord) {
                workOrders.add((WorkOrderRecord) r);
            } else {
                throw new StatisticsRecordException("unknown record type " + (r == null ? "null" : r.getClass().getName()));
            }
        }
        Map<String, EvaluationRecord> byId = new HashMap<>();
        for (EvaluationRecord e : evaluations) {
            if (byId.put(e.evaluationId(), e) != null) {
                throw new StatisticsRecordException("evaluationId " + e.evaluationId() + " appears in two evaluation records");
            }
        }
        Map<String, WorkOrderRecord> orderByEvaluation = new HashMap<>();
        Map<String, WorkOrderRecord> byOrderNo = new HashMap<>();
        for (WorkOrderRecord w : workOrders) {
            EvaluationRecord e = byId.get(w.evaluationId());
            if (e == null) {
                throw new StatisticsRecordException("work order " + w.orderNo() + " points at evaluation "
                        + w.evaluationId() + ", which is not in the input");
            }
            if (!e.grade().isBad()) {
                throw new StatisticsRecordException("work order " + w.orderNo() + " points at evaluation "
                        + w.evaluationId() + " graded " + e.grade() + "; only 不满意 or 非常不满意 opens a work order (Art. 18)");
            }
            if (byOrderNo.put(w.orderNo(), w) != null) {
                throw new StatisticsRecordException("orderNo " + w.orderNo() + " appears in two work order records");
            }
            WorkOrderRecord other = orderByEvaluation.put(w.evaluationId(), w);
            if (other != null) {
                throw new StatisticsRecordException("evaluation " + w.evaluationId() + " has two work orders: "
                        + other.orderNo() + " and " + w.orderNo());
            }
        }
        return new ScorecardInput(evaluations, unevaluated, workOrders, orderByEvaluation);
    }

    /**
     * Reads JSON lines (one record per line, blank lines skipped) as specified in
     * {@code docs/interface-spec.md}, "Statistics records".
     *
     * @throws StatisticsRecordException naming the line and the problem
     * @throws IOException when the reader fails
     */
    public static ScorecardInput readJsonLines(Reader reader) throws IOException {
        List<StatisticsRecord> records = new ArrayList<>();
        BufferedReader lines = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
        int lineNo = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNo++;
            if (line.trim().isEmpty()) {
                continue;
            }
            try {
                records.add(JSON.readValue(line, StatisticsRecord.class));
            } catch (JsonProcessingException e) {
                throw new StatisticsRecordException(lineNo, problem(e), e);
            } catch (StatisticsRecordException e) {
                throw new StatisticsRecordException(lineNo, e.getMessage(), e);
            }
        }
        try {
            return of(records);
        } catch (StatisticsRecordException e) {
            throw new StatisticsRecordException(0, "in the records as a whole: " + e.getMessage(), e);
        }
    }

    /** The most specific message: our own check's when a creator refused a value, Jackson's otherwise. */
    private static String problem(JsonProcessingException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException) {
                return t.getMessage();
            }
        }
        return e.getOriginalMessage();
    }

    public List<EvaluationRecord> evaluations() {
        return evaluations;
    }

    public List<UnevaluatedRecord> unevaluated() {
        return unevaluated;
    }

    public List<WorkOrderRecord> workOrders() {
        return workOrders;
    }

    /** The work order of an evaluation; {@code null} when there is none in the input. */
    WorkOrderRecord workOrderOf(EvaluationRecord evaluation) {
        return orderByEvaluation.get(evaluation.evaluationId());
    }
}
