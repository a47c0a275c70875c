package org.haochaping.scorecard;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A JSON-lines file in case order, cut at case boundaries into consecutive parts that are read and tallied on
 * threads of their own, then joined ({@link CaseOrderedTally#join}): the same counts as one pass, since every
 * case lies in one part and an order finds its bad evaluation across parts. Returns {@code null} whenever the
 * one-thread path must decide instead: a file too small to cut, no case boundary near a cut, a part out of case
 * order, or any invalid record (the one-thread path names it, with its line). Memory: one tally per part.
 */
final class ParallelJsonLines {

    /** Smallest part worth a thread. */
    static final long MIN_PART_BYTES = 8L << 20;
    /** How far past a cut a case boundary is looked for. */
    private static final int BOUNDARY_WINDOW = 1 << 20;

    private ParallelJsonLines() {
    }

    static PartialScorecard tally(Path file, GroupBy by, int threads) throws IOException {
        return tally(file, by, threads, MIN_PART_BYTES);
    }

    static PartialScorecard tally(Path file, GroupBy by, int threads, long minPartBytes) throws IOException {
        long size;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            size = ch.size();
        }
        int parts = (int) Math.min(threads, size / Math.max(1, minPartBytes));
        if (parts < 2) {
            return null;
        }
        long[] starts = new long[parts + 1];
        starts[parts] = size;
        for (int i = 1; i < parts; i++) {
            starts[i] = caseBoundary(file, size * i / parts);
            if (starts[i] <= starts[i - 1] || starts[i] >= size) {
                return null;
            }
        }
        List<FutureTask<CaseOrderedTally>> tasks = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            final long from = starts[i];
            final long to = starts[i + 1];
            tasks.add(new FutureTask<>(new Callable<CaseOrderedTally>() {
                @Override
                public CaseOrderedTally call() throws IOException {
                    return part(file, from, to, by);
                }
            }));
        }
        for (int i = 1; i < parts; i++) {
            Thread t = new Thread(tasks.get(i), "hcp-scorecard-part-" + i);
            t.setDaemon(true);
            t.start();
        }
        tasks.get(0).run();
        List<CaseOrderedTally> tallies = new ArrayList<>();
        boolean usable = true;
        for (FutureTask<CaseOrderedTally> task : tasks) {
            try {
                tallies.add(task.get());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException) {
                    throw (IOException) cause;
                }
                if (!(cause instanceof StatisticsRecordException || cause instanceof CaseOrderedTally.OutOfCaseOrder)) {
                    throw new IllegalStateException("scorecard part failed", cause);
                }
                usable = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while tallying " + file, e);
            }
        }
        if (!usable || !inCaseOrder(tallies)) {
            return null;
        }
        try {
            return CaseOrderedTally.join(tallies);
        } catch (StatisticsRecordException e) {
            return null;
        }
    }

    private static CaseOrderedTally part(Path file, long from, long to, GroupBy by) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        ch.position(from);
        CaseOrderedTally tally = new CaseOrderedTally(by, "line");
        RecordFields f = new RecordFields();
        try (JsonLinesReader in = JsonLinesReader.of(new Limited(Channels.newInputStream(ch), to - from))) {
            while (in.next(f)) {
                tally.accept(f, in.line());
            }
        }
        return tally;
    }

    /** Each part's last case before the next part's first (parts with work orders only are skipped). */
    private static boolean inCaseOrder(List<CaseOrderedTally> tallies) {
        String last = null;
        for (CaseOrderedTally t : tallies) {
            if (t.firstCase() == null) {
                continue;
            }
            if (last != null && last.compareTo(t.firstCase()) >= 0) {
                return false;
            }
            last = t.lastCase();
        }
        return true;
    }

    /**
     * The start of the first line after {@code cut} whose case differs from the case of the record line before
     * it, both after {@code cut}; -1 when there is none within {@link #BOUNDARY_WINDOW} bytes or a line there is
     * not a valid record.
     */
    private static long caseBoundary(Path file, long cut) throws IOException {
        ByteBuffer window = ByteBuffer.allocate(BOUNDARY_WINDOW);
        long base = Math.max(0, cut - 1);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.position(base);
            while (window.hasRemaining() && ch.read(window) >= 0) {
                // fill the window
            }
        }
        byte[] b = window.array();
        int n = window.position();
        int i = 0;
        while (i < n && b[i] != '\n') {
            i++;
        }
        RecordFields f = new RecordFields();
        String previous = null;
        for (int start = i + 1; start < n; ) {
            int end = start;
            while (end < n && b[end] != '\n') {
                end++;
            }
            if (end == n) {
                return -1;
            }
            String line = new String(b, start, end - start, StandardCharsets.UTF_8);
            if (!line.trim().isEmpty()) {
                try {
                    JsonLinesReader.parseLine(line, 1, f);
                } catch (StatisticsRecordException e) {
                    return -1;
                }
                if (f.kind != RecordFields.Kind.WORK_ORDER) {
                    String caseNo = f.get(RecordFields.CASE_NO);
                    if (previous != null && !previous.equals(caseNo)) {
                        return base + start;
                    }
                    previous = caseNo;
                }
            }
            start = end + 1;
        }
        return -1;
    }

    /** At most {@code limit} bytes of a stream. */
    private static final class Limited extends FilterInputStream {
        private long left;

        Limited(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int c = super.read();
            if (c >= 0) {
                left--;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int r = super.read(b, off, (int) Math.min(len, left));
            if (r > 0) {
                left -= r;
            }
            return r;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(Math.min(n, left));
            left -= s;
            return s;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), left);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
