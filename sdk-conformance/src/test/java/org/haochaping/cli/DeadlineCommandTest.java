package org.haochaping.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineCommandTest {

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
        "2024-09-30, 1, 2024-10-08",   // National Day holiday
        "2024-10-11, 1, 2024-10-12",   // make-up Saturday
        "2026-02-13, 2, 2026-02-24",   // make-up Saturday, then 春节
        "2024-10-01, 0, 2024-10-01",
    })
    void printsTheNthWorkingDay(String from, String n, String expected) {
        CliRun run = CliRun.of("deadline", "--from", from, "--working-days", n);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(expected + System.lineSeparator());
    }

    @ParameterizedTest(name = "{1} from {0}")
    @CsvSource({
        "2024-09-30T10:15:30+08:00, reminder,         2024-10-01T10:15:30+08:00",
        "2024-09-27T16:00:00+08:00, unevaluated,      2024-10-10T23:59:59+08:00",
        "2024-10-11T17:30:00+08:00, simple-callback,  2024-10-12T23:59:59+08:00",
        "2024-09-30T10:00:00+08:00, general-callback, 2024-10-08T23:59:59+08:00",
        "2025-01-24T09:00:00+08:00, general-result,   2025-02-07T23:59:59+08:00",
        "2024-09-20T09:00:00,       complex-result,   2024-10-16T23:59:59+08:00",
        "2024-10-10T16:30:00Z,      appeal,           2024-10-12T23:59:59+08:00",
    })
    void printsTheDeadlineOfARule(String from, String rule, String expected) {
        CliRun run = CliRun.of("deadline", "--from", from, "--rule", rule);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(expected + System.lineSeparator());
    }

    @Test
    void aDateWithoutDataIsAnErrorUnderStrict() {
        CliRun run = CliRun.of("deadline", "--from", "2027-03-01", "--working-days", "1", "--strict");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("No working-day data for 2027-03-02").contains("2027").contains("--calendar FILE");

        CliRun fallback = CliRun.of("deadline", "--from", "2027-03-05", "--working-days", "1", "--weekends-only-fallback");
        assertThat(fallback.exitCode()).isZero();
        assertThat(fallback.out().trim()).isEqualTo("2027-03-08 (provisional: no 2027 arrangement loaded)");
    }

    @Test
    void theComplexResultFromTodayIsProvisionalNotAnError() {
        CliRun run = CliRun.of("deadline", "--from", "2026-12-04T10:00:00", "--rule", "complex-result");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("2026-12-25T23:59:59+08:00 (provisional: no 2027 arrangement loaded)" + System.lineSeparator());

        CliRun json = CliRun.of("deadline", "--from", "2026-12-28T10:00:00", "--rule", "unevaluated", "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out().trim()).isEqualTo(
                "{\"deadline\": \"2027-01-05T23:59:59+08:00\", \"provisional\": true, \"provisionalYears\": [2027]}");

        CliRun certain = CliRun.of("deadline", "--from", "2024-09-30T10:00:00", "--rule", "appeal", "--json");
        assertThat(certain.out().trim()).isEqualTo(
                "{\"deadline\": \"2024-10-08T23:59:59+08:00\", \"provisional\": false, \"provisionalYears\": []}");

        CliRun strict = CliRun.of("deadline", "--from", "2026-12-04T10:00:00", "--rule", "complex-result", "--strict");
        assertThat(strict.exitCode()).isEqualTo(2);
        assertThat(strict.err()).contains("No working-day data for 2026-12-25");
    }

    @Test
    void aFileOfTheNextYearClearsTheProvisionalFlag(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("holidays-2027.tsv");
        Files.writeString(file, "# published: 2026-11-12\n2026-12-31\tholiday\t2027\t元旦 (sample)\n"
                + "2027-01-01\tholiday\t2027\t元旦\n2027-01-02\tholiday\t2027\t元旦\n2027-01-03\tholiday\t2027\t元旦\n",
                StandardCharsets.UTF_8);
        CliRun run = CliRun.of("deadline", "--calendar", file.toString(), "--from", "2026-12-28T10:00:00", "--rule", "unevaluated");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().trim()).isEqualTo("2027-01-06T23:59:59+08:00");
    }

    @Test
    void addsDataFromACalendarFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("2027.tsv");
        Files.writeString(file, "2027-01-01\tholiday\t2027\t元旦 (test data)\n2027-03-01\tholiday\t2027\t(test data)\n",
                StandardCharsets.UTF_8);
        CliRun run = CliRun.of("deadline", "--calendar", file.toString(), "--from", "2027-02-26", "--working-days", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().trim()).isEqualTo("2027-03-02");

        Files.writeString(file, "2027-01-04\tworkday\t2027\n", StandardCharsets.UTF_8);
        CliRun bad = CliRun.of("deadline", "--calendar", file.toString(), "--from", "2027-02-26", "--working-days", "1");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("2027.tsv:1").contains("Saturday or Sunday");
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(CliRun.of("deadline", "--from", "2024-09-30", "--rule", "appeal").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("deadline", "--from", "2024-09-30T10:00:00+08:00", "--rule", "refund").err())
                .contains("unknown --rule 'refund'").contains("general-result");
        assertThat(CliRun.of("deadline", "--from", "2024-09-30", "--working-days", "-1").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("deadline", "--from", "2024-09-30").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("deadline", "--from", "2024-09-30", "--working-days", "1", "--rule", "appeal").exitCode())
                .isEqualTo(2);
        assertThat(CliRun.of("deadline", "--from", "30/09/2024", "--working-days", "1").err()).contains("30/09/2024");
    }
}
