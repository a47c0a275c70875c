package org.haochaping.conformance.kit;

import org.haochaping.calendar.DateNotCoveredException;
import org.haochaping.calendar.ShanghaiTime;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.deadline.DeadlineCalculator;
import org.haochaping.deadline.DeadlineRule;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Checks one working-day case against the SDK's bundled official calendar in strict mode
 * ({@code UncoveredDatePolicy.STRICT}): a {@code PlusWorkingDaysTest} with
 * {@link WorkingDayCalendar#plusWorkingDays(LocalDate, int)}, a {@code DeadlineTest} with
 * {@link DeadlineCalculator} (Art. 16, 20, 21). A {@code valid} case must give the expected date or deadline
 * (the same instant, written with {@code +08:00}); an {@code invalid} one, a count reaching a day no loaded
 * arrangement covers, must be refused with {@link DateNotCoveredException} rather than guessed.
 */
public final class WorkingDaysVectorCheck {

    /** The vectors describe strict behaviour: the SDK's provisional default would answer the refusal cases. */
    private static final DeadlineCalculator CALCULATOR = new DeadlineCalculator(WorkingDayCalendar.official().toBuilder()
            .whenUncovered(org.haochaping.calendar.UncoveredDatePolicy.STRICT).build());

    private WorkingDaysVectorCheck() {
    }

    public static CaseResult check(VectorCase c) {
        String type = c.group().path("type").asText();
        String actual;
        String expected;
        boolean matches;
        try {
            switch (type) {
                case "PlusWorkingDaysTest" -> {
                    actual = CALCULATOR.calendar().plusWorkingDays(LocalDate.parse(c.test().path("from").asText()),
                            c.test().path("workingDays").asInt()).toString();
                    expected = c.test().path("expected").asText();
                    matches = actual.equals(expected);
                }
                case "DeadlineTest" -> {
                    DeadlineRule rule = DeadlineRule.fromCliName(c.test().path("rule").asText());
                    if (rule == null) {
                        throw new VectorFileException(c.id() + ": unknown rule '" + c.test().path("rule").asText() + "'");
                    }
                    OffsetDateTime due = CALCULATOR.calculate(rule,
                            OffsetDateTime.parse(c.test().path("startedAt").asText())).dueAt();
                    actual = ShanghaiTime.format(due);
                    expected = c.test().path("dueAt").asText();
                    // the same local time in +08:00, however the seconds are written
                    matches = c.expectsValid() && OffsetDateTime.parse(expected).equals(due);
                }
                default -> throw new VectorFileException(c.id() + ": unknown group type '" + type + "'");
            }
        } catch (DateNotCoveredException e) {
            return c.expectsValid()
                    ? CaseResult.fail(c, "invalid (DATE_NOT_COVERED)", "expected valid, but the calendar refused: "
                            + e.getMessage())
                    : CaseResult.pass(c, "invalid (DATE_NOT_COVERED)");
        } catch (VectorFileException e) {
            throw e;
        } catch (RuntimeException e) {
            return CaseResult.threw(c, e);
        }
        if (!c.expectsValid()) {
            return CaseResult.fail(c, "valid, " + actual,
                    "expected DATE_NOT_COVERED, but the SDK answered for a day no arrangement covers");
        }
        return matches ? CaseResult.pass(c, "valid, " + actual)
                : CaseResult.fail(c, "valid, " + actual, "expected " + expected + ", the SDK gave " + actual);
    }
}
