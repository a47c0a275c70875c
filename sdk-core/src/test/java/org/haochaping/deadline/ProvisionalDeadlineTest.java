package org.haochaping.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.haochaping.calendar.CalendarCoverage;
import org.haochaping.calendar.DateNotCoveredException;
import org.haochaping.calendar.DayKind;
import org.haochaping.calendar.UncoveredDatePolicy;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deadlines across the end of the bundled data (issue: no deadline may stop working on 2026-12-25). */
class ProvisionalDeadlineTest {

    /** A sample 2027 file in the documented format (not the State Council's notice, which is not out yet). */
    static final String SAMPLE_2027 = "# published: 2026-11-12\n"
            + "# date\tkind\tarrangement_year\tnote\n"
            + "2026-12-31\tholiday\t2027\t元旦 (sample)\n"
            + "2027-01-01\tholiday\t2027\t元旦\n"
            + "2027-01-02\tholiday\t2027\t元旦\n"
            + "2027-01-03\tholiday\t2027\t元旦\n";

    private final WorkingDayCalendar official = WorkingDayCalendar.official();

    @Test
    void fiveWorkingDaysFrom20261228EndOn20270105Provisionally() {
        Deadline d = new DeadlineCalculator(official).calculate(DeadlineRule.UNEVALUATED,
                OffsetDateTime.parse("2026-12-28T10:00:00+08:00"));
        assertThat(d.dueAt()).isEqualTo(OffsetDateTime.parse("2027-01-05T23:59:59+08:00"));
        assertThat(d.isProvisional()).isTrue();
        assertThat(d.provisionalYears()).containsExactly(2027);
        assertThat(official.dayKind(LocalDate.of(2027, 1, 1))).isEqualTo(DayKind.PROVISIONAL_HOLIDAY);
        assertThat(d.toString()).endsWith("(provisional: no 2027 arrangement loaded)");
    }

    @Test
    void strictRefusesWithTheMessageOfOldAndAFileChangesTheAnswerAndClearsTheFlag() throws IOException {
        OffsetDateTime start = OffsetDateTime.parse("2026-12-28T10:00:00+08:00");
        WorkingDayCalendar strict = official.toBuilder().whenUncovered(UncoveredDatePolicy.STRICT).build();
        assertThatThrownBy(() -> new DeadlineCalculator(strict).calculate(DeadlineRule.UNEVALUATED, start))
                .isInstanceOf(DateNotCoveredException.class)
                .hasMessageStartingWith("No working-day data for 2026-12-29")
                .hasMessageContaining("the 2027 arrangement is not loaded");

        WorkingDayCalendar with2027 = official.toBuilder().load(new StringReader(SAMPLE_2027), "holidays-2027.tsv").build();
        Deadline d = new DeadlineCalculator(with2027).calculate(DeadlineRule.UNEVALUATED, start);
        assertThat(d.dueAt()).isEqualTo(OffsetDateTime.parse("2027-01-06T23:59:59+08:00"));
        assertThat(d.isProvisional()).isFalse();
        assertThat(d.provisionalYears()).isEmpty();
        // the same file under STRICT answers too
        assertThat(strict.toBuilder().load(new StringReader(SAMPLE_2027), "holidays-2027.tsv").build()
                .plusWorkingDays(LocalDate.of(2026, 12, 28), 5)).isEqualTo(LocalDate.of(2027, 1, 6));
    }

    @Test
    void theFifteenDayComplexResultFromTodayWorks() {
        Deadline d = DeadlineCalculator.official().calculate(DeadlineRule.COMPLEX_RESULT,
                OffsetDateTime.parse("2026-12-04T10:00:00+08:00"));
        // Dec 7-11, 14-18, 21-25 (15): the count reaches Dec 25, which the 2027 New Year arrangement may claim
        assertThat(d.lastDay()).isEqualTo(LocalDate.of(2026, 12, 25));
        assertThat(d.provisionalYears()).containsExactly(2027);
    }

