package org.haochaping.conformance.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks one payload-validity case: a {@code valid} payload must be accepted; an {@code invalid} one refused with
 * at least the listed violations (same {@code path} and {@code rule}); more violations are allowed.
 */
public final class PayloadVectorCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PayloadVectorCheck() {
    }

    public static CaseResult check(VectorCase c, PayloadJudge judge) {
        PayloadVerdict verdict;
        try {
            verdict = judge.judge(payloadText(c));
        } catch (Exception e) {
            return CaseResult.threw(c, e);
        }
        String actual = verdict.isAccepted() ? "valid" : "invalid: " + verdict.violations();
        if (c.expectsValid()) {
            return verdict.isAccepted() ? CaseResult.pass(c, actual)
                    : CaseResult.fail(c, actual, "a valid payload was refused: " + verdict.violations());
        }
        if (verdict.isAccepted()) {
            return CaseResult.fail(c, actual, "an invalid payload was accepted; expected " + expectedViolations(c));
        }
        List<PayloadVerdict.Finding> missing = new ArrayList<>();
        for (PayloadVerdict.Finding expected : expectedViolations(c)) {
            if (!verdict.violations().contains(expected)) {
                missing.add(expected);
            }
        }
        return missing.isEmpty() ? CaseResult.pass(c, actual)
                : CaseResult.fail(c, actual, "refused, but without the expected violation(s) " + missing);
    }

    /** The violations an invalid case must report (at least these). */
    public static List<PayloadVerdict.Finding> expectedViolations(VectorCase c) {
        List<PayloadVerdict.Finding> out = new ArrayList<>();
        for (JsonNode v : c.test().path("violations")) {
            out.add(new PayloadVerdict.Finding(v.path("path").asText(), v.path("rule").asText()));
        }
        return out;
    }

    private static String payloadText(VectorCase c) {
        try {
            return JSON.writeValueAsString(c.test().get("payload"));
        } catch (JsonProcessingException e) {
            throw new VectorFileException(c.id() + ": payload cannot be written as JSON", e);
        }
    }
}
