package org.haochaping.spring.boot;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/** {@code /actuator/health/hcp} on Spring Boot 3 ({@code org.springframework.boot.actuate.health}): {@link HcpHealthCheck}. */
final class HcpHealthIndicator implements HealthIndicator {

    /** The key expires within the warning period: renew it (the application still works). */
    static final Status KEY_EXPIRING = new Status(HcpHealthCheck.KEY_EXPIRING, HcpHealthCheck.KEY_EXPIRING_DESCRIPTION);

    private final HcpHealthCheck check;

    HcpHealthIndicator(HcpHealthCheck check) {
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