    @Test
    void certainDeadlinesSayNothingOnTheWireAndProvisionalOnesSayBoth() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Deadline certain = DeadlineCalculator.official().calculate(DeadlineRule.APPEAL, OffsetDateTime.parse("2024-09-30T10:00:00+08:00"));
        assertThat(json.writeValueAsString(certain)).doesNotContain("provisional");
        Deadline provisional = DeadlineCalculator.official().calculate(DeadlineRule.UNEVALUATED,
                OffsetDateTime.parse("2026-12-28T10:00:00+08:00"));
        String text = json.writeValueAsString(provisional);
        assertThat(text).contains("\"provisional\":true", "\"provisionalYears\":[2027]");
        assertThat(json.readValue(text, Deadline.class)).isEqualTo(provisional);
    }

    @Test
    void statutoryHolidaysOfLaterYearsCount() {
        // 2030 春节: 除夕 Feb 2 (Sat) to 初三 Feb 5 (Tue); the published 正月初一 is Feb 3
        assertThat(official.dayKind(LocalDate.of(2030, 2, 4))).isEqualTo(DayKind.PROVISIONAL_HOLIDAY);
        assertThat(official.dayKind(LocalDate.of(2030, 2, 5))).isEqualTo(DayKind.PROVISIONAL_HOLIDAY);
        assertThat(official.dayKind(LocalDate.of(2030, 2, 6))).isEqualTo(DayKind.WEEKDAY);
        // 2050 is the last year of the table; 2051 is refused even under PROVISIONAL
        assertThat(official.dayKind(LocalDate.of(2050, 10, 3))).isEqualTo(DayKind.PROVISIONAL_HOLIDAY);
        assertThatThrownBy(() -> official.dayKind(LocalDate.of(2051, 1, 5))).isInstanceOf(DateNotCoveredException.class);
        assertThatThrownBy(() -> official.dayKind(LocalDate.of(2020, 6, 1))).isInstanceOf(DateNotCoveredException.class);
    }

    @Test
    void coverageSaysWhichYearsAreOfficialAndWhichProvisional() throws IOException {
        CalendarCoverage c = official.coverage();
        assertThat(c.officialYears()).containsExactly(2021, 2022, 2023, 2024, 2025, 2026);
        assertThat(c.provisionalYears()).hasSize(24).startsWith(2027).endsWith(2050);
        assertThat(c.toString()).isEqualTo("official 2021–2026, provisional 2027–2050 (policy PROVISIONAL)");
        assertThat(c.nextYearMissingOn(LocalDate.of(2026, 11, 30))).isFalse();
        assertThat(c.nextYearMissingOn(LocalDate.of(2026, 12, 1))).isTrue();
        CalendarCoverage with2027 = official.toBuilder().load(new StringReader(SAMPLE_2027), "f").build().coverage();
        assertThat(with2027.provisionalYears()).doesNotContain(2027).contains(2028);
        assertThat(with2027.nextYearMissingOn(LocalDate.of(2026, 12, 1))).isFalse();
        assertThat(official.toBuilder().whenUncovered(UncoveredDatePolicy.STRICT).build().coverage().provisionalYears()).isEmpty();
    }

    @Test
    void theNewestPublicationOfAYearWinsWhateverTheLoadingOrder() {
        String older = "# published: 2026-11-01\n2027-01-01\tholiday\t2027\t元旦\n";
        String newer = "# published: 2026-12-20\n2027-01-01\tholiday\t2027\t元旦\n2027-01-09\tworkday\t2027\t元旦 correction\n";
        LocalDate saturday = LocalDate.of(2027, 1, 9);
        WorkingDayCalendar a = official.toBuilder().load(new StringReader(older), "older").load(new StringReader(newer), "newer").build();
        WorkingDayCalendar b = official.toBuilder().load(new StringReader(newer), "newer").load(new StringReader(older), "older").build();
        assertThat(a.dayKind(saturday)).isEqualTo(DayKind.MAKE_UP_WORKING_DAY);
        assertThat(b.dayKind(saturday)).isEqualTo(DayKind.MAKE_UP_WORKING_DAY);
        // an undated file replaces an undated year (the later load wins), and closures add up on top
        String closure = "2027-01-08\tclosure\t-\thall closed\n";
        WorkingDayCalendar c = b.toBuilder().load(new StringReader(closure), "closures").build();
        assertThat(c.dayKind(LocalDate.of(2027, 1, 8))).isEqualTo(DayKind.LOCAL_CLOSURE);
        assertThat(c.isProvisional(LocalDate.of(2027, 1, 8))).isFalse();
        // the official arrangement beats the statutory table: a sample notice that moves 端午 off Jun 9
        WorkingDayCalendar d = official.toBuilder().load(new StringReader("2027-06-10\tholiday\t2027\t端午\n"), "x").build();
        assertThat(d.dayKind(LocalDate.of(2027, 6, 9))).isEqualTo(DayKind.WEEKDAY);
        assertThat(official.dayKind(LocalDate.of(2027, 6, 9))).isEqualTo(DayKind.PROVISIONAL_HOLIDAY);
    }

    @Test
    void aDirectoryOfFilesIsLoadedInNameOrderAndNamedByPropertyOrEnvironment(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("2027.tsv"), SAMPLE_2027.getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("README.txt"), "not data".getBytes(StandardCharsets.UTF_8));
        WorkingDayCalendar c = official.toBuilder().loadDirectory(dir).build();
        assertThat(c.coverage().officialYears()).contains(2027);
    }

    @Test
    void warnsOncePerMissingYearAndFromDecemberFirst() {
        DeadlineCalculator calculator = DeadlineCalculator.official();
        LogCapture.clear();
        calculator.calculate(DeadlineRule.APPEAL, OffsetDateTime.parse("2026-11-20T10:00:00+08:00"));
        assertThat(warnings()).isEmpty();
        calculator.calculate(DeadlineRule.APPEAL, OffsetDateTime.parse("2026-12-01T10:00:00+08:00"));
        assertThat(warnings()).hasSize(1).allMatch(l -> l.contains("arrangement for 2027 is not loaded"));
        calculator.calculate(DeadlineRule.UNEVALUATED, OffsetDateTime.parse("2026-12-28T10:00:00+08:00"));
        calculator.calculate(DeadlineRule.COMPLEX_RESULT, OffsetDateTime.parse("2026-12-29T10:00:00+08:00"));
        List<String> lines = warnings();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("counted days of 2027 from provisional data");
    }

    private static List<String> warnings() {
        List<String> out = new java.util.ArrayList<>();
        for (String l : LogCapture.lines()) {
            if (l.startsWith("WARN") && l.contains("DeadlineCalculator")) {
                out.add(l);
            }
        }
        return out;
    }
}
