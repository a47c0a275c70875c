package org.haochaping.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.haochaping.calendar.UncoveredDatePolicy;
import org.haochaping.calendar.WorkingDayCalendar;
import picocli.CommandLine.Option;

/**
 * Options that extend the bundled working-day calendar: extra data files and the policy for years without an
 * official arrangement (provisional by default, {@code --strict} to refuse, {@code --weekends-only-fallback}).
 */
final class CalendarOptions {

    @Option(names = "--calendar", paramLabel = "FILE",
            description = "Working-day data file to add (a year's arrangement or local closures; format in docs/calendar.md). Repeatable.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--weekends-only-fallback",
            description = "For years without an official arrangement, count Monday-Friday as working days (ignores statutory holidays; flagged provisional).")
    boolean weekendsOnlyFallback;

    @Option(names = "--strict",
            description = "Refuse dates without an official arrangement instead of answering provisionally (statutory holidays and weekends).")
    boolean strict;

    WorkingDayCalendar calendar() throws IOException {
        if (strict && weekendsOnlyFallback) {
            throw new IllegalArgumentException("--strict and --weekends-only-fallback exclude each other");
        }
        if (files.isEmpty() && !weekendsOnlyFallback && !strict) {
            return WorkingDayCalendar.official();
        }
        WorkingDayCalendar.Builder b = WorkingDayCalendar.official().toBuilder();
        for (Path f : files) {
            b.load(f);
        }
        if (weekendsOnlyFallback) {
            b.whenUncovered(UncoveredDatePolicy.WEEKENDS_ONLY);
        }
        if (strict) {
            b.whenUncovered(UncoveredDatePolicy.STRICT);
        }
        return b.build();
    }
}
