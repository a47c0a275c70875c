package org.haochaping.spring.boot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.jdbc.JdbcOutboxStore;
import org.haochaping.outbox.OutboxStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * {@code /actuator/health/hcp}: the outbox backlog (pending records, the oldest one's age, dead letters), whether the
 * working-day calendar covers today and the next 30 days (deadlines of Art. 16, 20, 21 are counted in working days),
 * whether the platform answers and verifies ({@link PlatformProbe}), and when the signing key expires. DOWN when the
 * outbox cannot be read, today is not covered, the platform cannot be reached or does not verify, or the key has
 * expired; {@link #KEY_EXPIRING} when the key expires within the warning period. The details say why.
 */
final class HcpHealthIndicator implements HealthIndicator {

    /** The key expires within the warning period: renew it (the application still works). */
    static final Status KEY_EXPIRING = new Status("KEY_EXPIRING", "the signing key expires soon");

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final OutboxStore outbox;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final PlatformProbe platform;
    private final Instant keyExpiresAt;
    private final Duration keyWarning;

    /**
     * @param platform the reachability check, or {@code null} for none
     * @param keyExpiresAt when the signing key expires, or {@code null} when unknown
     */
    HcpHealthIndicator(OutboxStore outbox, WorkingDayCalendar calendar, Clock clock, PlatformProbe platform,
            Instant keyExpiresAt, Duration keyWarning) {
        this.outbox = outbox;
        this.calendar = calendar;
        this.clock = clock;
        this.platform = platform;
        this.keyExpiresAt = keyExpiresAt;
        this.keyWarning = keyWarning;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        boolean down = false;
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        boolean coversToday = calendar.covers(today);
        health.withDetail("calendar.coversToday", coversToday)
                .withDetail("calendar.coversNext30Days", calendar.covers(today.plusDays(30)))
                .withDetail("calendar.years", calendar.arrangementYears().toString());
        down |= !coversToday;
        if (outbox != null) {
            try {
                health.withDetail("outbox.pending", outbox.pendingCount());
                outbox.oldestAge().ifPresent(age -> health.withDetail("outbox.oldestAgeSeconds", age.getSeconds()));
                if (outbox instanceof JdbcOutboxStore jdbc) {
                    health.withDetail("outbox.deadLetters", jdbc.deadLetterCount());
                }
            } catch (RuntimeException unreadable) {
                down = true;
                health.withDetail("outbox.error", unreadable.getClass().getSimpleName());
            }
        }
        if (platform != null) {
            PlatformProbe.Result result = platform.current();
            if (result == null) {
                health.withDetail("platform.reachable", "checking");
            } else {
                health.withDetail("platform.reachable", result.reachable())
                        .withDetail("platform.checkedAt", result.checkedAt().toString());
                if (result.error() != null) {
                    health.withDetail("platform.error", result.error());
                }
                down |= !result.reachable();
            }
        }
        boolean expiring = false;
        if (keyExpiresAt != null) {
            Duration left = Duration.between(clock.instant(), keyExpiresAt);
            health.withDetail("signingKey.expiresAt", keyExpiresAt.toString())
                    .withDetail("signingKey.daysLeft", Math.max(0, left.toDays()));
            down |= left.isNegative() || left.isZero();
            expiring = left.compareTo(keyWarning) < 0;
        }
        if (down) {
            health.down();
        } else if (expiring) {
            health.status(KEY_EXPIRING);
        }
        return health.build();
    }
}
