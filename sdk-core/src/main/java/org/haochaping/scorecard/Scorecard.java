package org.haochaping.scorecard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The comprehensive score of Art. 23 and the published figures of Art. 24, for a whole period or ranked by
 * department, district, hall or staff (Art. 25, 26). See {@link ScoreSheet} for how each figure is counted,
 * rounded and defined on empty denominators.
 *
 * <pre>{@code
 * ScorecardInput input = ScorecardInput.readJsonLines(reader);
 * Scorecard scorecard = new Scorecard(ScoreWeights.DEFAULT);
 * ScoreSheet all = scorecard.score(input);
 * Ranking staff = scorecard.rank(input, GroupBy.STAFF);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Scorecard {

    private final ScoreWeights weights;

    public Scorecard(ScoreWeights weights) {
        if (weights == null) {
            throw new IllegalArgumentException("weights are required (Art. 23)");
        }
        this.weights = weights;
    }

    public ScoreWeights weights() {
        return weights;
    }

    /** The figures of all records together. */
    public ScoreSheet score(ScorecardInput input) {
        Tally tally = new Tally();
        for (EvaluationRecord e : input.evaluations()) {
            tally.add(e, input.workOrderOf(e));
        }
        for (int i = 0; i < input.unevaluated().size(); i++) {
            tally.addOverdueUnevaluated();
        }
        return new ScoreSheet(tally, weights);
    }

    /** The groups' figures, ranked by composite score. */
    public Ranking rank(ScorecardInput input, GroupBy by) {
        if (by == null) {
            throw new IllegalArgumentException("groupBy is required");
        }
        Map<String, Tally> tallies = new TreeMap<>();
        long unattributed = 0;
        for (EvaluationRecord e : input.evaluations()) {
            String key = by.keyOf(e);
            if (key == null) {
                unattributed++;
            } else {
                tallyOf(tallies, key).add(e, input.workOrderOf(e));
            }
        }
        for (UnevaluatedRecord u : input.unevaluated()) {
            String key = by.keyOf(u);
            if (key == null) {
                unattributed++;
            } else {
                tallyOf(tallies, key).addOverdueUnevaluated();
            }
        }
        List<Ranking.Entry> sorted = new ArrayList<>();
        for (Map.Entry<String, Tally> t : tallies.entrySet()) {
            sorted.add(new Ranking.Entry(0, t.getKey(), new ScoreSheet(t.getValue(), weights)));
        }
        // Stable sort: within a tie the key order of the TreeMap stays.
        Collections.sort(sorted, new Comparator<Ranking.Entry>() {
            @Override
            public int compare(Ranking.Entry a, Ranking.Entry b) {
                return b.scores().composite().compareTo(a.scores().composite());
            }
        });
        List<Ranking.Entry> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Ranking.Entry e = sorted.get(i);
            boolean tiedWithPrevious = i > 0
                    && e.scores().composite().compareTo(sorted.get(i - 1).scores().composite()) == 0;
            int rank = tiedWithPrevious ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Ranking.Entry(rank, e.key(), e.scores()));
        }
        return new Ranking(by, ranked, unattributed);
    }

    private static Tally tallyOf(Map<String, Tally> tallies, String key) {
        Tally t = tallies.get(key);
        if (t == null) {
            t = new Tally();
            tallies.put(key, t);
        }
        return t;
    }
}
