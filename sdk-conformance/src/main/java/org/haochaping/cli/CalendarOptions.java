package org.haochaping.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.haochaping.calendar.UncoveredDatePolicy;
import org.haochaping.calendar.WorkingDayCalendar;
import picocli.CommandLine.Option;

/** Options that extend the bundled working-day calendar: extra data files and the explicit fallback. */
final class CalendarOptions {

    @Option(names = "--calendar", paramLabel = "FILE",
            description = "Working-day data file to add (a year's arrangement or local closures; format in docs/calendar.md). Repeatable.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--weekends-only-fallback",
            description = "For years without data, count Monday-Friday as working days instead of failing.")
    boolean weekendsOnlyFallback;

    WorkingDayCalendar calendar() throws IOException {
        if (files.isEmpty() && !weekendsOnlyFallback) {
            return WorkingDayCalendar.official();
        }
        WorkingDayCalendar.Builder b = WorkingDayCalendar.official().toBuilder();
        for (Path f : files) {
            b.load(f);
        }
        if (weekendsOnlyFallback) {
            b.whenUncovered(UncoveredDatePolicy.WEEKENDS_ONLY);
        }
        return b.build();
    }
}
