package org.haochaping.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class WorkingDayProperties {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.official();
    private static final LocalDate FIRST = LocalDate.of(2021, 1, 1);

    /** Dates from 2021-01-01 up to 2026-11-30, leaving room to count 15 working days within the data. */
    private static LocalDate day(int offset) {
        return FIRST.plusDays(offset);
    }

    @Property
    void oneMoreWorkingDayIsLater(@ForAll @IntRange(min = 0, max = 2159) int offset, @ForAll @IntRange(min = 0, max = 15) int n) {
        LocalDate d = day(offset);
        assertThat(CALENDAR.plusWorkingDays(d, n + 1)).isAfter(CALENDAR.plusWorkingDays(d, n));
    }

    @Property
    void aWorkingDayPlusZeroIsItself(@ForAll @IntRange(min = 0, max = 2159) int offset) {
        LocalDate d = day(offset);
        Assume.that(CALENDAR.isWorkingDay(d));
        assertThat(CALENDAR.plusWorkingDays(d, 0)).isEqualTo(d);
    }

    @Property
    void theResultIsAWorkingDayAndCountsBack(@ForAll @IntRange(min = 0, max = 2159) int offset,
                                             @ForAll @IntRange(min = 1, max = 15) int n) {
        LocalDate d = day(offset);
        LocalDate end = CALENDAR.plusWorkingDays(d, n);
        assertThat(CALENDAR.isWorkingDay(end)).isTrue();
        assertThat(CALENDAR.workingDaysBetween(d, end)).isEqualTo(n);
        // No working day is skipped: the day before the result still lacks one.
        assertThat(CALENDAR.workingDaysBetween(d, end.minusDays(1))).isEqualTo(n - 1);
    }

    @Property
    void countsAdd(@ForAll @IntRange(min = 0, max = 2159) int offset,
                   @ForAll @IntRange(min = 0, max = 8) int a, @ForAll @IntRange(min = 0, max = 7) int b) {
        LocalDate d = day(offset);
        assertThat(CALENDAR.plusWorkingDays(CALENDAR.plusWorkingDays(d, a), b)).isEqualTo(CALENDAR.plusWorkingDays(d, a + b));
    }

    @Property
    void neverFasterThanCalendarDays(@ForAll @IntRange(min = 0, max = 2159) int offset, @ForAll @IntRange(min = 0, max = 15) int n) {
        LocalDate d = day(offset);
        assertThat(CALENDAR.plusWorkingDays(d, n)).isAfterOrEqualTo(d.plusDays(n));
    }

    @Property
    void weekendsOnlyMatchesTheWeekdayRule(@ForAll @IntRange(min = 0, max = 3650) int offset) {
        WorkingDayCalendar weekendsOnly = WorkingDayCalendar.builder().whenUncovered(UncoveredDatePolicy.WEEKENDS_ONLY).build();
        LocalDate d = LocalDate.of(2030, 1, 1).plusDays(offset);
        int dow = d.getDayOfWeek().getValue();
        assertThat(weekendsOnly.isWorkingDay(d)).isEqualTo(dow <= 5);
        // Five working days after any day of a weekends-only calendar is a week on, or the Friday after a weekend day.
        LocalDate five = weekendsOnly.plusWorkingDays(d, 5);
        assertThat(five).isEqualTo(dow <= 5 ? d.plusDays(7) : d.plusDays(12 - dow));
    }
}
