package org.haochaping.conformance.kit;

import com.fasterxml.jackson.databind.JsonNode;
import org.haochaping.scorecard.ActiveRateBasis;
import org.haochaping.scorecard.InvalidWeightsException;
import org.haochaping.scorecard.ScoreSheet;
import org.haochaping.scorecard.ScoreWeights;
import org.haochaping.scorecard.Scorecard;
import org.haochaping.scorecard.ScorecardInput;
import org.haochaping.scorecard.StatisticsRecordException;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks one scorecard case (Art. 23-24, docs/interface-spec.md section 2) against the SDK: the records, one JSON
 * line each, go through {@link ScorecardInput#readJsonLines} and {@link Scorecard} with the case's weights. A
 * {@code valid} case must give every expected count and figure (figures equal to two decimals; a {@code null}
 * composite: nothing to score), with the case's active-rate basis ({@code cases} when absent); an {@code invalid}
 * one must be refused with a {@link StatisticsRecordException}.
 */
public final class ScorecardVectorCheck {

    private ScorecardVectorCheck() {
    }

    public static CaseResult check(VectorCase c) {
        StringBuilder lines = new StringBuilder();
        for (JsonNode record : c.test().path("records")) {
            lines.append(record.toString()).append('\n');
        }
        ScoreSheet sheet;
        try {
            ScoreWeights weights = ScoreWeights.parse(c.test().path("weights").asText());
            String basisName = c.test().path("activeRateBasis").asText("cases");
            ActiveRateBasis basis = ActiveRateBasis.fromCliName(basisName);
            if (basis == null) {
                throw new VectorFileException(c.id() + ": activeRateBasis '" + basisName + "' is not cases, literal or evaluations", null);
            }
            sheet = new Scorecard(weights, basis).score(ScorecardInput.readJsonLines(new StringReader(lines.toString())));
        } catch (InvalidWeightsException e) {
            throw new VectorFileException(c.id() + ": weights '" + c.test().path("weights").asText()
                    + "' are not four non-negative numbers summing to 100", e);
        } catch (StatisticsRecordException e) {
            return c.expectsValid()
                    ? CaseResult.fail(c, "invalid (records refused)", "expected valid, but the records were refused: "
                            + e.getMessage())
                    : CaseResult.pass(c, "invalid (records refused)");
        } catch (IOException | RuntimeException e) {
            return CaseResult.threw(c, e instanceof RuntimeException r ? r : new IllegalStateException(e));
        }
        Map<String, Object> actual = figures(sheet);
        if (!c.expectsValid()) {
            return CaseResult.fail(c, "valid, " + actual, "expected the records to be refused, but they were scored");
        }
        List<String> differences = new ArrayList<>();
        JsonNode expected = c.test().path("expected");
        for (Map.Entry<String, Object> figure : actual.entrySet()) {
            JsonNode want = expected.get(figure.getKey());
            if (want == null) {
                continue;
            }
            boolean same = figure.getValue() == null || want.isNull()
                    ? figure.getValue() == null && want.isNull()
                    : figure.getValue() instanceof BigDecimal d
                    ? d.compareTo(new BigDecimal(want.asText())) == 0
                    : want.asLong() == (Long) figure.getValue();
            if (!same) {
                differences.add(figure.getKey() + " " + figure.getValue() + " instead of " + want.asText());
            }
        }
        return differences.isEmpty() ? CaseResult.pass(c, "valid")
                : CaseResult.fail(c, "valid, " + actual, "scored differently: " + String.join("; ", differences));
    }

    private static Map<String, Object> figures(ScoreSheet s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("totalEvaluations", s.totalEvaluations());
        out.put("evaluations", s.evaluations());
        out.put("evaluatedCases", s.evaluatedCases());
        out.put("unevaluated", s.unevaluated());
        out.put("notAdopted", s.notAdopted());
        out.put("goodReviews", s.goodReviews());
        out.put("badReviews", s.badReviews());
        out.put("rectified", s.rectified());
        out.put("satisfiedFollowUps", s.satisfiedFollowUps());
        out.put("averageScore", s.averageScore());
        out.put("serviceQuality", s.serviceQuality());
        out.put("activeEvaluationRate", s.activeEvaluationRate());
        out.put("rectificationRate", s.rectificationRate());
        out.put("followUpSatisfactionRate", s.followUpSatisfactionRate());
        out.put("goodRate", s.goodRate());
        out.put("unevaluatedRate", s.unevaluatedRate());
        out.put("badRate", s.badRate());
        out.put("composite", s.composite());
        return out;
    }
}
