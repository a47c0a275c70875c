package org.haochaping.scorecard;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Groups of one period ranked by composite score, highest first (Art. 25). Equal composites (as published,
 * two decimals) share a rank and the next rank skips (1, 2, 2, 4); within a tie entries are listed by key.
 * Groups with nothing to score (no adopted evaluation, {@link ScoreSheet#composite()} {@code null}) follow
 * the ranked ones, unranked ({@link Entry#ranked()} false), by key. Immutable.
 */
@JsonPropertyOrder({"groupBy", "unattributedRecords", "entries"})
public final class Ranking {

    private final GroupBy groupBy;
    private final List<Entry> entries;
    private final long unattributedRecords;

    Ranking(GroupBy groupBy, List<Entry> entries, long unattributedRecords) {
        this.groupBy = groupBy;
        this.entries = Collections.unmodifiableList(new ArrayList<>(entries));
        this.unattributedRecords = unattributedRecords;
    }

    @JsonProperty("groupBy")
    public GroupBy groupBy() {
        return groupBy;
    }

    /** Best first; the unranked groups last. */
    @JsonProperty("entries")
    public List<Entry> entries() {
        return entries;
    }

    /** Evaluation and "未评" records left out because they lack the grouping's code (e.g. online ones by hall). */
    @JsonProperty("unattributedRecords")
    public long unattributedRecords() {
        return unattributedRecords;
    }

    /**
     * The ranked entries in the bottom {@code n}: those with fewer than {@code n} ranked entries strictly below them.
     * Ties at the boundary are all included, so the result may hold more than {@code n} entries.
     */
    public List<Entry> bottom(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        List<Entry> result = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.ranked()) {
                continue;
            }
            int strictlyBelow = 0;
            for (Entry other : entries) {
                if (other.ranked() && other.scores.composite().compareTo(e.scores.composite()) < 0) {
                    strictlyBelow++;
                }
            }
            if (strictlyBelow < n) {
                result.add(e);
            }
        }
        return result;
    }

    /**
     * Art. 26 (连续排名靠后): the keys in the bottom {@code bottomN} of each of the last
     * {@code consecutivePeriods} rankings. {@code periods} is in chronological order; a key absent from a
     * period (no records) breaks its run. Fewer periods than {@code consecutivePeriods} give an empty set.
     *
     * @throws IllegalArgumentException when the rankings group differently or a count is below 1
     */
    public static SortedSet<String> consistentlyLow(List<Ranking> periods, int bottomN, int consecutivePeriods) {
        if (bottomN < 1 || consecutivePeriods < 1) {
            throw new IllegalArgumentException("bottomN and consecutivePeriods must be at least 1 (Art. 26)");
        }
        SortedSet<String> low = new TreeSet<>();
        if (periods.size() < consecutivePeriods) {
            return low;
        }
        GroupBy by = periods.get(0).groupBy;
        for (Ranking r : periods) {
            if (r.groupBy != by) {
                throw new IllegalArgumentException("rankings group by " + by + " and " + r.groupBy + "; compare like with like");
            }
        }
        List<Ranking> last = periods.subList(periods.size() - consecutivePeriods, periods.size());
        for (Entry e : last.get(0).bottom(bottomN)) {
            low.add(e.key);
        }
        for (Ranking r : last.subList(1, last.size())) {
            SortedSet<String> here = new TreeSet<>();
            for (Entry e : r.bottom(bottomN)) {
                here.add(e.key);
            }
            low.retainAll(here);
        }
        return low;
    }

    @Override
    public String toString() {
        return "Ranking{" + groupBy + ", " + entries.size() + " entries}";
    }

    /** One ranked group. */
    @JsonPropertyOrder({"rank", "key"})
    public static final class Entry {
        private final int rank;
        private final String key;
        private final ScoreSheet scores;

        Entry(int rank, String key, ScoreSheet scores) {
            this.rank = rank;
            this.key = key;
            this.scores = scores;
        }

        /** 1 for the best; tied entries share a rank; 0 for an unranked group. */
        public int rank() {
            return rank;
        }

        /** {@code false} for a group with nothing to score (no adopted evaluation). */
        public boolean ranked() {
            return rank > 0;
        }

        /** The rank, {@code null} when unranked. */
        @JsonProperty("rank")
        Integer rankOrNull() {
            return rank > 0 ? rank : null;
        }

        /** The department, area, hall code or staff number. */
        @JsonProperty("key")
        public String key() {
            return key;
        }

        @JsonUnwrapped
        public ScoreSheet scores() {
            return scores;
        }

        @Override
        public String toString() {
            return ranked() ? rank + ". " + key + " " + scores.composite() : "- " + key + " unranked";
        }
    }
}
