package org.haochaping.calendar;

/** What a day is in the working-day calendar, and why. */
public enum DayKind {
    /** An ordinary Monday to Friday. */
    WEEKDAY(true),
    /** A Saturday or Sunday worked instead of a holiday (调休上班), by the State Council's arrangement. */
    MAKE_UP_WORKING_DAY(true),
    /** An ordinary Saturday or Sunday. */
    WEEKEND(false),
    /** A day off of an official holiday block (法定节假日放假), including weekend days inside the block. */
    OFFICIAL_HOLIDAY(false),
    /**
     * A statutory holiday (法定节假日, 《全国年节及纪念日放假办法》) of a year whose official arrangement is not
     * loaded: a day off under {@link UncoveredDatePolicy#PROVISIONAL}, from the bundled statutory table.
     */
    PROVISIONAL_HOLIDAY(false),
    /** A local day off added from a data file (e.g. a hall closed by the district); it overrides the rest. */
    LOCAL_CLOSURE(false);

    private final boolean workingDay;

    DayKind(boolean workingDay) {
        this.workingDay = workingDay;
    }

    /** Whether deadlines count this day. */
    public boolean isWorkingDay() {
        return workingDay;
    }
}
