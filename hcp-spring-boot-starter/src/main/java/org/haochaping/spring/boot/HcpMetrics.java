package org.haochaping.spring.boot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.haochaping.event.HcpEventListener;
import org.haochaping.event.OutboxEvent;
import org.haochaping.event.RequestInfo;
import org.haochaping.event.RequestOutcome;
import org.haochaping.event.RetryReason;
import org.haochaping.jdbc.JdbcOutboxStore;
import org.haochaping.outbox.OutboxStore;

/**
 * The SDK's Micrometer meters (docs/server.md, "Metrics"). Gauges of the outbox: {@code hcp.outbox.pending},
 * {@code hcp.outbox.oldest.age} and, for the JDBC store, {@code hcp.outbox.dead.letters} (shared stores count over
 * all instances). Meters of this instance, fed by the SDK's events (this binder is an {@link HcpEventListener} that
 * the starter gives to the client and the outbox): the timer {@code hcp.client.requests} (tags {@code operation},
 * {@code outcome}, {@code code}), the counters {@code hcp.client.retries} ({@code operation}, {@code reason}),
 * {@code hcp.client.unverified} ({@code operation}, {@code reason}), {@code hcp.outbox.delivered} ({@code store},
 * {@code kind}) and {@code hcp.outbox.dead.lettered} ({@code store}, {@code kind}, {@code code}). Tags hold codes and
 * names from small fixed sets, never identifiers.
 */
public final class HcpMetrics implements MeterBinder, HcpEventListener {

    private static final String NONE = "none";

    private final Supplier<OutboxStore> outbox;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

    /**
     * @param outbox the store whose backlog to measure, asked when the binder is bound; it may give {@code null} when
     *     the application has none
     */
    public HcpMetrics(Supplier<OutboxStore> outbox) {
        this.outbox = outbox;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        registries.add(registry);
        OutboxStore store = outbox.get();
        if (store == null) {
            return;
        }
        Gauge.builder("hcp.outbox.pending", store, OutboxStore::pendingCount)
                .description("Outbox records not yet accepted or refused by the platform").register(registry);
        Gauge.builder("hcp.outbox.oldest.age", store, o -> o.oldestAge().map(a -> a.toMillis() / 1000.0).orElse(0.0))
                .description("How long the oldest pending record has waited").baseUnit("seconds").register(registry);
        if (store instanceof JdbcOutboxStore jdbc) {
            Gauge.builder("hcp.outbox.dead.letters", jdbc, JdbcOutboxStore::deadLetterCount)
                    .description("Records the platform refused for good, kept for an operator").register(registry);
        }
    }

    @Override
    public void requestEnd(RequestInfo request, RequestOutcome outcome) {
        String code = outcome.kind() == RequestOutcome.Kind.REFUSED ? outcome.platformCode().orElse(NONE) : NONE;
        for (MeterRegistry r : registries) {
            Timer.builder("hcp.client.requests").description("Requests to the central platform, retries included")
                    .tag("operation", request.operation()).tag("outcome", lower(outcome.kind()))
                    .tag("code", code).register(r).record(outcome.duration());
        }
    }

    @Override
    public void retryScheduled(RequestInfo request, int attempt, Duration delay, RetryReason reason) {
        for (MeterRegistry r : registries) {
            Counter.builder("hcp.client.retries").description("Attempts sent again (5xx, 429, no response, unverified)")
                    .tag("operation", request.operation()).tag("reason", lower(reason)).register(r).increment();
        }
    }

    @Override
    public void responseRefused(RequestInfo request, int attempt, int statusCode, String reason) {
        for (MeterRegistry r : registries) {
            Counter.builder("hcp.client.unverified")
                    .description("Responses whose signature, timestamp or nonce did not verify")
                    .tag("operation", request.operation()).tag("reason", reason.toLowerCase(Locale.ROOT))
                    .register(r).increment();
        }
    }

    @Override
    public void outboxDelivered(OutboxEvent event) {
        for (MeterRegistry r : registries) {
            Counter.builder("hcp.outbox.delivered").description("Outbox records the platform accepted")
                    .tag("store", event.store()).tag("kind", event.kind()).register(r).increment();
        }
    }

    @Override
    public void outboxDeadLettered(OutboxEvent event) {
        for (MeterRegistry r : registries) {
            Counter.builder("hcp.outbox.dead.lettered").description("Outbox records the platform refused for good")
                    .tag("store", event.store()).tag("kind", event.kind())
                    .tag("code", event.platformCode().orElse(NONE)).register(r).increment();
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
