package org.haochaping.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The time zone the rules are counted in, and the one text form of instants on the wire.
 *
 * <p>Working days, "the day of completion" (Art. 16) and "the day the bad review was received" (Art. 20,
 * 21) are all days in {@code Asia/Shanghai}, whatever offset an instant arrives with. On the wire an
 * instant is an ISO-8601 string with the {@code +08:00} offset at millisecond precision: seconds always written,
 * and a fraction of exactly three digits only when there are milliseconds ({@code 2024-10-08T10:15:00+08:00},
 * {@code 2024-10-08T10:15:00.250+08:00}); finer digits read from the wire are dropped (docs/interface-spec.md 1.1).
 */
public final class ShanghaiTime {

    /** {@code Asia/Shanghai}: the zone of every day and deadline in this SDK. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ShanghaiTime() {
    }

    /** The same instant, expressed with the Shanghai offset ({@code +08:00}). */
    public static OffsetDateTime normalize(OffsetDateTime instant) {
        return instant.atZoneSameInstant(ZONE).toOffsetDateTime();
    }

    /** The Shanghai calendar day an instant falls on. */
    public static LocalDate dateOf(OffsetDateTime instant) {
        return instant.atZoneSameInstant(ZONE).toLocalDate();
    }

    /** The last second of a Shanghai day: {@code 23:59:59+08:00}. */
    public static OffsetDateTime endOfDay(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(ZONE).toOffsetDateTime();
    }

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");

    /**
     * The wire form: ISO-8601 with the {@code +08:00} offset at millisecond precision, e.g.
     * {@code 2024-10-08T10:15:00+08:00} or {@code 2024-10-08T10:15:00.250+08:00} (always three fraction digits).
     */
    public static String format(OffsetDateTime instant) {
        OffsetDateTime t = normalize(instant).truncatedTo(ChronoUnit.MILLIS);
        return (t.getNano() == 0 ? SECONDS : MILLIS).format(t);
    }

    /**
     * Parses the wire form. The offset is required (any offset is accepted and normalised to {@code +08:00});
     * a local date-time without one is rejected, since it would silently depend on the reader's zone.
     *
     * @param field the field's name, for the error message
     * @throws IllegalArgumentException naming the field when the text is missing or not an ISO offset date-time
     */
    public static OffsetDateTime parse(String text, String field) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException(field + " is required (an ISO-8601 date-time with offset, e.g. "
                    + "2024-10-08T10:15:00+08:00)");
        }
        try {
            return normalize(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                    .truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO-8601 date-time with offset (e.g. "
                    + "2024-10-08T10:15:00+08:00): \"" + text + "\"", e);
        }
    }
}
