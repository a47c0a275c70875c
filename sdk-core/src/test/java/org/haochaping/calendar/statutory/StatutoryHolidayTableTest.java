package org.haochaping.calendar.statutory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.ibm.icu.impl.CalendarAstronomer;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haochaping.calendar.DayKind;
import org.haochaping.calendar.UncoveredDatePolicy;
import org.haochaping.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

/**
 * The bundled statutory-holiday table (2027–2050) is what the generator computes, the generator's method is
 * right where the answer is known, and an independent implementation (ICU4J's Chinese calendar) agrees except
 * in the years its coarser astronomy puts a new moon on the wrong side of Beijing midnight.
 */
class StatutoryHolidayTableTest {

    /** 正月初一 as printed in the published Chinese calendar (紫金山天文台《中国天文年历》 / 中国农历). */
    private static final Map<Integer, LocalDate> PUBLISHED_LUNAR_NEW_YEAR = new LinkedHashMap<>();

    static {
        String[] dates = {"2027-02-06", "2028-01-26", "2029-02-13", "2030-02-03", "2031-01-23", "2032-02-11",
            "2033-01-31", "2034-02-19", "2035-02-08", "2036-01-28", "2037-02-15", "2038-02-04", "2039-01-24",
            "2040-02-12", "2041-02-01", "2042-01-22", "2043-02-10", "2044-01-30", "2045-02-17", "2046-02-06",
            "2047-01-26", "2048-02-14", "2049-02-02", "2050-01-23"};
        for (String d : dates) {
            LocalDate date = LocalDate.parse(d);
            PUBLISHED_LUNAR_NEW_YEAR.put(date.getYear(), date);
        }
    }

