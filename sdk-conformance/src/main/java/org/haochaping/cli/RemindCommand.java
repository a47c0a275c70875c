package org.haochaping.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.haochaping.calendar.CalendarDataException;
import org.haochaping.calendar.DateNotCoveredException;
import org.haochaping.calendar.ShanghaiTime;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.Evaluation;
import org.haochaping.rules.ValidationException;
import org.haochaping.tracking.DueAction;
import org.haochaping.tracking.EvaluationTracker;
import org.haochaping.wire.Decoded;
import org.haochaping.wire.MalformedPayloadException;
import org.haochaping.wire.PayloadCodec;
import org.haochaping.wire.WireProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hcp remind}: what Art. 16 asks of a department at an instant, from its completed cases, the evaluations made
 * and the reminders already sent. Prints {@code caseNo action due} per line (or a JSON array); exit 0, 2 for input
 * that cannot be read.
 */
@Command(name = "remind", mixinStandardHelpOptions = true,
        description = {"What Art. 16 asks at an instant: REMIND (24 hours after completion, no evaluation, not yet",
            "reminded) and MARK_UNEVALUATED (the 5th working day after completion has ended: 未评).",
            "Cases and evaluations in the unified profile: a JSON object, an array, or JSON lines.",
            "--reminded: one case number per line, or JSON lines {\"caseNo\": ..., \"remindedAt\": ...}.",
            "Prints 'caseNo action due' per line, earliest first, or with --json an array of",
            "{\"caseNo\", \"action\", \"due\", \"provisional\"}. Exit 0; 2 for unreadable input."})
final class RemindCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--cases", required = true, paramLabel = "FILE", description = "Completed cases (unified profile).")
    Path cases;

    @Option(names = "--evaluations", paramLabel = "FILE", description = "Evaluations made (unified profile).")
    Path evaluations;

    @Option(names = "--reminded", paramLabel = "FILE", description = "Cases already reminded.")
    Path reminded;

    @Option(names = "--at", required = true, paramLabel = "DATETIME",
            description = "The instant: 2026-11-03T10:00:00+08:00 or 2026-11-03T10:00:00 (Shanghai).")
    String at;

    @Option(names = "--json", description = "Print a JSON array instead of lines.")
    boolean json;

    @Mixin
    CalendarOptions calendarOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OffsetDateTime now = instant();
        WorkingDayCalendar calendar;
        try {
            calendar = calendarOptions.calendar();
        } catch (IOException | CalendarDataException e) {
            err.println("hcp remind: cannot use the calendar file: " + e.getMessage());
            return 2;
        }
        PayloadCodec codec = PayloadCodec.of(WireProfile.named("unified"));
        EvaluationTracker tracker = EvaluationTracker.builder().calendar(calendar).build();
        try {
            for (CaseRecord c : read(cases, "case", codec::decodeCases)) {
                if (c.status() == CaseStatus.COMPLETED && c.completedAt() != null) {
                    tracker.register(c); // cases still being handled owe nothing yet
                }
            }
            if (evaluations != null) {
                for (Evaluation e : read(evaluations, "evaluation", codec::decodeEvaluations)) {
                    tracker.record(e);
                }
            }
            if (reminded != null) {
                for (String[] r : readReminded(reminded)) {
                    tracker.claimReminder(r[0], r[1] == null ? now : ShanghaiTime.parse(r[1], "remindedAt"));
                }
            }
            List<DueAction> due = tracker.due(now);
            if (json) {
                ArrayNode array = JSON.createArrayNode();
                for (DueAction a : due) {
                    ObjectNode o = array.addObject();
                    o.put("caseNo", a.caseNo());
                    o.put("action", a.kind().name());
                    o.put("due", ShanghaiTime.format(a.dueAt()));
                    o.put("provisional", a.provisional());
                }
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array));
            } else {
                for (DueAction a : due) {
                    out.println(a.caseNo() + " " + a.kind().name() + " " + ShanghaiTime.format(a.dueAt()));
                }
            }
            out.flush();
            return 0;
        } catch (InputException | ValidationException | IllegalArgumentException | DateNotCoveredException
                | IOException e) {
            err.println("hcp remind: " + e.getMessage());
            return 2;
        }
    }

    private OffsetDateTime instant() {
        try {
            return ShanghaiTime.normalize(OffsetDateTime.parse(at));
        } catch (DateTimeParseException noOffset) {
            try {
                return LocalDateTime.parse(at).atZone(ShanghaiTime.ZONE).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(),
                        "--at '" + at + "' is not a date-time (e.g. 2026-11-03T10:00:00+08:00)");
            }
        }
    }

    /** The values of a file in the unified profile: one object, an array, or JSON lines. */
    private static <T> List<T> read(Path file, String what, Function<String, List<Decoded<T>>> decode) {
        String text = text(file);
        List<String> documents = jsonLines(text) ? nonBlankLines(text) : java.util.Collections.singletonList(text);
        List<T> values = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            String where = file + (documents.size() > 1 ? " line " + (d + 1) : "");
            List<Decoded<T>> decoded;
            try {
                decoded = decode.apply(documents.get(d));
            } catch (MalformedPayloadException e) {
                throw new InputException(where + ": not JSON: " + e.getMessage());
            }
            for (int i = 0; i < decoded.size(); i++) {
                // Rule violations do not matter here (a late evaluation is still a fact to weigh); unreadable records do.
                if (decoded.get(i).value() == null) {
                    throw new InputException(where + (decoded.size() > 1 ? " [" + i + "]" : "") + ": not a " + what
                            + " of the unified profile: " + decoded.get(i).violations());
                }
                values.add(decoded.get(i).value());
            }
        }
        return values;
    }

    private static List<String[]> readReminded(Path file) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : nonBlankLines(text(file))) {
            String l = line.trim();
            if (l.startsWith("{")) {
                com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(l);
                String caseNo = node.path("caseNo").asText(null);
                if (caseNo == null) {
                    throw new InputException(file + ": a reminded line needs \"caseNo\"");
                }
                out.add(new String[] {caseNo, node.path("remindedAt").asText(null)});
            } else {
                out.add(new String[] {l, null});
            }
        }
        return out;
    }

    private static boolean jsonLines(String text) {
        List<String> lines = nonBlankLines(text);
        if (lines.size() < 2) {
            return false;
        }
        for (String l : lines) {
            String t = l.trim();
            if (!t.startsWith("{") || !t.endsWith("}")) {
                return false;
            }
        }
        return true;
    }

    private static List<String> nonBlankLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\r?\n")) {
            if (!l.trim().isEmpty()) {
                lines.add(l);
            }
        }
        return lines;
    }

    private static String text(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Input that cannot be used: exit 2 with the file named. */
    private static final class InputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InputException(String message) {
            super(message);
        }
    }
}
