package org.haochaping.conformance.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The outcome of a vector run: one entry per case, with totals, a readable summary and a JSON form. */
public final class VectorReport {

    /** How a case ended up in the report. */
    public enum Status {
        PASSED,
        FAILED,
        /** Failed, but listed in the expected-failures file. */
        EXPECTED_DEVIATION
    }

    /**
     * One case's result.
     *
     * @param result         what the implementation did
     * @param expectedReason the expected-failures file's reason, or null when the case is not listed
     * @param nanos          how long the check took
     */
    public record Entry(CaseResult result, String expectedReason, long nanos) {

        public Status status() {
            if (result.passed()) {
                return Status.PASSED;
            }
            return expectedReason != null ? Status.EXPECTED_DEVIATION : Status.FAILED;
        }

        public VectorCase vectorCase() {
            return result.vectorCase();
        }
    }

    /** Per-file (or overall) counts. */
    public record Totals(int cases, int passed, int failed, int expectedDeviations) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<String> files;
    private final List<Entry> entries;
    private final ExpectedFailures expected;

    VectorReport(List<String> files, List<Entry> entries, ExpectedFailures expected) {
        this.files = List.copyOf(files);
        this.entries = List.copyOf(entries);
        this.expected = expected;
    }

    public List<String> files() {
        return files;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The entries of one file, in file order. */
    public List<Entry> entries(String file) {
        return entries.stream().filter(e -> e.vectorCase().file().equals(file)).toList();
    }

    public Totals totals() {
        return totals(entries);
    }

    public Totals totals(String file) {
        return totals(entries(file));
    }

    /** Whether every case passed or is an expected deviation. */
    public boolean passed() {
        return entries.stream().noneMatch(e -> e.status() == Status.FAILED);
    }

    /** Listed as expected failures but passed: the list is out of date for them. */
    public List<String> passedDespiteListed() {
        return entries.stream().filter(e -> e.expectedReason() != null && e.result().passed())
                .map(e -> e.vectorCase().id()).toList();
    }

    /** Listed as expected failures but matching no case that ran. */
    public List<String> unknownListed() {
        Set<String> ran = new LinkedHashSet<>();
        entries.forEach(e -> ran.add(e.vectorCase().id()));
        List<String> out = new ArrayList<>();
        for (String key : expected.keys()) {
            if (!ran.contains(key)) {
                out.add(key);
            }
        }
        return out;
    }

    private static Totals totals(List<Entry> entries) {
        int passed = 0;
        int failed = 0;
        int deviations = 0;
        for (Entry e : entries) {
            switch (e.status()) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case EXPECTED_DEVIATION -> deviations++;
            }
        }
        return new Totals(entries.size(), passed, failed, deviations);
    }

    /** The readable summary: totals per file, then every failure and deviation with its reason. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        Totals all = totals();
        s.append("Conformance vectors: ").append(all.cases()).append(" cases in ").append(files.size())
                .append(files.size() == 1 ? " file" : " files").append(": ").append(outcomes(all)).append('\n');
        int width = files.stream().mapToInt(String::length).max().orElse(0);
        for (String file : files) {
            s.append("  ").append(file).append(" ".repeat(width - file.length())).append("  ")
                    .append(counts(totals(file))).append('\n');
        }
        for (Entry e : entries) {
            if (e.status() == Status.PASSED) {
                continue;
            }
            VectorCase c = e.vectorCase();
            s.append('\n').append(e.status() == Status.FAILED ? "FAILED " : "EXPECTED DEVIATION ").append(c.id())
                    .append(": ").append(c.comment()).append(c.section().isEmpty() ? "" : " [" + c.section() + "]")
                    .append("\n    expected ").append(c.expected()).append(", actual ").append(e.result().actual())
                    .append("\n    ").append(e.result().reason()).append('\n');
            if (e.expectedReason() != null) {
                s.append("    listed as expected: ").append(e.expectedReason()).append('\n');
            }
        }
        List<String> stale = passedDespiteListed();
        if (!stale.isEmpty()) {
            s.append("\nListed as expected failures but passed (remove them from the list): ")
                    .append(String.join(", ", stale)).append('\n');
        }
        List<String> unknown = unknownListed();
        if (!unknown.isEmpty()) {
            s.append("\nListed as expected failures but not among the cases run: ")
                    .append(String.join(", ", unknown)).append('\n');
        }
        s.append('\n').append(passed() ? "PASS" : "FAIL: " + all.failed() + " case" + (all.failed() == 1 ? "" : "s")
                + " did not give the expected result").append('\n');
        return s.toString();
    }

    private static String counts(Totals t) {
        return t.cases() + " cases, " + outcomes(t);
    }

    private static String outcomes(Totals t) {
        return t.passed() + " passed, " + t.failed() + " failed, " + t.expectedDeviations()
                + " expected deviation" + (t.expectedDeviations() == 1 ? "" : "s");
    }

    /** The report as JSON: totals, per-file totals and every case (tcId, file, comment, section, expected, actual, status). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("passed", passed());
        root.set("totals", totalsJson(totals()));
        ArrayNode fileNodes = root.putArray("files");
        for (String file : files) {
            ObjectNode f = totalsJson(totals(file));
            f.put("file", file);
            fileNodes.add(f);
        }
        ArrayNode cases = root.putArray("cases");
        for (Entry e : entries) {
            VectorCase c = e.vectorCase();
            ObjectNode n = cases.addObject();
            n.put("file", c.file());
            n.put("tcId", c.tcId());
            n.put("comment", c.comment());
            n.put("section", c.section());
            n.put("expected", c.expected());
            n.put("actual", e.result().actual());
            n.put("status", e.status().name());
            if (!e.result().passed()) {
                n.put("reason", e.result().reason());
            }
            if (e.expectedReason() != null) {
                n.put("expectedFailureReason", e.expectedReason());
            }
        }
        root.set("passedDespiteListed", JSON.valueToTree(passedDespiteListed()));
        root.set("unknownListed", JSON.valueToTree(unknownListed()));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report cannot be written as JSON", e);
        }
    }

    private static ObjectNode totalsJson(Totals t) {
        ObjectNode n = JSON.createObjectNode();
        n.put("cases", t.cases());
        n.put("passed", t.passed());
        n.put("failed", t.failed());
        n.put("expectedDeviations", t.expectedDeviations());
        return n;
    }

    @Override
    public String toString() {
        return "VectorReport" + totals();
    }
}