    @Test
    void bundledTableIsExactlyTheGeneratorsOutput() throws IOException {
        String bundled;
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(StatutoryHolidayGenerator.RESOURCE)) {
            assertThat(in).as("bundled resource " + StatutoryHolidayGenerator.RESOURCE).isNotNull();
            bundled = new String(readAll(in), StandardCharsets.UTF_8);
        }
        assertThat(bundled).isEqualTo(StatutoryHolidayGenerator.table(
                StatutoryHolidayGenerator.FIRST_YEAR, StatutoryHolidayGenerator.LAST_YEAR));
    }

    @Test
    void astronomyReproducesMeeusWorkedExamples() {
        // Example 49.a: the new moon of 1977 February, k = -283, JDE 2443192.65118 (1977-02-18 03:37:42 TD)
        assertThat(Astronomy.newMoonJde(-283)).isCloseTo(2443192.65118, within(0.00002));
        // Example 25.b: 1992-10-13 0h TD, apparent longitude of the Sun 199°54'21.818"
        double expected = 199 + 54 / 60.0 + 21.818 / 3600;
        assertThat(Astronomy.sunApparentLongitude(2448908.5)).isCloseTo(expected, within(1.0 / 3600));
    }

    @Test
    void reproducesTheFestivalsOfThePublishedArrangements2021To2026() {
        // The festival days of the State Council notices bundled with the SDK (each lies in its holiday block).
        String[][] published = {
            {"2021", "02-12", "04-04", "06-14", "09-21"}, {"2022", "02-01", "04-05", "06-03", "09-10"},
            {"2023", "01-22", "04-05", "06-22", "09-29"}, {"2024", "02-10", "04-04", "06-10", "09-17"},
            {"2025", "01-29", "04-04", "05-31", "10-06"}, {"2026", "02-17", "04-05", "06-19", "09-25"}};
        WorkingDayCalendar official = WorkingDayCalendar.official().toBuilder().whenUncovered(UncoveredDatePolicy.STRICT).build();
        for (String[] row : published) {
            int year = Integer.parseInt(row[0]);
            StatutoryHolidayGenerator.LunarYear lunar = StatutoryHolidayGenerator.LunarYear.of(year);
            LocalDate newYear = lunar.firstDayOfMonth(1);
            LocalDate qingming = StatutoryHolidayGenerator.beijingDate(Astronomy.solarTermJde(year, 15));
            LocalDate duanwu = lunar.firstDayOfMonth(5).plusDays(4);
            LocalDate zhongqiu = lunar.firstDayOfMonth(8).plusDays(14);
            assertThat(Arrays.asList(newYear, qingming, duanwu, zhongqiu)).as("festivals of " + year)
                    .containsExactly(LocalDate.parse(year + "-" + row[1]), LocalDate.parse(year + "-" + row[2]),
                            LocalDate.parse(year + "-" + row[3]), LocalDate.parse(year + "-" + row[4]));
            // 除夕 is a statutory day off only since the 2024 revision (in force 2025)
            LocalDate firstDay = year >= 2025 ? newYear.minusDays(1) : newYear;
            for (LocalDate d : Arrays.asList(firstDay, newYear, qingming, duanwu, zhongqiu)) {
                assertThat(official.dayKind(d)).as(d + " in the " + year + " notice").isEqualTo(DayKind.OFFICIAL_HOLIDAY);
            }
        }
    }

    @Test
    void lunarNewYearMatchesThePublishedCalendar2027To2050() {
        Map<Integer, LocalDate> computed = new LinkedHashMap<>();
        for (int year : PUBLISHED_LUNAR_NEW_YEAR.keySet()) {
            computed.put(year, StatutoryHolidayGenerator.lunarNewYear(year));
        }
        assertThat(computed).isEqualTo(PUBLISHED_LUNAR_NEW_YEAR);
    }

    @Test
    void theLeapEleventhMonthOf2033IsPlacedByTheRuleOfGbT33661() {
        // The "2033 problem": the month after the 11th has no major solar term and is 闰十一月, so 2034's
        // 正月初一 is 2034-02-19 (a leap 7th month in 2033 would wrongly give 2034-01-20 or so).
        assertThat(StatutoryHolidayGenerator.LunarYear.of(2034).numbers).startsWith(11, -11, 12, 1);
    }

    @Test
    void everyDecidingEventLiesFarEnoughFromBeijingMidnight() {
        for (int year = StatutoryHolidayGenerator.FIRST_YEAR; year <= StatutoryHolidayGenerator.LAST_YEAR; year++) {
            assertThat(StatutoryHolidayGenerator.festivals(year).minMarginSeconds).as("closest call in " + year)
                    .isGreaterThanOrEqualTo(StatutoryHolidayGenerator.SAFETY_MARGIN_SECONDS);
        }
    }

    /**
     * ICU4J's {@code ChineseCalendar} and {@code CalendarAstronomer} use a low-precision Moon and Sun. Where
     * a new moon lies minutes from Beijing midnight they put the month on the wrong day; the published
     * calendar (and this table) wins. The list of disagreements is asserted, so a change on either side shows.
     */
    @Test
    void icu4jAgreesExceptInTheYearsItsAstronomyMissesMidnight() {
        List<String> disagreements = new ArrayList<>();
        for (int year = StatutoryHolidayGenerator.FIRST_YEAR; year <= StatutoryHolidayGenerator.LAST_YEAR; year++) {
            StatutoryHolidayGenerator.LunarYear lunar = StatutoryHolidayGenerator.LunarYear.of(year);
            compare(disagreements, year, "正月初一", lunar.firstDayOfMonth(1), icuLunarDate(year, 0, 1, 1, 10, 3, 1));
            compare(disagreements, year, "五月初五", lunar.firstDayOfMonth(5).plusDays(4), icuLunarDate(year, 4, 5, 5, 20, 7, 5));
            compare(disagreements, year, "八月十五", lunar.firstDayOfMonth(8).plusDays(14), icuLunarDate(year, 7, 15, 9, 1, 10, 15));
            compare(disagreements, year, "清明", StatutoryHolidayGenerator.beijingDate(Astronomy.solarTermJde(year, 15)),
                    icuQingming(year));
        }
        assertThat(disagreements).containsExactlyElementsOf(IcuDisagreements.EXPECTED);
        // where ICU4J differs on 正月初一, the published calendar sides with the table
        assertThat(StatutoryHolidayGenerator.lunarNewYear(2027)).isEqualTo(LocalDate.of(2027, 2, 6));
        assertThat(StatutoryHolidayGenerator.lunarNewYear(2030)).isEqualTo(LocalDate.of(2030, 2, 3));
    }

    private static void compare(List<String> out, int year, String what, LocalDate ours, LocalDate icu) {
        if (!ours.equals(icu)) {
            out.add(year + " " + what + ": table " + ours + ", ICU4J " + icu);
        }
    }

    /** The Gregorian date ICU4J gives to a lunar month (0-based, not leap) and day, searched in a window of the year. */
    private static LocalDate icuLunarDate(int year, int month0, int day, int fromMonth, int fromDay, int toMonth, int toDay) {
        ChineseCalendar cal = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"), ULocale.ROOT);
        for (LocalDate d = LocalDate.of(year, fromMonth, fromDay); !d.isAfter(LocalDate.of(year, toMonth, toDay)); d = d.plusDays(1)) {
            cal.setTimeInMillis(d.atTime(12, 0).toInstant(ZoneOffset.ofHours(8)).toEpochMilli());
            if (cal.get(ChineseCalendar.MONTH) == month0 && cal.get(ChineseCalendar.IS_LEAP_MONTH) == 0
                    && cal.get(ChineseCalendar.DAY_OF_MONTH) == day) {
                return d;
            }
        }
        throw new AssertionError("ICU4J has no lunar " + (month0 + 1) + "/" + day + " in the window of " + year);
    }

    private static LocalDate icuQingming(int year) {
        CalendarAstronomer astro = new CalendarAstronomer(LocalDate.of(year, 3, 25).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli());
        long ms = astro.getSunTime(Math.toRadians(15), true);
        return java.time.Instant.ofEpochMilli(ms).atOffset(ZoneOffset.ofHours(8)).toLocalDate();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
