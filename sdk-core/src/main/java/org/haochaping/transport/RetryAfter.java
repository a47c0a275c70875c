package org.haochaping.transport;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/** Parses a {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 sections 10.2.3, 5.6.7). */
final class RetryAfter {

    /** IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    /** Obsolete RFC 850 form, e.g. {@code Sunday, 06-Nov-94 08:49:37 GMT}; two-digit years in 1970-2069. */
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.US);
    /** Obsolete asctime form, e.g. {@code Sun Nov  6 08:49:37 1994}. */
    private static final DateTimeFormatter ASCTIME = new DateTimeFormatterBuilder()
            .appendPattern("EEE MMM")
            .appendLiteral(' ')
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("d HH:mm:ss yyyy")
            .toFormatter(Locale.US);

    private RetryAfter() {
    }

    /**
     * The delay the header asks for, measured from {@code now}; a date in the past means "now" (zero).
     * Empty when the header is malformed, which the transport then ignores.
     */
    static Optional<Duration> parse(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        if (isDigits(trimmed)) {
            // More than 18 digits overflows a long: treat as "very long", which exceeds any cap.
            long seconds = trimmed.length() > 18 ? Long.MAX_VALUE / 1000 : Long.parseLong(trimmed);
            return Optional.of(Duration.ofSeconds(Math.min(seconds, Long.MAX_VALUE / 1000)));
        }
        Instant date = parseDate(trimmed);
        if (date == null) {
            return Optional.empty();
        }
        Duration delay = Duration.between(now, date);
        return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
    }

    private static boolean isDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static Instant parseDate(String value) {
        try {
            return ZonedDateTime.parse(value, IMF_FIXDATE).toInstant();
        } catch (DateTimeParseException notImf) {
            // fall through to the obsolete forms, which recipients must still accept
        }
        try {
            return LocalDateTime.parse(value, RFC_850).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notRfc850) {
            // fall through
        }
        try {
            return LocalDateTime.parse(value, ASCTIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notAsctime) {
            return null;
        }
    }
}
