package org.haochaping.scorecard;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The path for a JSON-lines file not in case order: an external merge sort by {@code (caseNo, line)}. The
 * first pass checks every line, hands work orders to the tally at once (they may come anywhere) and writes the
 * other lines in sorted runs of bounded size to temporary files; the second merges the runs into the tally.
 * Memory: one run (at most {@link #runChars()} characters of lines) plus one buffered line per run.
 */
final class CaseSortedRuns {

    private static final class Line {
        final String caseNo;
        final long lineNo;
        final String text;

        Line(String caseNo, long lineNo, String text) {
            this.caseNo = caseNo;
            this.lineNo = lineNo;
            this.text = text;
        }
    }

    private static final Comparator<Line> ORDER = new Comparator<Line>() {
        @Override
        public int compare(Line a, Line b) {
            int c = a.caseNo.compareTo(b.caseNo);
            return c != 0 ? c : Long.compare(a.lineNo, b.lineNo);
        }
    };

    private CaseSortedRuns() {
    }

    /** Characters of lines held in memory per run: an eighth of the heap, at most 16 M. */
    static long runChars() {
        return Math.max(1 << 16, Math.min(16L << 20, Runtime.getRuntime().maxMemory() / 16));
    }

    static PartialScorecard tally(Path file, GroupBy by) throws IOException {
        return tally(file, by, runChars());
    }

    /** With runs of at most {@code limit} characters (small in tests, to merge many runs). */
    static PartialScorecard tally(Path file, GroupBy by, long limit) throws IOException {
        CaseOrderedTally tally = new CaseOrderedTally(by, "line");
        RecordFields f = new RecordFields();
        List<Path> runs = new ArrayList<>();
        List<Line> run = new ArrayList<>();
        long held = 0;
        try {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                int lineNo = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lineNo++;
                    if (line.trim().isEmpty()) {
                        continue;
                    }
                    parse(line, lineNo, f);
                    if (f.kind == RecordFields.Kind.WORK_ORDER) {
                        tally.accept(f, lineNo);
                        continue;
                    }
                    String caseNo = f.get(RecordFields.CASE_NO);
                    run.add(new Line(caseNo, lineNo, line));
                    held += line.length() + caseNo.length() + 32;
                    if (held >= limit) {
                        runs.add(spill(run));
                        run.clear();
                        held = 0;
                    }
                }
            }
            Collections.sort(run, ORDER);
            if (runs.isEmpty()) {
                for (Line l : run) {
                    parse(l.text, l.lineNo, f);
                    tally.accept(f, l.lineNo);
                }
                return tally.finish();
            }
            runs.add(spill(run));
            run.clear();
            merge(runs, tally, f);
            return tally.finish();
        } finally {
            for (Path p : runs) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void parse(String line, long lineNo, RecordFields f) {
        JsonLinesReader.parseLine(line, lineNo, f);
    }

    private static Path spill(List<Line> run) throws IOException {
        Collections.sort(run, ORDER);
        Path p = Files.createTempFile("hcp-scorecard-run", ".bin");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(p), 1 << 16))) {
            for (Line l : run) {
                out.writeLong(l.lineNo);
                writeString(out, l.caseNo);
                writeString(out, l.text);
            }
        }
        return p;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** A run being read back, one line ahead. */
    private static final class Cursor implements Closeable {
        private final DataInputStream in;
        Line head;

        Cursor(Path p) throws IOException {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(p), 1 << 16));
            advance();
        }

        void advance() throws IOException {
            long lineNo;
            try {
                lineNo = in.readLong();
            } catch (EOFException end) {
                head = null;
                return;
            }
            head = new Line(readString(), lineNo, readString());
        }

        private String readString() throws IOException {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static void merge(List<Path> runs, CaseOrderedTally tally, RecordFields f) throws IOException {
        PriorityQueue<Cursor> queue = new PriorityQueue<>(runs.size(), new Comparator<Cursor>() {
            @Override
            public int compare(Cursor a, Cursor b) {
                return ORDER.compare(a.head, b.head);
            }
        });
        List<Cursor> open = new ArrayList<>();
        try {
            for (Path p : runs) {
                Cursor c = new Cursor(p);
                open.add(c);
                if (c.head != null) {
                    queue.add(c);
                }
            }
            while (!queue.isEmpty()) {
                Cursor c = queue.poll();
                parse(c.head.text, c.head.lineNo, f);
                tally.accept(f, c.head.lineNo);
                c.advance();
                if (c.head != null) {
                    queue.add(c);
                }
            }
        } finally {
            for (Cursor c : open) {
                c.close();
            }
        }
    }
}
