package org.haochaping.scorecard;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The counts of a shard of statistics records (a day, a district, a file), per group: sums only, so that
 * partial scorecards {@link #merge merge} exactly (associative and commutative) and the figures are computed
 * and rounded once, at the end, by {@link Scorecard#score(PartialScorecard)} or
 * {@link Scorecard#rank(PartialScorecard)}. Shards must hold whole cases: every record of a case, and the
 * work order of each bad evaluation, in the same shard (a case split over two shards could be counted as
 * evaluated twice, and a contradiction between the two halves would go unseen). Immutable.
 *
 * <p>The partial form ({@link #toJson()}, {@link #readJson(Reader)}) is one JSON object:
 * <pre>{"format":"hcp-scorecard-partial/1","groupBy":"DEPARTMENT","records":12,"unattributedRecords":0,
 *  "tallies":{"D1":{"evaluations":6,"evaluatedCases":6,...},...}}</pre>
 * ({@code groupBy} is {@code null} for the whole period, whose one tally has the key {@code ""}).
 */
public final class PartialScorecard {

    /** The value of the {@code format} field of the partial form. */
    public static final String FORMAT = "hcp-scorecard-partial/1";

    private static final JsonFactory JSON = new JsonFactory();

    private final GroupBy groupBy;
    private final SortedMap<String, Tally> tallies;
    private final long unattributedRecords;
    private final long records;

    PartialScorecard(GroupBy groupBy, SortedMap<String, Tally> tallies, long unattributedRecords, long records) {
        this.groupBy = groupBy;
        this.tallies = tallies;
        this.unattributedRecords = unattributedRecords;
        this.records = records;
    }

    /** The tally of no records. */
    public static PartialScorecard empty(GroupBy groupBy) {
        return new PartialScorecard(groupBy, new TreeMap<String, Tally>(), 0, 0);
    }

    /** The grouping; {@code null} for the whole period. */
    public GroupBy groupBy() {
        return groupBy;
    }

    /** Records counted (evaluations, "未评" cases and work orders). */
    public long records() {
        return records;
    }

    /** Evaluation and "未评" records without the grouping's code. */
    public long unattributedRecords() {
        return unattributedRecords;
    }

    SortedMap<String, Tally> tallies() {
        return Collections.unmodifiableSortedMap(tallies);
    }

    /**
     * The tally of both shards' records together.
     *
     * @throws IllegalArgumentException when the two group differently
     */
    public PartialScorecard merge(PartialScorecard other) {
        if (other.groupBy != groupBy) {
            throw new IllegalArgumentException("partial scorecards group by " + name(groupBy) + " and "
                    + name(other.groupBy) + "; merge like with like");
        }
        SortedMap<String, Tally> sum = new TreeMap<>();
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            sum.put(e.getKey(), e.getValue().copy());
        }
        for (Map.Entry<String, Tally> e : other.tallies.entrySet()) {
            Tally t = sum.get(e.getKey());
            if (t == null) {
                sum.put(e.getKey(), e.getValue().copy());
            } else {
                t.add(e.getValue());
            }
        }
        return new PartialScorecard(groupBy, sum, Math.addExact(unattributedRecords, other.unattributedRecords),
                Math.addExact(records, other.records));
    }

    private static String name(GroupBy by) {
        return by == null ? "the whole period" : by.name();
    }

    /** The partial form, one line of JSON. */
    public String toJson() {
        StringWriter out = new StringWriter();
        try {
            writeJson(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    public void writeJson(Writer out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            if (groupBy == null) {
                g.writeNullField("groupBy");
            } else {
                g.writeStringField("groupBy", groupBy.name());
            }
            g.writeNumberField("records", records);
            g.writeNumberField("unattributedRecords", unattributedRecords);
            g.writeObjectFieldStart("tallies");
            for (Map.Entry<String, Tally> e : tallies.entrySet()) {
                g.writeObjectFieldStart(e.getKey());
                long[] v = e.getValue().toArray();
                for (int i = 0; i < v.length; i++) {
                    g.writeNumberField(Tally.FIELDS[i], v[i]);
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    /**
     * Reads the partial form.
     *
     * @throws StatisticsRecordException naming what is wrong
     */
    public static PartialScorecard readJson(Reader in) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, "a partial scorecard is a JSON object");
            String format = null;
            GroupBy by = null;
            long records = -1;
            long unattributed = -1;
            SortedMap<String, Tally> tallies = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "format":
                        format = p.getValueAsString();
                        break;
                    case "groupBy":
                        if (v != JsonToken.VALUE_NULL) {
                            try {
                                by = GroupBy.valueOf(p.getValueAsString());
                            } catch (IllegalArgumentException | NullPointerException e) {
                                throw new StatisticsRecordException("groupBy \"" + p.getText() + "\" is not a grouping");
                            }
                        }
                        break;
                    case "records":
                        records = count(p, v, field);
                        break;
                    case "unattributedRecords":
                        unattributed = count(p, v, field);
                        break;
                    case "tallies":
                        tallies = readTallies(p, v);
                        break;
                    default:
                        throw new StatisticsRecordException("unknown field \"" + field + "\" in a partial scorecard");
                }
            }
            if (!FORMAT.equals(format)) {
                throw new StatisticsRecordException("format must be \"" + FORMAT + "\", was " + format);
            }
            if (records < 0 || unattributed < 0 || tallies == null) {
                throw new StatisticsRecordException("a partial scorecard needs records, unattributedRecords and tallies");
            }
            if (by == null && !(tallies.isEmpty() || tallies.keySet().equals(Collections.singleton(CaseOrderedTally.WHOLE)))) {
                throw new StatisticsRecordException("a partial scorecard of the whole period has one tally, keyed \"\"");
            }
            return new PartialScorecard(by, tallies, unattributed, records);
        } catch (JsonProcessingException e) {
            throw new StatisticsRecordException("not a partial scorecard: " + e.getOriginalMessage());
        }
    }

    private static SortedMap<String, Tally> readTallies(JsonParser p, JsonToken v) throws IOException {
        expect(v, JsonToken.START_OBJECT, "tallies is an object of groups");
        SortedMap<String, Tally> tallies = new TreeMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.getCurrentName();
            expect(p.nextToken(), JsonToken.START_OBJECT, "the tally of " + key + " is an object");
            long[] counts = new long[Tally.FIELDS.length];
            boolean[] seen = new boolean[counts.length];
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.getCurrentName();
                int i = java.util.Arrays.asList(Tally.FIELDS).indexOf(name);
                if (i < 0) {
                    throw new StatisticsRecordException("unknown count \"" + name + "\" in the tally of " + key);
                }
                counts[i] = count(p, p.nextToken(), name);
                seen[i] = true;
            }
            for (int i = 0; i < seen.length; i++) {
                if (!seen[i]) {
                    throw new StatisticsRecordException("the tally of " + key + " lacks " + Tally.FIELDS[i]);
                }
            }
            Tally t = new Tally();
            t.set(counts);
            check(t, key);
            tallies.put(key, t);
        }
        return tallies;
    }

    /** Counts that no record stream could give are refused. */
    private static void check(Tally t, String key) {
        boolean ok = t.goodReviews + t.badReviews == t.evaluations && t.evaluatedCases <= t.evaluations
                && t.rectified <= t.badReviews && t.followedUp <= t.rectified && t.satisfiedFollowUps <= t.followedUp
                && t.scoreSum >= 8 * t.goodReviews && t.scoreSum <= 10 * t.goodReviews + 5 * t.badReviews;
        if (!ok) {
            throw new StatisticsRecordException("the tally of " + key + " is inconsistent (e.g. good + bad reviews "
                    + "must equal evaluations, rectified at most the bad reviews)");
        }
    }

    private static long count(JsonParser p, JsonToken v, String field) throws IOException {
        if (v != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 0) {
            throw new StatisticsRecordException(field + " must be a non-negative integer");
        }
        return p.getLongValue();
    }

    private static void expect(JsonToken actual, JsonToken wanted, String message) {
        if (actual != wanted) {
            throw new StatisticsRecordException(message);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PartialScorecard)) {
            return false;
        }
        PartialScorecard p = (PartialScorecard) o;
        if (p.groupBy != groupBy || p.records != records || p.unattributedRecords != unattributedRecords
                || !p.tallies.keySet().equals(tallies.keySet())) {
            return false;
        }
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue().toArray(), p.tallies.get(e.getKey()).toArray())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return tallies.keySet().hashCode() * 31 + (int) records;
    }

    @Override
    public String toString() {
        return "PartialScorecard{" + name(groupBy) + ", " + tallies.size() + " groups, " + records + " records}";
    }
}
