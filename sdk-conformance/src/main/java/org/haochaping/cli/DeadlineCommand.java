package org.haochaping.cli;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import org.haochaping.calendar.CalendarDataException;
import org.haochaping.calendar.DateNotCoveredException;
import org.haochaping.calendar.ShanghaiTime;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.deadline.Deadline;
import org.haochaping.deadline.DeadlineCalculator;
import org.haochaping.deadline.DeadlineRule;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hcp deadline}: the N-th working day after a date, or the deadline of a rule of Art. 16, 20 or 21.
 * Exit 2 for a usage error, an unreadable calendar file or a date without working-day data (under
 * {@code --strict}, or beyond the statutory table).
 */
@Command(name = "deadline", mixinStandardHelpOptions = true,
        description = {"Working days and deadlines in Asia/Shanghai (Art. 16, 20, 21).",
            "  --from DATE --working-days N   the N-th working day after DATE",
            "  --from DATETIME --rule RULE    the deadline: its last second, +08:00",
            "Rules: reminder (Art. 16, 24 hours), unevaluated (Art. 16, 5 working days),",
            "simple-callback, general-callback (Art. 20, 1), general-result (Art. 20, 5),",
            "complex-result (Art. 20, 15), appeal (Art. 21, 1).",
            "Years without an official arrangement are answered from the statutory holidays and weekends",
            "and flagged '(provisional: no YYYY arrangement loaded)'; --strict refuses them. See docs/calendar.md."})
final class DeadlineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "DATE|DATETIME",
            description = "Start: 2024-09-30, 2024-09-30T10:00:00+08:00 or 2024-09-30T10:00:00 (Shanghai).")
    String from;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--working-days", paramLabel = "N", description = "Number of working days (0 or more).")
        Integer workingDays;

        @Option(names = "--rule", paramLabel = "RULE", description = "One of: ${COMPLETION-CANDIDATES}", completionCandidates = RuleNames.class)
        String rule;
    }

    static final class RuleNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            List<String> names = new ArrayList<>();
            for (DeadlineRule r : DeadlineRule.values()) {
                names.add(r.cliName());
            }
            return names.iterator();
        }
    }

    @Mixin
    CalendarOptions calendarOptions;

    @Option(names = "--json", description = "Print {\"deadline\": ..., \"provisional\": ..., \"provisionalYears\": [...]}.")
    boolean json;

    @Override
    public Integer call() {
        WorkingDayCalendar calendar;
        try {
            calendar = calendarOptions.calendar();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException | CalendarDataException e) {
            spec.commandLine().getErr().println("hcp deadline: cannot use the calendar file: " + e.getMessage());
            return 2;
        }
        try {
            String result;
            SortedSet<Integer> provisionalYears;
            if (mode.workingDays != null) {
                if (mode.workingDays < 0) {
                    throw new ParameterException(spec.commandLine(), "--working-days must be 0 or more, was " + mode.workingDays);
                }
                LocalDate start = startDay();
                LocalDate end = calendar.plusWorkingDays(start, mode.workingDays);
                result = end.toString();
                provisionalYears = calendar.provisionalYears(start, end);
            } else {
                DeadlineRule rule = DeadlineRule.fromCliName(mode.rule);
                if (rule == null) {
                    throw new ParameterException(spec.commandLine(), "unknown --rule '" + mode.rule + "'; use one of "
                            + String.join(", ", new RuleNames()));
                }
                Deadline d = new DeadlineCalculator(calendar).calculate(rule, startInstant());
                result = ShanghaiTime.format(d.dueAt());
                provisionalYears = d.provisionalYears();
            }
            spec.commandLine().getOut().println(json ? json(result, provisionalYears) : text(result, provisionalYears));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (DateNotCoveredException e) {
            spec.commandLine().getErr().println("hcp deadline: " + e.getMessage()
                    + " (on the command line: --calendar FILE, or leave out --strict)");
            return 2;
        }
    }

    /** {@code 2027-01-05T23:59:59+08:00 (provisional: no 2027 arrangement loaded)}: one line. */
    static String text(String deadline, SortedSet<Integer> provisionalYears) {
        return provisionalYears.isEmpty() ? deadline
                : deadline + " (provisional: no " + join(provisionalYears) + " arrangement loaded)";
    }

    /** {@code {"deadline": "...", "provisional": true, "provisionalYears": [2027]}}. */
    static String json(String deadline, SortedSet<Integer> provisionalYears) {
        return "{\"deadline\": \"" + deadline + "\", \"provisional\": " + !provisionalYears.isEmpty()
                + ", \"provisionalYears\": [" + join(provisionalYears) + "]}";
    }

    private static String join(SortedSet<Integer> years) {
        StringBuilder sb = new StringBuilder();
        for (Integer y : years) {
            sb.append(sb.length() == 0 ? "" : ", ").append(y);
        }
        return sb.toString();
    }

    private LocalDate startDay() {
        try {
            return LocalDate.parse(from);
        } catch (DateTimeParseException notADate) {
            return ShanghaiTime.dateOf(startInstant());
        }
    }

    private OffsetDateTime startInstant() {
        try {
            return ShanghaiTime.normalize(OffsetDateTime.parse(from));
        } catch (DateTimeParseException noOffset) {
            try {
                return LocalDateTime.parse(from).atZone(ShanghaiTime.ZONE).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "--from '" + from + "' is not "
                        + (mode.rule != null ? "a date-time (e.g. 2024-09-30T10:00:00+08:00); --rule needs the time of day"
                                : "a date (e.g. 2024-09-30)"));
            }
        }
    }
}
