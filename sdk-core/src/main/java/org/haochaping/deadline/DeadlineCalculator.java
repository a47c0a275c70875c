package org.haochaping.deadline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.haochaping.calendar.DateNotCoveredException;
import org.haochaping.calendar.ShanghaiTime;
import org.haochaping.calendar.WorkingDayCalendar;

/**
 * Computes the deadlines of Art. 16, 20 and 21 on a working-day calendar.
 *
 * <p>A working-day limit of N days that starts at instant T ends at 23:59:59 (Asia/Shanghai) of the N-th
 * working day after T's Shanghai day; T's own day never counts, whatever the hour. Example: a bad review
 * received on Monday 2024-09-30 at 10:00 may be appealed (Art. 21, 1 working day) until
 * 2024-10-08T23:59:59+08:00, since October 1–7 are the National Day holiday. The Art. 16 reminder ends
 * exactly 24 hours after completion.
 *
 * <p>Immutable and thread-safe.
 */
public final class DeadlineCalculator {

    private final WorkingDayCalendar calendar;

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
        LocalDate lastDay = calendar.plusWorkingDays(ShanghaiTime.dateOf(start), rule.workingDays());
        return new Deadline(rule, start, ShanghaiTime.endOfDay(lastDay));
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }
}
