package org.haochaping.spring.boot;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.jdbc.JdbcOutboxStore;
import org.haochaping.outbox.OutboxStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * {@code /actuator/health/hcp}: the outbox backlog (pending records, the oldest one's age, dead letters) and whether
 * the working-day calendar covers today and the next 30 days (deadlines of Art. 16, 20, 21 are counted in working
 * days). DOWN when the outbox cannot be read or today is not covered; the details say why.
 */
final class HcpHealthIndicator implements HealthIndicator {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final OutboxStore outbox;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    HcpHealthIndicator(OutboxStore outbox, WorkingDayCalendar calendar, Clock clock) {
        this.outbox = outbox;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        boolean coversToday = calendar.covers(today);
        health.withDetail("calendar.coversToday", coversToday)
                .withDetail("calendar.coversNext30Days", calendar.covers(today.plusDays(30)))
                .withDetail("calendar.years", calendar.arrangementYears().toString());
        if (!coversToday) {
            health.down();
        }
        if (outbox != null) {
            try {
                health.withDetail("outbox.pending", outbox.pendingCount());
                outbox.oldestAge().ifPresent(age -> health.withDetail("outbox.oldestAgeSeconds", age.getSeconds()));
                if (outbox instanceof JdbcOutboxStore jdbc) {
                    health.withDetail("outbox.deadLetters", jdbc.deadLetterCount());
                }
            } catch (RuntimeException unreadable) {
                health.down().withDetail("outbox.error", unreadable.getClass().getSimpleName());
            }
        }
        return health.build();
    }
}
