package org.haochaping.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which years a {@link WorkingDayCalendar} answers from an official arrangement and which from provisional
 * data ({@link WorkingDayCalendar#coverage()}). Immutable.
 */
public final class CalendarCoverage {

    private final SortedSet<Integer> officialYears;
    private final SortedSet<Integer> provisionalYears;
    private final UncoveredDatePolicy policy;

    CalendarCoverage(SortedSet<Integer> officialYears, SortedSet<Integer> provisionalYears, UncoveredDatePolicy policy) {
        this.officialYears = Collections.unmodifiableSortedSet(new TreeSet<>(officialYears));
        this.provisionalYears = Collections.unmodifiableSortedSet(new TreeSet<>(provisionalYears));
        this.policy = policy;
    }

    /** Years whose official arrangement is loaded (bundled, from a file or from the platform). */
    public SortedSet<Integer> officialYears() {
        return officialYears;
    }

    /**
     * Years without an official arrangement that the calendar answers from the bundled statutory holidays
     * and weekends (policy {@link UncoveredDatePolicy#PROVISIONAL}); empty under the other policies.
     */
    public SortedSet<Integer> provisionalYears() {
        return provisionalYears;
    }

    public UncoveredDatePolicy policy() {
        return policy;
    }

    /** Whether deadlines reaching into {@code year} would be provisional (or, under STRICT, refused). */
    public boolean isOfficial(int year) {
        return officialYears.contains(year);
    }

    /**
     * Whether to warn on {@code today}: from December 1 on, next year's arrangement is still not loaded (the
     * notice usually appears in November; deadlines started from December 25 reach into next year).
     */
    public boolean nextYearMissingOn(LocalDate today) {
        return today.getMonthValue() == 12 && !isOfficial(today.getYear() + 1);
    }

    @Override
    public String toString() {
        return "official " + describe(officialYears) + ", provisional " + describe(provisionalYears) + " (policy " + policy + ")";
    }

    private static String describe(SortedSet<Integer> years) {
        if (years.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        Integer start = null;
        Integer prev = null;
        for (Integer y : years) {
            if (start == null) {
                start = y;
            } else if (y != prev + 1) {
                append(sb, start, prev);
                start = y;
            }
            prev = y;
        }
        append(sb, start, prev);
        return sb.toString();
    }

    private static void append(StringBuilder sb, int from, int to) {
        if (sb.length() > 0) {
            sb.append(", ");
        }
        sb.append(from == to ? String.valueOf(from) : from + "–" + to);
    }
}
