package org.haochaping.spring.boot;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code /actuator/health/hcp} on Spring Boot 4, whose health types moved to {@code org.springframework.boot.health}
 * (module {@code spring-boot-health}): {@link HcpHealthCheck}. Loaded only there (HcpAutoConfiguration.Boot4Health).
 */
final class HcpBoot4HealthIndicator implements HealthIndicator {

    /** The key expires within the warning period: renew it (the application still works). */
    static final Status KEY_EXPIRING = new Status(HcpHealthCheck.KEY_EXPIRING, HcpHealthCheck.KEY_EXPIRING_DESCRIPTION);

    private final HcpHealthCheck check;

    HcpBoot4HealthIndicator(HcpHealthCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        HcpHealthCheck.Result result = check.check();
        Status status = switch (result.status()) {
            case HcpHealthCheck.UP -> Status.UP;
            case HcpHealthCheck.DOWN -> Status.DOWN;
            default -> KEY_EXPIRING;
        };
        return Health.status(status).withDetails(result.details()).build();
    }
}
