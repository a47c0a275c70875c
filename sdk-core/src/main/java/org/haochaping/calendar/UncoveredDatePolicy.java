package org.haochaping.calendar;

/** What the calendar does with a date whose year's official arrangement has not been loaded. */
public enum UncoveredDatePolicy {
    /** Throw {@link DateNotCoveredException} (the default): no silent guess. */
    FAIL,
    /**
     * Treat Monday to Friday as working days and Saturday and Sunday as rest days, ignoring holidays nobody
     * has loaded. Only for callers that accept wrong answers around holidays, and choose so explicitly.
     */
    WEEKENDS_ONLY
}
