package org.haochaping.conformance.kit.client;

import java.io.StringWriter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The outcome of a client conformance run: a verdict per scenario and per request-level check, in the same
 * three forms as {@code hcp conformance vectors} (a readable summary, JSON, JUnit XML).
 *
 * @param scenarios the scenarios, in {@link ClientScenario#all()} order
 * @param faults    the faults the kit injected and how the client handled each, in the order of injection
 *                  (empty when the session ran without faults)
 * @param checks    the request-level checks, in {@link RequestCheck} order
 * @param requests  how many requests the platform received
 */
public record ClientConformanceReport(List<ClientResult> scenarios, List<ClientResult> faults, List<ClientResult> checks,
        int requests) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ClientConformanceReport {
        scenarios = List.copyOf(scenarios);
        faults = List.copyOf(faults);
        checks = List.copyOf(checks);
    }

    /** Whether every scenario was performed, every fault handled and no request was refused. */
    public boolean passed() {
        return allPassed(scenarios) && allPassed(faults) && allPassed(checks);
    }

    /**
     * Whether every scenario was performed and every injected fault handled (requests may still have been refused
     * on the way).
     */
    public boolean scenariosPassed() {
        return allPassed(scenarios) && allPassed(faults);
    }

    /** The result with this id (a scenario's or a check's). */
    public ClientResult result(String id) {
        for (ClientResult r : scenarios) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        for (ClientResult r : faults) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        for (ClientResult r : checks) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no scenario or check '" + id + "'");
    }

    private static boolean allPassed(List<ClientResult> results) {
        return results.stream().allMatch(ClientResult::passed);
    }

    private static long failed(List<ClientResult> results) {
        return results.stream().filter(r -> !r.passed()).count();
    }

    /** The readable summary: one line per scenario and check, then every failure with its reason. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append("Client conformance: ").append(requests).append(" requests; scenarios ")
                .append(scenarios.size() - failed(scenarios)).append('/').append(scenarios.size())
                .append(" passed; ").append(faults.isEmpty() ? "no faults injected" : "faults "
                        + (faults.size() - failed(faults)) + "/" + faults.size() + " handled")
                .append("; request checks ").append(checks.size() - failed(checks)).append('/')
                .append(checks.size()).append(" passed\n");
        int width = 0;
        for (ClientResult r : scenarios) {
            width = Math.max(width, r.id().length());
        }
        for (ClientResult r : faults) {
            width = Math.max(width, r.id().length());
        }
        for (ClientResult r : checks) {
            width = Math.max(width, r.id().length());
        }
        lines(s, "Scenarios", scenarios, width);
        if (!faults.isEmpty()) {
            lines(s, "Faults injected (each into the next new write, in this order)", faults, width);
            for (ClientResult r : faults) {
                if (r.passed()) {
                    s.append("\n").append(r.id()).append(": ").append(r.detail());
                }
            }
            s.append('\n');
        }
        lines(s, "Request checks", checks, width);
        for (ClientResult r : scenarios) {
            failure(s, r);
        }
        for (ClientResult r : faults) {
            failure(s, r);
        }
        for (ClientResult r : checks) {
            failure(s, r);
        }
        s.append('\n').append(passed() ? "PASS" : "FAIL: " + failed(scenarios) + " scenario"
                + (failed(scenarios) == 1 ? "" : "s") + " not performed, " + failed(faults) + " fault"
                + (failed(faults) == 1 ? "" : "s") + " not handled, " + failed(checks) + " request check"
                + (failed(checks) == 1 ? "" : "s") + " failed").append('\n');
        return s.toString();
    }

    private static void lines(StringBuilder s, String heading, List<ClientResult> results, int width) {
        s.append('\n').append(heading).append(":\n");
        for (ClientResult r : results) {
            s.append("  ").append(r.passed() ? "PASS " : "FAIL ").append(r.id())
                    .append(" ".repeat(width - r.id().length())).append("  ").append(r.title())
                    .append(" [").append(r.reference()).append("]\n");
        }
    }

    private static void failure(StringBuilder s, ClientResult r) {
        if (!r.passed()) {
            s.append("\nFAILED ").append(r.id()).append(" [").append(r.reference()).append("]\n    ")
                    .append(r.detail().replace("\n", "\n    ")).append('\n');
        }
    }

    /** The report as JSON: passed, requests, and every scenario and check with its verdict and detail. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("passed", passed());
        root.put("requests", requests);
        results(root.putArray("scenarios"), scenarios);
        results(root.putArray("faults"), faults);
        results(root.putArray("requestChecks"), checks);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report cannot be written as JSON", e);
        }
    }

    private static void results(ArrayNode array, List<ClientResult> results) {
        for (ClientResult r : results) {
            ObjectNode n = array.addObject();
            n.put("id", r.id());
            n.put("title", r.title());
            n.put("reference", r.reference());
            n.put("status", r.passed() ? "PASSED" : "FAILED");
            n.put("detail", r.detail());
        }
    }

    /** The report as JUnit XML: a testsuite of scenarios and one of request checks, a failure per failed one. */
    public String toJUnitXml() {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "hcp conformance client");
            counts(xml, scenarios.size() + faults.size() + checks.size(),
                    failed(scenarios) + failed(faults) + failed(checks));
            xml.writeCharacters("\n");
            suite(xml, "scenarios", scenarios);
            if (!faults.isEmpty()) {
                suite(xml, "faults", faults);
            }
            suite(xml, "request-checks", checks);
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("JUnit XML report cannot be written", e);
        }
        return text.toString();
    }

    private static void suite(XMLStreamWriter xml, String name, List<ClientResult> results) throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", name);
        counts(xml, results.size(), failed(results));
        xml.writeCharacters("\n");
        for (ClientResult r : results) {
            xml.writeCharacters("    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", "client." + name);
            xml.writeAttribute("name", clean(r.id() + ": " + r.title()));
            if (!r.passed()) {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", clean(r.reference() + ": " + r.detail().lines().findFirst().orElse("")));
                xml.writeAttribute("type", "ClientNonConformance");
                xml.writeCharacters(clean(r.detail()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        xml.writeCharacters("  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void counts(XMLStreamWriter xml, int tests, long failures) throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(tests));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
    }

    /** Drops the control characters XML 1.0 cannot hold (a refusal message may quote one). */
    private static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(cp -> cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r')
                .filter(cp -> cp != 0xFFFE && cp != 0xFFFF).forEach(out::appendCodePoint);
        return out.toString();
    }
}
