package org.haochaping.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar official = WorkingDayCalendar.official();
    private final WorkingDayCalendar strict = official.toBuilder().whenUncovered(UncoveredDatePolicy.STRICT).build();

    /**
     * Every holiday block and every make-up working day of 2021–2026, worked out by hand from the State
     * Council notices: from a day, N working days later is the expected day. Rows before a block land on
     * the first working day after it; rows before a make-up Saturday or Sunday land on it.
     */
    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
        // 2021
        "2021-01-01, 1, 2021-01-04",   // 元旦 Fri-Sun
        "2021-02-05, 1, 2021-02-07",   // make-up Sunday before 春节
        "2021-02-10, 1, 2021-02-18",   // 春节 Feb 11-17
        "2021-02-19, 1, 2021-02-20",   // make-up Saturday after 春节
        "2021-04-02, 1, 2021-04-06",   // 清明 Apr 3-5
        "2021-04-23, 1, 2021-04-25",   // make-up Sunday before 劳动节
        "2021-04-30, 1, 2021-05-06",   // 劳动节 May 1-5
        "2021-05-07, 1, 2021-05-08",   // make-up Saturday
        "2021-06-11, 1, 2021-06-15",   // 端午 Jun 12-14
        "2021-09-17, 1, 2021-09-18",   // make-up Saturday before 中秋
        "2021-09-18, 1, 2021-09-22",   // 中秋 Sep 19-21
        "2021-09-24, 1, 2021-09-26",   // make-up Sunday before 国庆
        "2021-09-30, 1, 2021-10-08",   // 国庆 Oct 1-7
        "2021-10-08, 1, 2021-10-09",   // make-up Saturday
        // 2022
        "2021-12-31, 1, 2022-01-04",   // 元旦 Jan 1-3
        "2022-01-28, 1, 2022-01-29",   // make-up Saturday and Sunday before 春节
        "2022-01-28, 2, 2022-01-30",
        "2022-01-28, 3, 2022-02-07",   // 春节 Jan 31-Feb 6
        "2022-04-01, 1, 2022-04-02",   // make-up Saturday before 清明
        "2022-04-02, 1, 2022-04-06",   // 清明 Apr 3-5
        "2022-04-22, 1, 2022-04-24",   // make-up Sunday before 劳动节
        "2022-04-29, 1, 2022-05-05",   // 劳动节 Apr 30-May 4
        "2022-05-06, 1, 2022-05-07",   // make-up Saturday
        "2022-06-02, 1, 2022-06-06",   // 端午 Jun 3-5
        "2022-09-09, 1, 2022-09-13",   // 中秋 Sep 10-12
        "2022-09-30, 1, 2022-10-08",   // 国庆 Oct 1-7, then make-up Saturday and Sunday
        "2022-09-30, 2, 2022-10-09",
        "2022-09-30, 3, 2022-10-10",
        // 2023 (its 元旦 starts on 2022-12-31)
        "2022-12-30, 1, 2023-01-03",   // 元旦 Dec 31-Jan 2
        "2023-01-20, 1, 2023-01-28",   // 春节 Jan 21-27, then make-up Saturday and Sunday
        "2023-01-20, 3, 2023-01-30",
        "2023-04-04, 1, 2023-04-06",   // 清明 Apr 5
        "2023-04-21, 1, 2023-04-23",   // make-up Sunday before 劳动节
        "2023-04-28, 1, 2023-05-04",   // 劳动节 Apr 29-May 3
        "2023-05-05, 1, 2023-05-06",   // make-up Saturday
        "2023-06-21, 1, 2023-06-25",   // 端午 Jun 22-24, then make-up Sunday
        "2023-09-28, 1, 2023-10-07",   // 中秋/国庆 Sep 29-Oct 6, then make-up Saturday and Sunday
        "2023-09-28, 3, 2023-10-09",
        // 2024 (its 元旦 starts on 2023-12-30)
        "2023-12-29, 1, 2024-01-02",   // 元旦 Dec 30-Jan 1
        "2024-02-02, 1, 2024-02-04",   // make-up Sunday before 春节
        "2024-02-09, 1, 2024-02-18",   // 春节 Feb 10-17 (New Year's Eve Feb 9 is a working day), make-up Sunday
        "2024-02-09, 2, 2024-02-19",
        "2024-04-03, 1, 2024-04-07",   // 清明 Apr 4-6, then make-up Sunday
        "2024-04-26, 1, 2024-04-28",   // make-up Sunday before 劳动节
        "2024-04-30, 1, 2024-05-06",   // 劳动节 May 1-5
        "2024-05-10, 1, 2024-05-11",   // make-up Saturday
        "2024-06-07, 1, 2024-06-11",   // 端午 Jun 8-10
        "2024-09-13, 1, 2024-09-14",   // make-up Saturday before 中秋
        "2024-09-14, 1, 2024-09-18",   // 中秋 Sep 15-17
        "2024-09-27, 1, 2024-09-29",   // make-up Sunday before 国庆
        "2024-09-30, 1, 2024-10-08",   // 国庆 Oct 1-7
        "2024-10-11, 1, 2024-10-12",   // make-up Saturday
        // 2025
        "2024-12-31, 1, 2025-01-02",   // 元旦 Jan 1
        "2025-01-24, 1, 2025-01-26",   // make-up Sunday before 春节
        "2025-01-24, 2, 2025-01-27",
        "2025-01-24, 3, 2025-02-05",   // 春节 Jan 28-Feb 4
        "2025-02-07, 1, 2025-02-08",   // make-up Saturday
        "2025-04-03, 1, 2025-04-07",   // 清明 Apr 4-6
        "2025-04-25, 1, 2025-04-27",   // make-up Sunday before 劳动节
        "2025-04-30, 1, 2025-05-06",   // 劳动节 May 1-5
        "2025-05-30, 1, 2025-06-03",   // 端午 May 31-Jun 2
        "2025-09-26, 1, 2025-09-28",   // make-up Sunday before 国庆/中秋
        "2025-09-30, 1, 2025-10-09",   // 国庆/中秋 Oct 1-8
        "2025-10-10, 1, 2025-10-11",   // make-up Saturday
        // 2026
        "2025-12-31, 1, 2026-01-04",   // 元旦 Jan 1-3, then make-up Sunday
        "2026-02-13, 1, 2026-02-14",   // make-up Saturday before 春节
        "2026-02-13, 2, 2026-02-24",   // 春节 Feb 15-23
        "2026-02-27, 1, 2026-02-28",   // make-up Saturday
        "2026-04-03, 1, 2026-04-07",   // 清明 Apr 4-6
        "2026-04-30, 1, 2026-05-06",   // 劳动节 May 1-5
        "2026-05-08, 1, 2026-05-09",   // make-up Saturday
        "2026-06-18, 1, 2026-06-22",   // 端午 Jun 19-21
        "2026-09-18, 1, 2026-09-20",   // make-up Sunday before 中秋
        "2026-09-24, 1, 2026-09-28",   // 中秋 Sep 25-27
        "2026-09-30, 1, 2026-10-08",   // 国庆 Oct 1-7
        "2026-10-09, 1, 2026-10-10",   // make-up Saturday
    })
    void crossesEveryHolidayBlockAndMakeUpDay(LocalDate from, int workingDays, LocalDate expected) {
        assertThat(official.plusWorkingDays(from, workingDays)).isEqualTo(expected);
        assertThat(official.workingDaysBetween(from, expected)).isEqualTo(workingDays);
    }

    @ParameterizedTest
    @CsvSource({
        "2021-02-07, MAKE_UP_WORKING_DAY", "2022-01-29, MAKE_UP_WORKING_DAY", "2022-10-09, MAKE_UP_WORKING_DAY",
        "2023-06-25, MAKE_UP_WORKING_DAY", "2024-02-18, MAKE_UP_WORKING_DAY", "2025-10-11, MAKE_UP_WORKING_DAY",
        "2026-01-04, MAKE_UP_WORKING_DAY",
        "2022-12-31, OFFICIAL_HOLIDAY", "2023-12-30, OFFICIAL_HOLIDAY", "2024-10-07, OFFICIAL_HOLIDAY",
        "2026-02-15, OFFICIAL_HOLIDAY", "2025-02-04, OFFICIAL_HOLIDAY",
        "2024-02-09, WEEKDAY", "2024-10-08, WEEKDAY", "2024-10-13, WEEKEND", "2026-03-07, WEEKEND",
    })
    void tellsWhatADayIs(LocalDate date, DayKind kind) {
        assertThat(official.dayKind(date)).isEqualTo(kind);
        assertThat(official.isWorkingDay(date)).isEqualTo(kind.isWorkingDay());
    }

    @Test
    void countsTheWorkingDaysOfWholeYears() {
        // 2024: 262 weekdays - 19 weekday holidays + 8 make-up days; 2025: 261 - 18 + 5.
        assertThat(official.workingDaysBetween(LocalDate.of(2023, 12, 31), LocalDate.of(2024, 12, 31))).isEqualTo(251);
        assertThat(official.workingDaysBetween(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31))).isEqualTo(248);
        assertThat(official.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2024, 12, 31))).isEqualTo(-248);
    }

    @Test
    void bundlesTheYears2021To2026() {
        assertThat(official.arrangementYears()).containsExactly(2021, 2022, 2023, 2024, 2025, 2026);
        assertThat(official.uncoveredDatePolicy()).isEqualTo(UncoveredDatePolicy.PROVISIONAL);
    }

    @Test
    void strictRefusesYearsWithoutData() {
        assertThatThrownBy(() -> strict.isWorkingDay(LocalDate.of(2027, 1, 4)))
                .isInstanceOfSatisfying(DateNotCoveredException.class, e -> {
                    assertThat(e.date()).isEqualTo(LocalDate.of(2027, 1, 4));
                    assertThat(e.missingArrangementYear()).isEqualTo(2027);
                })
                .hasMessageContaining("2027").hasMessageContaining("PROVISIONAL");
        assertThatThrownBy(() -> strict.isWorkingDay(LocalDate.of(2020, 12, 31)))
                .isInstanceOfSatisfying(DateNotCoveredException.class, e -> assertThat(e.missingArrangementYear()).isEqualTo(2020));
        assertThatThrownBy(() -> strict.plusWorkingDays(LocalDate.of(2026, 12, 31), 1))
                .isInstanceOf(DateNotCoveredException.class);
    }

    @Test
    void theLastWeekOfAYearNeedsTheNextArrangement() {
        assertThat(strict.isWorkingDay(LocalDate.of(2026, 12, 24))).isTrue();
        assertThatThrownBy(() -> strict.isWorkingDay(LocalDate.of(2026, 12, 25)))
                .isInstanceOfSatisfying(DateNotCoveredException.class, e -> assertThat(e.missingArrangementYear()).isEqualTo(2027))
                .hasMessageContaining("last week of 2026");
        assertThatThrownBy(() -> strict.plusWorkingDays(LocalDate.of(2026, 12, 22), 3))
                .isInstanceOf(DateNotCoveredException.class);
        // the default answers, provisionally
        assertThat(official.isWorkingDay(LocalDate.of(2026, 12, 25))).isTrue();
        assertThat(official.isProvisional(LocalDate.of(2026, 12, 25))).isTrue();
        assertThat(official.isProvisional(LocalDate.of(2026, 12, 24))).isFalse();
        assertThat(official.covers(LocalDate.of(2025, 12, 31))).isTrue();
        assertThat(official.covers(LocalDate.of(2026, 12, 25))).isFalse();
    }

    @Test
    void weekendsOnlyFallbackMustBeChosen() {
        WorkingDayCalendar lenient = official.toBuilder().whenUncovered(UncoveredDatePolicy.WEEKENDS_ONLY).build();
        assertThat(lenient.plusWorkingDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(lenient.dayKind(LocalDate.of(2027, 1, 2))).isEqualTo(DayKind.WEEKEND);
        // Known data still wins under the fallback.
        assertThat(lenient.plusWorkingDays(LocalDate.of(2024, 9, 30), 1)).isEqualTo(LocalDate.of(2024, 10, 8));
        assertThat(lenient.isProvisional(LocalDate.of(2027, 1, 1))).isTrue();
        // The official calendar itself is unchanged.
        assertThat(official.uncoveredDatePolicy()).isEqualTo(UncoveredDatePolicy.PROVISIONAL);
    }

    @Test
    void zeroWorkingDaysIsTheDayItself() {
        assertThat(official.plusWorkingDays(LocalDate.of(2024, 10, 1), 0)).isEqualTo(LocalDate.of(2024, 10, 1));
        assertThatThrownBy(() -> official.plusWorkingDays(LocalDate.of(2024, 10, 1), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("workingDays");
    }

    @Test
    void usersAddAYearAndClosuresFromAFile(@TempDir Path dir) throws IOException {
        // Test data only, shaped like a real notice: a 2027 arrangement and a local closure.
        Path file = dir.resolve("extra.tsv");
        Files.write(file, ("# date\tkind\tarrangement_year\tnote\n"
                + "2027-01-01\tholiday\t2027\t元旦 (test data)\n"
                + "2027-01-02\tholiday\t2027\t元旦 (test data)\n"
                + "2027-01-03\tholiday\t2027\t元旦 (test data)\n"
                + "2026-12-26\tworkday\t2027\t元旦 make-up (test data)\n"
                + "\n"
                + "2026-07-15\tclosure\t-\thall closed by typhoon (test data)\n").getBytes(StandardCharsets.UTF_8));
        WorkingDayCalendar extended = official.toBuilder().load(file).build();

        assertThat(extended.arrangementYears()).contains(2026, 2027);
        assertThat(extended.dayKind(LocalDate.of(2026, 12, 26))).isEqualTo(DayKind.MAKE_UP_WORKING_DAY);
        assertThat(extended.plusWorkingDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(extended.dayKind(LocalDate.of(2026, 7, 15))).isEqualTo(DayKind.LOCAL_CLOSURE);
        assertThat(extended.plusWorkingDays(LocalDate.of(2026, 7, 14), 1)).isEqualTo(LocalDate.of(2026, 7, 16));
        // 2026's own arrangement is still the bundled one.
        assertThat(extended.dayKind(LocalDate.of(2026, 10, 10))).isEqualTo(DayKind.MAKE_UP_WORKING_DAY);
    }

    @Test
    void aFileReplacesTheArrangementOfTheYearsItContains() {
        // A corrected (fictional) 2025: only New Year's Day is a holiday.
        WorkingDayCalendar corrected = official.toBuilder()
                .load(new StringReader("2025-01-01\tholiday\t2025\t元旦\n"), "corrected-2025")
                .build();
        assertThat(corrected.isWorkingDay(LocalDate.of(2025, 10, 1))).isTrue();
        assertThat(corrected.isWorkingDay(LocalDate.of(2025, 1, 1))).isFalse();
        assertThat(corrected.isWorkingDay(LocalDate.of(2024, 10, 1))).isFalse();
    }

    @Test
    void rejectsMalformedData() {
        assertLoadFails("2027-01-04\tworkday\t2027\n", "line 1", "must be a Saturday or Sunday");
        assertLoadFails("# header\n2027-01-01\tholiday\t2027\n2027-01-01\tholiday\t2027\n", "line 3", "listed twice");
        assertLoadFails("2027-13-01\tholiday\t2027\n", "line 1", "not an ISO date");
        assertLoadFails("2027-01-01\tvacation\t2027\n", "line 1", "holiday, workday or closure");
        assertLoadFails("2027-06-01\tholiday\t2028\n", "line 1", "cannot contain");
        assertLoadFails("2027-06-01\tclosure\t2027\n", "line 1", "\"-\"");
        assertLoadFails("2027-06-01\n", "line 1", "expected date, kind");
        assertThatThrownBy(() -> official.toBuilder()
                .load(new StringReader("2022-12-31\tworkday\t2022\n"), "contradiction").build())
                .isInstanceOf(CalendarDataException.class).hasMessageContaining("2022-12-31")
                .hasMessageContaining("2023 arrangement");
    }

    @Test
    void anEmptyCalendarCoversNothing() {
        WorkingDayCalendar empty = WorkingDayCalendar.builder().build();
        assertThat(empty.arrangementYears()).isEmpty();
        assertThatThrownBy(() -> empty.isWorkingDay(LocalDate.of(2024, 5, 6)))
                .isInstanceOf(DateNotCoveredException.class).hasMessageContaining("loaded: none");
    }

    private static void assertLoadFails(String data, String where, String problem) {
        assertThatThrownBy(() -> WorkingDayCalendar.builder().load(new StringReader(data), "test.tsv"))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("test.tsv:" + where.replace("line ", ""))
                .hasMessageContaining(problem);
    }

    @Test
    void theDirectoryIsNamedByTheSystemPropertyElseTheEnvironment() {
        assertThat(WorkingDayCalendar.configuredDirectory("/a", "/b")).isEqualTo(java.nio.file.Paths.get("/a"));
        assertThat(WorkingDayCalendar.configuredDirectory(null, "/b")).isEqualTo(java.nio.file.Paths.get("/b"));
        assertThat(WorkingDayCalendar.configuredDirectory(" ", null)).isNull();
    }
}
