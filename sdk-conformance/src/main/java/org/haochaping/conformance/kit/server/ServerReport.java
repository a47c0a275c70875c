package org.haochaping.conformance.kit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The outcome of a server conformance run: one result per check, a readable summary and a JSON form. */
public final class ServerReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String target;
    private final String appId;
    private final List<CheckResult> results;

    ServerReport(String target, String appId, List<CheckResult> results) {
        this.target = target;
        this.appId = appId;
        this.results = List.copyOf(results);
    }

    /** The base URL checked. */
    public String target() {
        return target;
    }

    public List<CheckResult> results() {
        return results;
    }

    public boolean passed() {
        return results.stream().allMatch(CheckResult::passed);
    }

    public List<CheckResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** One line per check (PASS/FAIL, name, section, what the platform answered), then the verdict. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        int failed = failures().size();
        s.append("Conformance server: ").append(target).append(" as app ").append(appId).append(": ")
                .append(results.size()).append(" checks, ").append(results.size() - failed).append(" passed, ")
                .append(failed).append(" failed\n");
        int width = results.stream().mapToInt(r -> r.check().id().length()).max().orElse(0);
        for (CheckResult r : results) {
            s.append(r.passed() ? "  PASS " : "  FAIL ").append(r.check().id())
                    .append(" ".repeat(width - r.check().id().length())).append("  [").append(r.check().section())
                    .append("] ").append(r.detail()).append('\n');
        }
        s.append('\n').append(failed == 0 ? "PASS" : "FAIL: " + failed + " check" + (failed == 1 ? "" : "s")
                + " did not get the answer the interface requires").append('\n');
        return s.toString();
    }

    /** The report as JSON: target, totals and every check (name, section, description, status, detail). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("target", target);
        root.put("appId", appId);
        root.put("passed", passed());
        ObjectNode totals = root.putObject("totals");
        totals.put("checks", results.size());
        totals.put("passed", results.size() - failures().size());
        totals.put("failed", failures().size());
        ArrayNode checks = root.putArray("checks");
        for (CheckResult r : results) {
            ObjectNode n = checks.addObject();
            n.put("name", r.check().id());
            n.put("section", r.check().section());
            n.put("description", r.check().description());
            n.put("status", r.passed() ? "PASSED" : "FAILED");
            n.put("detail", r.detail());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report cannot be written as JSON", e);
        }
    }

    @Override
    public String toString() {
        return "ServerReport[" + target + ", " + results.size() + " checks, " + failures().size() + " failed]";
    }
}
