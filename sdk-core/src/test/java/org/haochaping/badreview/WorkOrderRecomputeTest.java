package org.haochaping.badreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haochaping.badreview.WorkOrderTransitionTableTest.DEPARTMENT;
import static org.haochaping.badreview.WorkOrderTransitionTableTest.DISTRICT;
import static org.haochaping.badreview.WorkOrderTransitionTableTest.SYSTEM;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.time.OffsetDateTime;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.deadline.Deadline;
import org.haochaping.deadline.DeadlineCalculator;
import org.haochaping.deadline.DeadlineRule;
import org.haochaping.model.Grade;
import org.junit.jupiter.api.Test;

/** Deadlines that crossed into provisional data move when the year's arrangement arrives (docs/calendar.md). */
class WorkOrderRecomputeTest {

    /** A sample 2027 file (not the real notice): 元旦 Jan 1-3 and a make-up working Saturday on Jan 9. */
    private static final String SAMPLE_2027 = "# published: 2026-11-12\n"
            + "2027-01-01\tholiday\t2027\t元旦\n2027-01-02\tholiday\t2027\t元旦\n2027-01-03\tholiday\t2027\t元旦\n"
            + "2027-01-09\tworkday\t2027\t元旦 (sample make-up day)\n";

    @Test
    void aComplexOrderOpenedOn20261220MovesWhenThe2027FileAddsAMakeUpWorkingDay() throws Exception {
        BadReviewWorkflow flow = new BadReviewWorkflow(DeadlineCalculator.official());
        WorkOrder o = flow.open("WO-2027", "EV-1", "CASE-1", Grade.DISSATISFIED, "D001", "120101", SYSTEM,
                OffsetDateTime.parse("2026-12-20T09:00:00+08:00"));
        o = flow.apply(o, WorkOrderAction.dispatch("D001"), DISTRICT, OffsetDateTime.parse("2026-12-20T10:00:00+08:00"));
        o = flow.apply(o, WorkOrderAction.verify(), DEPARTMENT, OffsetDateTime.parse("2026-12-21T09:00:00+08:00"));
        o = flow.apply(o, WorkOrderAction.classify(Category.COMPLEX), DEPARTMENT, OffsetDateTime.parse("2026-12-21T10:00:00+08:00"));

        // Dec 21-25, 28-31 (9), Jan 1 statutory, Jan 4-8 (14), Jan 11 (15): provisional
        Deadline before = deadline(o, DeadlineRule.COMPLEX_RESULT);
        assertThat(before.dueAt()).isEqualTo(OffsetDateTime.parse("2027-01-11T23:59:59+08:00"));
        assertThat(before.provisionalYears()).containsExactly(2027);
        assertThat(new ObjectMapper().writeValueAsString(o)).contains("\"provisional\":true,\"provisionalYears\":[2027]");

        WorkingDayCalendar with2027 = WorkingDayCalendar.official().toBuilder()
                .load(new StringReader(SAMPLE_2027), "holidays-2027.tsv").build();
        WorkOrder recomputed = o.recomputeDeadlines(new DeadlineCalculator(with2027));

        Deadline after = deadline(recomputed, DeadlineRule.COMPLEX_RESULT);
        assertThat(after.dueAt()).isEqualTo(OffsetDateTime.parse("2027-01-09T23:59:59+08:00"));
        assertThat(after.isProvisional()).isFalse();
        assertThat(after.startedAt()).isEqualTo(before.startedAt());
        assertThat(recomputed.history()).hasSameSizeAs(o.history());
        assertThat(recomputed.state()).isEqualTo(o.state());
        // the appeal deadline (Dec 21) never touched 2027 and is unchanged
        assertThat(deadline(recomputed, DeadlineRule.APPEAL)).isEqualTo(deadline(o, DeadlineRule.APPEAL));
        // the recomputed order survives a JSON round trip (its history replays with the stored deadlines)
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readValue(json.writeValueAsString(recomputed), WorkOrder.class)).isEqualTo(recomputed);
    }

    private static Deadline deadline(WorkOrder o, DeadlineRule rule) {
        for (Deadline d : o.deadlines()) {
            if (d.rule() == rule) {
                return d;
            }
        }
        throw new AssertionError("no " + rule + " on " + o);
    }
}
