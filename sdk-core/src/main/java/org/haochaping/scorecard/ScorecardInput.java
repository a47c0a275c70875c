package org.haochaping.scorecard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Statistics records (docs/interface-spec.md §2), two ways.
 *
 * <p>In memory, checked and linked ({@link #of}, {@link #readJsonLines(Reader)}): every work order points at a
 * bad evaluation in the input (Art. 18), at most one order per evaluation, identifiers unique, no case both
 * evaluated and "未评" or "未评" twice. For a period that fits in memory.
 *
 * <p>Streaming ({@link #tallyJsonLines(Path, GroupBy)}, {@link #tallyRows(ResultSet, GroupBy)}): one pass, no
 * record kept; memory proportional to the groups and the bad reviews, not to the records. The records of one
 * case must come together, in ascending {@code caseNo} (code-point order); work orders may come anywhere. A
 * file in another order is sorted first, in bounded memory (sorted runs spilled to temporary files and
 * merged). The same input is refused, with messages that may be less specific: an order for an evaluation
 * that is good, absent or already has an order is refused as an order without its open bad review; an
 * evaluation id repeated in two different cases is caught only among open bad reviews, and order numbers are
 * not compared (neither changes a figure).
 *
 * <p>A bad evaluation without a work-order record counts as a valid bad review not yet rectified.
 */
public final class ScorecardInput {

    private static final String LINE = "line";
    private static final String RECORD = "record";

    private final List<EvaluationRecord> evaluations;
    private final List<UnevaluatedRecord> unevaluated;
    private final List<WorkOrderRecord> workOrders;
    /** Every record with its line or record number, in input order. */
    private final List<StatisticsRecord> records;
    private final long[] positions;
    private final String unit;

    private ScorecardInput(List<StatisticsRecord> records, long[] positions, String unit) {
        List<EvaluationRecord> e = new ArrayList<>();
        List<UnevaluatedRecord> u = new ArrayList<>();
        List<WorkOrderRecord> w = new ArrayList<>();
        for (StatisticsRecord r : records) {
            if (r instanceof EvaluationRecord) {
                e.add((EvaluationRecord) r);
            } else if (r instanceof UnevaluatedRecord) {
                u.add((UnevaluatedRecord) r);
            } else if (r instanceof WorkOrderRecord) {
                w.add((WorkOrderRecord) r);
            } else {
                throw new StatisticsRecordException("unknown record type " + (r == null ? "null" : r.getClass().getName()));
            }
        }
        this.evaluations = Collections.unmodifiableList(e);
        this.unevaluated = Collections.unmodifiableList(u);
        this.workOrders = Collections.unmodifiableList(w);
        this.records = records;
        this.positions = positions;
        this.unit = unit;
        checkLinks();
        tally(null);
    }

    /**
     * @throws StatisticsRecordException for a duplicate identifier, a work order without its evaluation, a
     *     work order on a good evaluation (Art. 18), two orders for one evaluation, or a case both evaluated and
     *     "未评" or "未评" twice (naming both records by their 1-based number)
     */
    public static ScorecardInput of(Iterable<? extends StatisticsRecord> records) {
        List<StatisticsRecord> list = new ArrayList<>();
        for (StatisticsRecord r : records) {
            list.add(r);
        }
        long[] positions = new long[list.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i + 1;
        }
        return new ScorecardInput(list, positions, RECORD);
    }

    /** The checks that need every evaluation at hand, with the messages of the in-memory form. */
    private void checkLinks() {
        Map<String, EvaluationRecord> byId = new HashMap<>();
        for (EvaluationRecord e : evaluations) {
            if (byId.put(e.evaluationId(), e) != null) {
                throw new StatisticsRecordException("evaluationId " + e.evaluationId() + " appears in two evaluation records");
            }
        }
        Map<String, WorkOrderRecord> byOrderNo = new HashMap<>();
        Map<String, WorkOrderRecord> orderByEvaluation = new HashMap<>();
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
                        + other.orderNo() + " and " + w.orderNo() + " (Art. 18)");
            }
        }
    }

    /**
     * Reads JSON lines (one record per line, blank lines skipped) as specified in
     * {@code docs/interface-spec.md}, "Statistics records", into memory.
     *
     * @throws StatisticsRecordException naming the line(s) and the problem
     * @throws IOException when the reader fails
     */
    public static ScorecardInput readJsonLines(Reader reader) throws IOException {
        List<StatisticsRecord> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        RecordFields f = new RecordFields();
        try (JsonLinesReader in = JsonLinesReader.of(reader)) {
            while (in.next(f)) {
                try {
                    switch (f.kind) {
                        case EVALUATION:
                            records.add(f.toEvaluation());
                            break;
                        case UNEVALUATED:
                            records.add(f.toUnevaluated());
                            break;
                        default:
                            records.add(f.toWorkOrder());
                    }
                } catch (IllegalArgumentException | StatisticsRecordException e) {
                    // A record's own problem (StatisticsRecordException is no IllegalArgumentException since 0.2.0): name its line.
                    throw new StatisticsRecordException((int) in.line(), e.getMessage(), e);
                }
                lines.add(in.line());
            }
        }
        long[] positions = new long[lines.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = lines.get(i);
        }
        try {
            return new ScorecardInput(records, positions, LINE);
        } catch (StatisticsRecordException e) {
            throw e.line() > 0 ? e : new StatisticsRecordException(0, "in the records as a whole: " + e.getMessage(), e);
        }
    }

    /**
     * Tallies a JSON-lines file in one pass when its records come in case order, otherwise sorts it first
     * with bounded memory (sorted runs in temporary files). The result merges with the tallies of other files.
     *
     * @param by the grouping; {@code null} for the whole period
     * @throws StatisticsRecordException naming the line(s) and the problem
     */
    public static PartialScorecard tallyJsonLines(Path file, GroupBy by) throws IOException {
        try (JsonLinesReader in = JsonLinesReader.of(Files.newInputStream(file))) {
            return streamCaseOrdered(in, by);
        } catch (CaseOrderedTally.OutOfCaseOrder unordered) {
            return CaseSortedRuns.tally(file, by);
        }
    }

    /**
     * As {@link #tallyJsonLines(Path, GroupBy)}, on up to {@code threads} threads: a file in case order (of at
     * least 8 MB a thread) is cut at case boundaries into parts, each tallied on its own thread, and the parts
     * joined; orders find their bad evaluations across parts. The figures are the same as on one thread. Any
     * invalid record, or a file out of case order, sends the file to the one-thread path, which names the
     * problem and its line. One check is weaker across parts: an evaluation id repeated in two parts is caught
     * when both are open bad reviews, not when one of them is good or already has its order.
     *
     * @param threads at least 1; 1 reads on the calling thread only
     * @throws StatisticsRecordException naming the line(s) and the problem
     */
    public static PartialScorecard tallyJsonLines(Path file, GroupBy by, int threads) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        if (threads > 1) {
            PartialScorecard parts = ParallelJsonLines.tally(file, by, threads);
            if (parts != null) {
                return parts;
            }
        }
        return tallyJsonLines(file, by);
    }

    /**
     * Tallies JSON lines in one pass without keeping them; the records of a case must come together, in
     * ascending {@code caseNo} (work orders anywhere), as a database export {@code ORDER BY case_no} gives. For
     * a file in any order use {@link #tallyJsonLines(Path, GroupBy)}.
     *
     * @param by the grouping; {@code null} for the whole period
     * @throws StatisticsRecordException naming the line(s) and the problem, also for a case out of order
     */
    public static PartialScorecard tallyJsonLines(Reader reader, GroupBy by) throws IOException {
        try (JsonLinesReader in = JsonLinesReader.of(reader)) {
            return streamCaseOrdered(in, by);
        } catch (CaseOrderedTally.OutOfCaseOrder e) {
            throw new StatisticsRecordException((int) e.position, e.getMessage(), null);
        }
    }

    private static PartialScorecard streamCaseOrdered(JsonLinesReader in, GroupBy by) throws IOException {
        CaseOrderedTally tally = new CaseOrderedTally(by, LINE);
        RecordFields f = new RecordFields();
        while (in.next(f)) {
            tally.accept(f, in.line());
        }
        return tally.finish();
    }

    /**
     * The columns of a statistics table row (docs/interface-spec.md §2, "The statistics table"): the JSON fields
     * in snake case, {@code NULL} for a field the row's kind does not have.
     */
    public static final List<String> COLUMNS = Collections.unmodifiableList(columns());

    private static List<String> columns() {
        List<String> c = new ArrayList<>();
        for (String name : RecordFields.NAMES) {
            c.add(name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT));
        }
        return c;
    }

    /**
     * Tallies the rows of a statistics table in one pass, without keeping them. The rows must come in case
     * order, as {@code ORDER BY case_no} with a code-point collation gives ({@code COLLATE "C"} in PostgreSQL,
     * {@code COLLATE utf8mb4_bin} in MySQL; DuckDB and Spark compare binary by default); work-order rows
     * ({@code case_no} NULL) may come anywhere. Does not close the result set.
     *
     * @param by the grouping; {@code null} for the whole period
     * @throws StatisticsRecordException naming the row (1-based) and the problem, also for rows out of case order
     * @throws SQLException when reading fails or a column of {@link #COLUMNS} is missing
     */
    public static PartialScorecard tallyRows(ResultSet rows, GroupBy by) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int[] index = new int[COLUMNS.size()];
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            int slot = COLUMNS.indexOf(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
            if (slot >= 0) {
                index[slot] = i;
            }
        }
        for (int slot = 0; slot < index.length; slot++) {
            if (index[slot] == 0) {
                throw new SQLException("the statistics rows lack the column " + COLUMNS.get(slot)
                        + " (docs/interface-spec.md §2)");
            }
        }
        CaseOrderedTally tally = new CaseOrderedTally(by, "row");
        RecordFields f = new RecordFields();
        int row = 0;
        while (rows.next()) {
            row++;
            f.clear();
            for (int slot = 0; slot < index.length; slot++) {
                String v = rows.getString(index[slot]);
                if (v != null) {
                    f.set(slot, v);
                }
            }
            try {
                f.check(false);
                tally.accept(f, row);
            } catch (CaseOrderedTally.OutOfCaseOrder e) {
                throw new StatisticsRecordException(row, e.getMessage() + " (ORDER BY case_no with a code-point "
                        + "collation, e.g. COLLATE \"C\")", null);
            } catch (StatisticsRecordException e) {
                throw e.line() > 0 ? e : new StatisticsRecordException(row, "row: " + e.getMessage(), e);
            }
        }
        return tally.finish();
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

    /** The tally of these records: work orders first, then the cases in order. */
    PartialScorecard tally(GroupBy by) {
        CaseOrderedTally tally = new CaseOrderedTally(by, unit);
        RecordFields f = new RecordFields();
        List<Integer> caseRecords = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            StatisticsRecord r = records.get(i);
            if (r instanceof WorkOrderRecord) {
                f.from(r);
                tally.accept(f, positions[i]);
            } else {
                caseRecords.add(i);
            }
        }
        Collections.sort(caseRecords, new Comparator<Integer>() {
            @Override
            public int compare(Integer a, Integer b) {
                int byCase = caseNo(records.get(a)).compareTo(caseNo(records.get(b)));
                return byCase != 0 ? byCase : Integer.compare(a, b);
            }
        });
        for (int i : caseRecords) {
            f.from(records.get(i));
            tally.accept(f, positions[i]);
        }
        return tally.finish();
    }

    private static String caseNo(StatisticsRecord r) {
        return r instanceof EvaluationRecord ? ((EvaluationRecord) r).caseNo() : ((UnevaluatedRecord) r).caseNo();
    }
}
