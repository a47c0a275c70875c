package org.haochaping.spring.boot;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.haochaping.jdbc.JdbcOutboxStore;
import org.haochaping.outbox.OutboxStore;

/**
 * Micrometer gauges of the outbox (docs/server.md): {@code hcp.outbox.pending} (records waiting),
 * {@code hcp.outbox.oldest.age} (seconds the oldest has waited) and, for the JDBC store,
 * {@code hcp.outbox.dead.letters}. Shared stores count over all instances, so alert on one instance's value.
 */
public final class HcpMetrics implements MeterBinder {

    private final OutboxStore outbox;

    /** @param outbox the store to measure, or {@code null} when the application has none (nothing to bind) */
    public HcpMetrics(OutboxStore outbox) {
        this.outbox = outbox;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (outbox == null) {
            return;
        }
        Gauge.builder("hcp.outbox.pending", outbox, OutboxStore::pendingCount)
                .description("Outbox records not yet accepted or refused by the platform").register(registry);
        Gauge.builder("hcp.outbox.oldest.age", outbox, o -> o.oldestAge().map(a -> a.toMillis() / 1000.0).orElse(0.0))
                .description("How long the oldest pending record has waited").baseUnit("seconds").register(registry);
        if (outbox instanceof JdbcOutboxStore jdbc) {
            Gauge.builder("hcp.outbox.dead.letters", jdbc, JdbcOutboxStore::deadLetterCount)
                    .description("Records the platform refused for good, kept for an operator").register(registry);
        }
    }
}
