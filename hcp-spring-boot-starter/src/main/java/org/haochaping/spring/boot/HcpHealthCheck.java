package org.haochaping.spring.boot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.jdbc.JdbcOutboxStore;
import org.haochaping.outbox.OutboxStore;

/**
 * What {@code /actuator/health/hcp} reports, free of Actuator's types so that one starter serves Spring Boot 3
 * ({@link HcpHealthIndicator}) and Spring Boot 4 ({@link HcpBoot4HealthIndicator}), whose health types live in
 * different packages. Checks the outbox backlog (pending records, the oldest one's age, dead letters), whether the
 * working-day calendar covers today and the next 30 days (deadlines of Art. 16, 20, 21 are counted in working days),
 * whether the platform answers and verifies ({@link PlatformProbe}), and when the signing key expires. DOWN when the
 * outbox cannot be read, today is not covered, the platform cannot be reached or does not verify, or the key has
 * expired; {@link #KEY_EXPIRING} when the key expires within the warning period. The details say why.
 */
final class HcpHealthCheck {

    static final String UP = "UP";
    static final String DOWN = "DOWN";
    /** The key expires within the warning period: renew it (the application still works). */
    static final String KEY_EXPIRING = "KEY_EXPIRING";
    static final String KEY_EXPIRING_DESCRIPTION = "the signing key expires soon";

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** A status code ({@link #UP}, {@link #DOWN}, {@link #KEY_EXPIRING}) and the details, in the order checked. */
    record Result(String status, Map<String, Object> details) {
    }

    private final OutboxStore outbox;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final PlatformProbe platform;
    private final Instant keyExpiresAt;
    private final Duration keyWarning;

    /**
     * @param outbox the outbox, or {@code null} for none
     * @param platform the reachability check, or {@code null} for none
     * @param keyExpiresAt when the signing key expires, or {@code null} when unknown
     */
    HcpHealthCheck(OutboxStore outbox, WorkingDayCalendar calendar, Clock clock, PlatformProbe platform,
            Instant keyExpiresAt, Duration keyWarning) {
        this.outbox = outbox;
        this.calendar = calendar;
        this.clock = clock;
        this.platform = platform;
        this.keyExpiresAt = keyExpiresAt;
        this.keyWarning = keyWarning;
    }

    Result check() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean down = false;
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        boolean coversToday = calendar.covers(today);
        details.put("calendar.coversToday", coversToday);
        details.put("calendar.coversNext30Days", calendar.covers(today.plusDays(30)));
        details.put("calendar.years", calendar.arrangementYears().toString());
        down |= !coversToday;
        if (outbox != null) {
            try {
                details.put("outbox.pending", outbox.pendingCount());
                outbox.oldestAge().ifPresent(age -> details.put("outbox.oldestAgeSeconds", age.getSeconds()));
                if (outbox instanceof JdbcOutboxStore jdbc) {
                    details.put("outbox.deadLetters", jdbc.deadLetterCount());
                }
            } catch (RuntimeException unreadable) {
                down = true;
                details.put("outbox.error", unreadable.getClass().getSimpleName());
            }
        }
        if (platform != null) {
            PlatformProbe.Result result = platform.current();
            if (result == null) {
                details.put("platform.reachable", "checking");
            } else {
                details.put("platform.reachable", result.reachable());
                details.put("platform.checkedAt", result.checkedAt().toString());
                if (result.error() != null) {
                    details.put("platform.error", result.error());
                }
                down |= !result.reachable();
            }
        }
        boolean expiring = false;
        if (keyExpiresAt != null) {
            Duration left = Duration.between(clock.instant(), keyExpiresAt);
            details.put("signingKey.expiresAt", keyExpiresAt.toString());
            details.put("signingKey.daysLeft", Math.max(0, left.toDays()));
            down |= left.isNegative() || left.isZero();
            expiring = left.compareTo(keyWarning) < 0;
        }
        String status = down ? DOWN : expiring ? KEY_EXPIRING : UP;
        return new Result(status, Collections.unmodifiableMap(details));
    }
}
