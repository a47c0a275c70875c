package org.haochaping.calendar;

import org.haochaping.HcpException;

import java.time.LocalDate;

/**
 * A working-day question about a date whose official arrangement is not loaded, under
 * {@link UncoveredDatePolicy#STRICT} (or, under {@link UncoveredDatePolicy#PROVISIONAL}, outside the bundled
 * statutory table). Deadlines of Art. 16, 20 and 21 count working days, so a guess here
 * would be a wrong deadline.
 */
public final class DateNotCoveredException extends HcpException {

    private final LocalDate date;
    private final int missingArrangementYear;

    DateNotCoveredException(LocalDate date, int missingArrangementYear, String loadedYears) {
        super(message(date, missingArrangementYear, loadedYears));
        this.date = date;
        this.missingArrangementYear = missingArrangementYear;
    }

    private static String message(LocalDate date, int year, String loadedYears) {
        String why = year == date.getYear()
                ? "the official holiday arrangement for " + year + " is not loaded"
                : date + " lies in the last week of " + date.getYear() + ", which the " + year
                        + " arrangement (its New Year holiday and make-up days) may claim, and the " + year
                        + " arrangement is not loaded";
        return "No working-day data for " + date + ": " + why + " (loaded: " + loadedYears + "). Add the "
                + "arrangement (国务院办公厅关于" + year + "年部分节假日安排的通知) from a data file with "
                + "WorkingDayCalendar.Builder.load(...), or accept provisional answers with "
                + "UncoveredDatePolicy.PROVISIONAL (statutory holidays 2027-2050 and weekends); see docs/calendar.md";
    }

    /** The date that was asked about. */
    public LocalDate date() {
        return date;
    }

    /** The arrangement year that would answer it. */
    public int missingArrangementYear() {
        return missingArrangementYear;
    }
}
