package org.haochaping.deadline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import org.haochaping.calendar.ShanghaiTime;

/**
 * A time limit that started at an instant and runs until {@link #dueAt()}, inclusive, to the second.
 *
 * <p>An act at any moment within the second {@code dueAt} is on time ({@code 23:59:59.900} meets a deadline
 * due at {@code 23:59:59}); from the next second on the limit is overdue. Instants are held with the
 * {@code +08:00} offset. On the wire: {@code {"rule":"APPEAL","startedAt":"2024-09-30T10:00:00+08:00",
 * "dueAt":"2024-10-08T23:59:59+08:00"}}.
 *
 * <p>A deadline whose count reached a day answered from provisional data (no official arrangement loaded for
 * that year; see {@code docs/calendar.md}) says so: {@link #isProvisional()} and {@link #provisionalYears()},
 * on the wire {@code "provisional":true,"provisionalYears":[2027]} (both absent when the deadline is certain).
 * It may move when the arrangement is loaded: recompute it from {@link #startedAt()}.
 */
@JsonIgnoreProperties(value = "provisional", allowGetters = true)
@JsonPropertyOrder({"rule", "startedAt", "dueAt", "provisional", "provisionalYears"})
public final class Deadline {

    private final DeadlineRule rule;
    private final OffsetDateTime startedAt;
    private final OffsetDateTime dueAt;
    private final SortedSet<Integer> provisionalYears;

    /** A deadline computed from official data only. */
    public Deadline(DeadlineRule rule, OffsetDateTime startedAt, OffsetDateTime dueAt) {
        this(rule, startedAt, dueAt, Collections.<Integer>emptySet());
    }

    /**
     * @param dueAt truncated to the second
     * @param provisionalYears the arrangement years that were missing for days the count used (empty: certain)
     * @throws IllegalArgumentException when a value is missing or {@code dueAt} is before {@code startedAt}
     */
    public Deadline(DeadlineRule rule, OffsetDateTime startedAt, OffsetDateTime dueAt, Collection<Integer> provisionalYears) {
        if (rule == null || startedAt == null || dueAt == null || provisionalYears == null) {
            throw new IllegalArgumentException("rule, startedAt, dueAt and provisionalYears are required");
        }
        this.provisionalYears = Collections.unmodifiableSortedSet(new TreeSet<>(provisionalYears));
        this.rule = rule;
        this.startedAt = ShanghaiTime.normalize(startedAt);
        this.dueAt = ShanghaiTime.normalize(dueAt).truncatedTo(ChronoUnit.SECONDS);
        if (this.dueAt.isBefore(this.startedAt.truncatedTo(ChronoUnit.SECONDS))) {
            throw new IllegalArgumentException(rule + " (" + rule.article() + "): dueAt " + this.dueAt
                    + " is before startedAt " + this.startedAt);
        }
    }

    @JsonCreator
    static Deadline fromJson(@JsonProperty("rule") DeadlineRule rule,
                             @JsonProperty("startedAt") String startedAt,
                             @JsonProperty("dueAt") String dueAt,
                             @JsonProperty("provisionalYears") java.util.List<Integer> provisionalYears) {
        if (rule == null) {
            throw new IllegalArgumentException("deadline rule is required");
        }
        return new Deadline(rule, ShanghaiTime.parse(startedAt, "startedAt"), ShanghaiTime.parse(dueAt, "dueAt"),
                provisionalYears == null ? Collections.<Integer>emptyList() : provisionalYears);
    }

    /** Whether some day the count used came from provisional data (no official arrangement for its year). */
    @JsonProperty("provisional")
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public boolean isProvisional() {
        return !provisionalYears.isEmpty();
    }

    /** The arrangement years that were missing, ascending; empty for a certain deadline. */
    @JsonProperty("provisionalYears")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public SortedSet<Integer> provisionalYears() {
        return provisionalYears;
    }

    @JsonProperty("rule")
    public DeadlineRule rule() {
        return rule;
    }

    /** The instant the period started (completion for Art. 16, receipt of the work order for Art. 20–21). */
    public OffsetDateTime startedAt() {
        return startedAt;
    }

    /** The last second on time, {@code +08:00}. */
    public OffsetDateTime dueAt() {
        return dueAt;
    }

    /** The Shanghai day {@link #dueAt()} falls on: for a working-day limit, the N-th working day. */
    public LocalDate lastDay() {
        return dueAt.toLocalDate();
    }

    /** Whether the limit has passed at {@code now}: its second is after {@link #dueAt()}. */
    public boolean isOverdueAt(OffsetDateTime now) {
        return now.truncatedTo(ChronoUnit.SECONDS).isAfter(dueAt);
    }

    /** Whether an act at {@code at} meets the limit. */
    public boolean isMetBy(OffsetDateTime at) {
        return !isOverdueAt(at);
    }

    @JsonProperty("startedAt")
    private String startedAtText() {
        return ShanghaiTime.format(startedAt);
    }

    @JsonProperty("dueAt")
    private String dueAtText() {
        return ShanghaiTime.format(dueAt);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Deadline)) {
            return false;
        }
        Deadline d = (Deadline) o;
        return rule == d.rule && startedAt.isEqual(d.startedAt) && dueAt.isEqual(d.dueAt)
                && provisionalYears.equals(d.provisionalYears);
    }

    @Override
    public int hashCode() {
        return (rule.hashCode() * 31 + startedAt.toInstant().hashCode()) * 31 + dueAt.toInstant().hashCode();
    }

    @Override
    public String toString() {
        return rule + " (" + rule.article() + ") due " + ShanghaiTime.format(dueAt)
                + (isProvisional() ? " (provisional: no " + years() + " arrangement loaded)" : "");
    }

    private String years() {
        StringBuilder sb = new StringBuilder();
        for (Integer y : provisionalYears) {
            sb.append(sb.length() == 0 ? "" : ", ").append(y);
        }
        return sb.toString();
    }
}
