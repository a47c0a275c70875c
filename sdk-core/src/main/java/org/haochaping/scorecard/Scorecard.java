package org.haochaping.scorecard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The comprehensive score of Art. 23 and the published figures of Art. 24, for a whole period or ranked by
 * department, district, hall or staff (Art. 25, 26). See {@link ScoreSheet} for how each figure is counted,
 * rounded and defined on empty denominators, and {@link ActiveRateBasis} for the unit of the active rate.
 *
 * <pre>{@code
 * Scorecard scorecard = new Scorecard(ScoreWeights.DEFAULT);        // active rate: evaluated cases over cases
 * ScoreSheet all = scorecard.score(ScorecardInput.readJsonLines(reader));
 * // Streaming, memory bounded by the groups and the open bad reviews:
 * PartialScorecard day1 = ScorecardInput.tallyJsonLines(file1, GroupBy.STAFF);
 * PartialScorecard day2 = ScorecardInput.tallyJsonLines(file2, GroupBy.STAFF);
 * Ranking staff = scorecard.rank(day1.merge(day2));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Scorecard {

    private final ScoreWeights weights;
    private final ActiveRateBasis basis;

    /** With the default active-rate basis, {@link ActiveRateBasis#CASES}. */
    public Scorecard(ScoreWeights weights) {
        this(weights, ActiveRateBasis.CASES);
    }

    public Scorecard(ScoreWeights weights, ActiveRateBasis basis) {
        if (weights == null) {
            throw new IllegalArgumentException("weights are required (Art. 23)");
        }
        if (basis == null) {
            throw new IllegalArgumentException("the active-rate basis is required (Art. 23)");
        }
        this.weights = weights;
        this.basis = basis;
    }

    public ScoreWeights weights() {
        return weights;
    }

    public ActiveRateBasis activeRateBasis() {
        return basis;
    }

    /** The figures of all records together. */
    public ScoreSheet score(ScorecardInput input) {
        return score(input.tally(null));
    }

    /** The groups' figures, ranked by composite score. */
    public Ranking rank(ScorecardInput input, GroupBy by) {
        if (by == null) {
            throw new IllegalArgumentException("groupBy is required");
        }
        return rank(input.tally(by));
    }

    /**
     * The figures of a tally of the whole period.
     *
     * @throws IllegalArgumentException when the tally is grouped
     */
    public ScoreSheet score(PartialScorecard whole) {
        if (whole.groupBy() != null) {
            throw new IllegalArgumentException("the tally groups by " + whole.groupBy() + "; rank it instead");
        }
        Tally t = whole.tallies().get(CaseOrderedTally.WHOLE);
        return new ScoreSheet(t == null ? new Tally() : t, weights, basis);
    }

    /**
     * The groups of a grouped tally, ranked.
     *
     * @throws IllegalArgumentException when the tally is of the whole period
     */
    public Ranking rank(PartialScorecard grouped) {
        if (grouped.groupBy() == null) {
            throw new IllegalArgumentException("the tally is of the whole period; score it instead");
        }
        List<Ranking.Entry> sorted = new ArrayList<>();
        List<Ranking.Entry> unranked = new ArrayList<>();
        for (Map.Entry<String, Tally> t : grouped.tallies().entrySet()) {
            ScoreSheet sheet = new ScoreSheet(t.getValue(), weights, basis);
            (sheet.composite() == null ? unranked : sorted).add(new Ranking.Entry(0, t.getKey(), sheet));
        }
        // Stable sort: within a tie the key order of the sorted map stays.
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
        ranked.addAll(unranked);
        return new Ranking(grouped.groupBy(), ranked, grouped.unattributedRecords());
    }
}
