package org.haochaping.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.haochaping.calendar.DateNotCoveredException;
import org.haochaping.calendar.UncoveredDatePolicy;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.calendar.ShanghaiTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineCalculatorTest {

    private final DeadlineCalculator calculator = DeadlineCalculator.official();

    @ParameterizedTest(name = "{0} from {1} is due {2}")
    @CsvSource({
        // Art. 16: 24 hours, to the second.
        "REMINDER,         2024-09-30T10:15:30.500+08:00, 2024-10-01T10:15:30+08:00",
        // Art. 16: completed Friday 09-27; Sun 09-29 (make-up), Mon 09-30, then Oct 8, 9, 10.
        "UNEVALUATED,      2024-09-27T16:00:00+08:00,     2024-10-10T23:59:59+08:00",
        // Art. 20(一): received Friday 10-11 evening; Saturday 10-12 is a make-up working day.
        "SIMPLE_CALLBACK,  2024-10-11T17:30:00+08:00,     2024-10-12T23:59:59+08:00",
        // Art. 20(二): received the last working day before National Day.
        "GENERAL_CALLBACK, 2024-09-30T10:00:00+08:00,     2024-10-08T23:59:59+08:00",
        // Art. 20(二): Fri 01-24; Sun 01-26 (make-up), Mon 01-27, then after 春节 Feb 5, 6, 7.
        "GENERAL_RESULT,   2025-01-24T09:00:00+08:00,     2025-02-07T23:59:59+08:00",
        // Art. 20(三): Fri 09-20; Sep 23-27 (5), Sun 29 (6), Mon 30 (7), Oct 8-11 (11), Sat 12 (12), Oct 14-16 (15).
        "COMPLEX_RESULT,   2024-09-20T09:00:00+08:00,     2024-10-16T23:59:59+08:00",
        // Art. 21: received during the holiday: the first working day after it.
        "APPEAL,           2024-10-03T11:00:00+08:00,     2024-10-08T23:59:59+08:00",
        // The day is the Shanghai day: 16:30 UTC on Thursday is 00:30 on Friday in Shanghai.
        "APPEAL,           2024-10-10T16:30:00Z,          2024-10-12T23:59:59+08:00",
    })
    void computesTheDeadlinesOfTheRules(DeadlineRule rule, String start, String due) {
        Deadline d = calculator.calculate(rule, OffsetDateTime.parse(start));
        assertThat(ShanghaiTime.format(d.dueAt())).isEqualTo(due);
        assertThat(d.rule()).isEqualTo(rule);
        assertThat(d.startedAt()).isEqualTo(OffsetDateTime.parse(start).atZoneSameInstant(ShanghaiTime.ZONE).toOffsetDateTime());
    }

    @Test
    void isOverdueFromTheSecondAfterItsDueTime() {
        Deadline appeal = calculator.calculate(DeadlineRule.APPEAL, OffsetDateTime.parse("2024-09-30T10:00:00+08:00"));
        assertThat(appeal.lastDay()).isEqualTo(LocalDate.of(2024, 10, 8));
        assertThat(appeal.isOverdueAt(OffsetDateTime.parse("2024-10-08T23:59:59.999+08:00"))).isFalse();
        assertThat(appeal.isMetBy(OffsetDateTime.parse("2024-10-08T23:59:59.999+08:00"))).isTrue();
        assertThat(appeal.isOverdueAt(OffsetDateTime.parse("2024-10-09T00:00:00+08:00"))).isTrue();
        assertThat(appeal.isOverdueAt(OffsetDateTime.parse("2024-10-08T16:00:00Z"))).isTrue();
        assertThat(appeal.isOverdueAt(OffsetDateTime.parse("2024-10-08T15:59:59Z"))).isFalse();

        Deadline reminder = calculator.calculate(DeadlineRule.REMINDER, OffsetDateTime.parse("2024-05-06T09:00:00+08:00"));
        assertThat(reminder.isOverdueAt(OffsetDateTime.parse("2024-05-07T09:00:00+08:00"))).isFalse();
        assertThat(reminder.isOverdueAt(OffsetDateTime.parse("2024-05-07T09:00:01+08:00"))).isTrue();
    }

    @Test
    void strictRefusesToGuessBeyondTheData() {
        DeadlineCalculator calculator = new DeadlineCalculator(WorkingDayCalendar.official().toBuilder()
                .whenUncovered(UncoveredDatePolicy.STRICT).build());
        assertThatThrownBy(() -> calculator.calculate(DeadlineRule.COMPLEX_RESULT, OffsetDateTime.parse("2026-12-10T09:00:00+08:00")))
                .isInstanceOf(DateNotCoveredException.class).hasMessageContaining("2027");
        // The hour-based reminder needs no calendar.
        assertThat(calculator.calculate(DeadlineRule.REMINDER, OffsetDateTime.parse("2030-01-01T09:00:00+08:00")).dueAt())
                .isEqualTo(OffsetDateTime.parse("2030-01-02T09:00:00+08:00"));
    }

    @Test
    void rulesCarryTheirArticlesAndLengths() {
        assertThat(DeadlineRule.REMINDER.hours()).isEqualTo(24);
        assertThat(DeadlineRule.REMINDER.countsWorkingDays()).isFalse();
        assertThat(DeadlineRule.UNEVALUATED.workingDays()).isEqualTo(5);
        assertThat(DeadlineRule.GENERAL_RESULT.workingDays()).isEqualTo(5);
        assertThat(DeadlineRule.COMPLEX_RESULT.workingDays()).isEqualTo(15);
        assertThat(DeadlineRule.APPEAL.article()).isEqualTo("Art. 21");
        assertThat(DeadlineRule.SIMPLE_CALLBACK.article()).isEqualTo("Art. 20(一)");
        for (DeadlineRule r : DeadlineRule.values()) {
            assertThat(DeadlineRule.fromCliName(r.cliName())).isEqualTo(r);
        }
        assertThat(DeadlineRule.fromCliName("GENERAL_RESULT")).isNull();
    }

    @Test
    void travelsAsIsoStringsWithTheShanghaiOffset() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Deadline d = calculator.calculate(DeadlineRule.GENERAL_RESULT, OffsetDateTime.parse("2025-01-24T01:00:00Z"));
        String text = json.writeValueAsString(d);
        assertThat(text).isEqualTo("{\"rule\":\"GENERAL_RESULT\",\"startedAt\":\"2025-01-24T09:00:00+08:00\","
                + "\"dueAt\":\"2025-02-07T23:59:59+08:00\"}");
        assertThat(json.readValue(text, Deadline.class)).isEqualTo(d);
        assertThatThrownBy(() -> json.readValue("{\"rule\":\"APPEAL\",\"startedAt\":\"2025-01-24T09:00:00\","
                + "\"dueAt\":\"2025-02-07T23:59:59+08:00\"}", Deadline.class))
                .hasMessageContaining("startedAt");
    }

    @Property
    void aWorkingDayDeadlineEndsAWorkingDayAndIsNotDueAtItsStart(
            @ForAll @IntRange(min = 0, max = 2100) int dayOffset, @ForAll @IntRange(min = 0, max = 86399) int second,
            @ForAll("workingDayRules") DeadlineRule rule) {
        OffsetDateTime start = LocalDate.of(2021, 1, 1).plusDays(dayOffset).atStartOfDay(ShanghaiTime.ZONE)
                .toOffsetDateTime().plusSeconds(second);
        Deadline d = calculator.calculate(rule, start);
        assertThat(d.dueAt().toLocalTime().toString()).isEqualTo("23:59:59");
        assertThat(calculator.calendar().isWorkingDay(d.lastDay())).isTrue();
        assertThat(calculator.calendar().workingDaysBetween(ShanghaiTime.dateOf(start), d.lastDay())).isEqualTo(rule.workingDays());
        assertThat(d.isOverdueAt(start)).isFalse();
        assertThat(d.isOverdueAt(d.dueAt().plusSeconds(1))).isTrue();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<DeadlineRule> workingDayRules() {
        return net.jqwik.api.Arbitraries.of(DeadlineRule.values()).filter(DeadlineRule::countsWorkingDays);
    }
}
