package org.haochaping.calendar;

/**
 * What the calendar does with a date whose year's official arrangement (国务院办公厅关于YYYY年部分节假日安排的通知)
 * has not been loaded. Whatever the policy, loaded arrangements and local closures always apply.
 */
public enum UncoveredDatePolicy {
    /**
     * The default: count the statutory holidays that 《全国年节及纪念日放假办法》 fixes (bundled for 2027–2050,
     * {@link DayKind#PROVISIONAL_HOLIDAY}) and weekends, and flag every answer that used such a day as
     * provisional ({@link WorkingDayCalendar#isProvisional(java.time.LocalDate)}, {@code Deadline.isProvisional()}).
     * The official notice adds make-up working days and bridge days, so a provisional deadline may move
     * when it is loaded. Years outside the bundled statutory table still throw {@link DateNotCoveredException}.
     */
    PROVISIONAL,
    /** Throw {@link DateNotCoveredException}: no deadline without the official arrangement. */
    STRICT,
    /**
     * Monday to Friday are working days, Saturday and Sunday are not, ignoring even statutory holidays.
     * Kept for compatibility with earlier releases; answers are flagged provisional like {@link #PROVISIONAL}'s.
     */
    WEEKENDS_ONLY
}
