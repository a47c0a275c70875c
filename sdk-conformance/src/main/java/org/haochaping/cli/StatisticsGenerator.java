package org.haochaping.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.SplittableRandom;

/**
 * Synthetic statistics records (docs/interface-spec.md §2) for benchmarks and the memory-bound test,
 * generated on the fly as JSON lines in case order (what an export {@code ORDER BY case_no} gives), the work
 * order of a bad review right after its evaluation. Deterministic for a seed. The shape (docs/BENCHMARKS.md):
 * case {@code i} is {@code C%010d}; its department one of {@code departments} ({@code D%03d}), its district one
 * of 16, its hall one of 50 or none (10 % online, no hall or staff), its staff one of 8 per department; 15 % of
 * cases are 未评, 10 % of evaluated cases are evaluated at two visits; grades 60/20/12/5/3 % from 非常满意
 * to 非常不满意; 90 % of bad reviews have an order (30 % rectified, 30 % followed up with 80 % satisfied, 15 %
 * rectifying, 10 % dismissed, 5 % invalidated, 5 % under review, 5 % dispatched).
 */
final class StatisticsGenerator extends Reader {

    private static final String[] GRADES = {"VERY_SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED",
        "VERY_DISSATISFIED"};

    private final long records;
    private final int departments;
    private final SplittableRandom random;
    private final StringBuilder buffer = new StringBuilder(4096);
    private int bufferPos;
    private long emitted;
    private long caseIndex;

    StatisticsGenerator(long records, int departments, long seed) {
        this.records = records;
        this.departments = departments;
        this.random = new SplittableRandom(seed);
    }

    /** Appends the records of the next case (at most the records still owed). */
    private void nextCase() {
        long i = caseIndex++;
        String caseNo = "C" + pad(i, 10);
        int d = random.nextInt(departments);
        String dept = "D" + pad(d, 3);
        String area = "1201" + pad(d % 16, 2);
        boolean online = random.nextInt(10) == 0;
        String hall = online ? null : "H" + pad(d % 50, 2);
        String staff = online ? null : dept + "-S" + random.nextInt(8);
        String day = "2026-11-" + pad(1 + i % 28, 2);
        if (random.nextInt(100) < 15) {
            emit("{\"kind\":\"unevaluated\",\"caseNo\":\"" + caseNo + "\",\"deptCode\":\"" + dept + "\",\"areaCode\":\""
                    + area + "\"" + codes(hall, staff) + ",\"completedAt\":\"" + day + "T16:00:00+08:00\"}");
            return;
        }
        int visits = random.nextInt(10) == 0 ? 2 : 1;
        for (int v = 0; v < visits && emitted < records; v++) {
            String id = caseNo + "-" + v;
            int g = random.nextInt(100);
            int grade = g < 60 ? 0 : g < 80 ? 1 : g < 92 ? 2 : g < 97 ? 3 : 4;
            emit("{\"kind\":\"evaluation\",\"evaluationId\":\"" + id + "\",\"caseNo\":\"" + caseNo + "\",\"deptCode\":\""
                    + dept + "\",\"areaCode\":\"" + area + "\"" + codes(hall, staff) + ",\"grade\":\"" + GRADES[grade]
                    + "\",\"evaluatedAt\":\"" + day + "T10:" + pad(v * 10, 2) + ":00+08:00\"}");
            if (grade >= 3 && random.nextInt(10) != 0 && emitted < records) {
                int s = random.nextInt(100);
                String state = s < 30 ? "RECTIFIED" : s < 60 ? "FOLLOWED_UP" : s < 75 ? "RECTIFYING" : s < 85 ? "DISMISSED"
                        : s < 90 ? "INVALIDATED" : s < 95 ? "UNDER_REVIEW" : "DISPATCHED";
                String follow = state.equals("FOLLOWED_UP")
                        ? ",\"followUp\":\"" + (random.nextInt(10) < 8 ? "SATISFIED" : "DISSATISFIED") + "\"" : "";
                emit("{\"kind\":\"workOrder\",\"orderNo\":\"WO-" + id + "\",\"evaluationId\":\"" + id + "\",\"state\":\""
                        + state + "\"" + follow + "}");
            }
        }
    }

    private static String pad(long v, int width) {
        String s = Long.toString(v);
        StringBuilder b = new StringBuilder(width);
        for (int k = s.length(); k < width; k++) {
            b.append('0');
        }
        return b.append(s).toString();
    }

    private static String codes(String hall, String staff) {
        return hall == null ? "" : ",\"hallCode\":\"" + hall + "\",\"staffNo\":\"" + staff + "\"";
    }

    private void emit(String line) {
        buffer.append(line).append('\n');
        emitted++;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        while (bufferPos >= buffer.length()) {
            if (emitted >= records) {
                return -1;
            }
            buffer.setLength(0);
            bufferPos = 0;
            while (buffer.length() < 2048 && emitted < records) {
                nextCase();
            }
        }
        int n = Math.min(len, buffer.length() - bufferPos);
        buffer.getChars(bufferPos, bufferPos + n, cbuf, off);
        bufferPos += n;
        return n;
    }

    @Override
    public void close() {
    }
}
