package org.haochaping.deadline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import org.haochaping.calendar.DateNotCoveredException;
import org.haochaping.calendar.ShanghaiTime;
import org.haochaping.calendar.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the deadlines of Art. 16, 20 and 21 on a working-day calendar.
 *
 * <p>A working-day limit of N days that starts at instant T ends at 23:59:59 (Asia/Shanghai) of the N-th
 * working day after T's Shanghai day; T's own day never counts, whatever the hour. Example: a bad review
 * received on Monday 2024-09-30 at 10:00 may be appealed (Art. 21, 1 working day) until
 * 2024-10-08T23:59:59+08:00, since October 1–7 are the National Day holiday. The Art. 16 reminder ends
 * exactly 24 hours after completion.
 *
 * <p>A deadline that counted a day from provisional data ({@link Deadline#isProvisional()}) is logged once per
 * missing arrangement year at WARN, and from December 1 on a deadline started while next year's arrangement
 * is still missing is too (once per year); the lines name years and dates only, never a case.
 *
 * <p>Immutable (but for which warnings were given) and thread-safe.
 */
public final class DeadlineCalculator {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineCalculator.class);

    private final WorkingDayCalendar calendar;
    private final Set<String> warned = java.util.Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());

    public DeadlineCalculator(WorkingDayCalendar calendar) {
        if (calendar == null) {
            throw new IllegalArgumentException("calendar is required");
        }
        this.calendar = calendar;
    }

    /** A calculator on the bundled official calendar ({@link WorkingDayCalendar#official()}). */
    public static DeadlineCalculator official() {
        return new DeadlineCalculator(WorkingDayCalendar.official());
    }

    /**
     * The deadline of {@code rule} for a period that started at {@code startedAt}.
     *
     * @throws DateNotCoveredException when the count reaches a day the calendar has no data for
     */
    public Deadline calculate(DeadlineRule rule, OffsetDateTime startedAt) {
        if (rule == null || startedAt == null) {
            throw new IllegalArgumentException("rule and startedAt are required");
        }
        OffsetDateTime start = ShanghaiTime.normalize(startedAt);
        if (!rule.countsWorkingDays()) {
            return new Deadline(rule, start, start.plusHours(rule.hours()));
        }
        LocalDate startDay = ShanghaiTime.dateOf(start);
        if (calendar.coverage().nextYearMissingOn(startDay) && warned.add("december-" + startDay.getYear())) {
            LOG.warn("The official holiday arrangement for {} is not loaded; deadlines from {}-12-25 on reach into {} "
                    + "and are provisional until it is (see docs/calendar.md)", startDay.getYear() + 1,
                    startDay.getYear(), startDay.getYear() + 1);
        }
        LocalDate lastDay = calendar.plusWorkingDays(startDay, rule.workingDays());
        SortedSet<Integer> provisional = calendar.provisionalYears(startDay, lastDay);
        for (Integer year : provisional) {
            if (warned.add("provisional-" + year)) {
                LOG.warn("A deadline counted days of {} from provisional data (statutory holidays and weekends): no {} "
                        + "arrangement loaded; load it to make deadlines final (see docs/calendar.md)", year, year);
            }
        }
        return new Deadline(rule, start, ShanghaiTime.endOfDay(lastDay), provisional);
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }
}
