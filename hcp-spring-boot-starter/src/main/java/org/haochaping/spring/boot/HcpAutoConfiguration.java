package org.haochaping.spring.boot;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import javax.sql.DataSource;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.client.HcpClient;
import org.haochaping.client.WorkOrderCallbacks;
import org.haochaping.crypto.request.InMemoryReplayGuard;
import org.haochaping.crypto.request.MessageVerifier;
import org.haochaping.crypto.request.ReplayGuard;
import org.haochaping.event.HcpEventListener;
import org.haochaping.jdbc.JdbcDialect;
import org.haochaping.jdbc.JdbcOutboxStore;
import org.haochaping.jdbc.JdbcReplayGuard;
import org.haochaping.jdbc.JdbcSchema;
import org.haochaping.jdbc.JdbcTables;
import org.haochaping.jdbc.JdbcTrackerStore;
import org.haochaping.outbox.Outbox;
import org.haochaping.outbox.OutboxStore;
import org.haochaping.tracking.EvaluationTracker;
import org.haochaping.tracking.InMemoryTrackerStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the SDK into a Spring Boot application from {@code hcp.*} (docs/server.md). Active once {@code hcp.app-id} is
 * set. Every bean backs off when the application declares its own of the same type.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@ConditionalOnProperty(prefix = "hcp", name = "app-id")
@EnableConfigurationProperties(HcpProperties.class)
public class HcpAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public WorkingDayCalendar hcpWorkingDayCalendar() {
        return WorkingDayCalendar.official();
    }

    /** Every {@link HcpEventListener} bean (the metrics binder among them) hears the client's requests. */
    @Bean
    @ConditionalOnMissingBean
    public HcpClient hcpClient(HcpProperties properties, ObjectProvider<HcpEventListener> listeners) {
        if (properties.getBaseUrl() == null) {
            throw new IllegalStateException("hcp.base-url: the central platform's base URL is required");
        }
        return HcpClient.builder().baseUrl(properties.getBaseUrl()).appId(properties.getAppId())
                .signer(HcpKeys.signer(properties.getSigning()))
                .platformVerifier(HcpKeys.platformVerifier(properties.getPlatform().getKeys()))
                .eventListener(listeners(listeners))
                .build();
    }

    private static HcpEventListener listeners(ObjectProvider<HcpEventListener> listeners) {
        return HcpEventListener.guarded(listeners.orderedStream().toList());
    }

    /**
     * The Art. 16 tracker (reminders after 24 hours, 未评 after the 5th working day): its cases in the application's
     * database when it has one, so that every instance shares them and each act is claimed once; else in memory.
     */
    @Bean
    @ConditionalOnMissingBean
    public EvaluationTracker hcpEvaluationTracker(HcpProperties properties, ObjectProvider<DataSource> dataSources,
            WorkingDayCalendar calendar) {
        DataSource dataSource = dataSources.getIfUnique();
        EvaluationTracker.Builder tracker = EvaluationTracker.builder().calendar(calendar);
        if (dataSource != null && properties.getOutbox().getStore() != HcpProperties.StoreType.FILE) {
            JdbcTables tables = JdbcTables.withPrefix(properties.getOutbox().getTablePrefix());
            initializeSchema(properties, dataSource, tables);
            tracker.store(new JdbcTrackerStore(dataSource, tables));
        } else {
            tracker.store(new InMemoryTrackerStore());
        }
        return tracker.build();
    }

    /** In the application's database when it has one, so every instance sees every nonce; else in memory. */
    @Bean
    @ConditionalOnMissingBean
    public ReplayGuard hcpReplayGuard(HcpProperties properties, ObjectProvider<DataSource> dataSources) {
        DataSource dataSource = dataSources.getIfUnique();
        if (dataSource == null || properties.getOutbox().getStore() == HcpProperties.StoreType.FILE) {
            return new InMemoryReplayGuard(MessageVerifier.DEFAULT_REPLAY_CAPACITY);
        }
        JdbcTables tables = JdbcTables.withPrefix(properties.getOutbox().getTablePrefix());
        initializeSchema(properties, dataSource, tables);
        return new JdbcReplayGuard(dataSource, tables);
    }

    /**
     * {@code hcp.outbox.store}: {@code jdbc} (the default when a DataSource exists), {@code file} (the default
     * otherwise) or {@code none}.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnExpression("!'${hcp.outbox.store:}'.equalsIgnoreCase('none')")
    public OutboxStore hcpOutbox(HcpProperties properties, HcpClient client, ObjectProvider<DataSource> dataSources,
            ObjectProvider<HcpEventListener> listeners) {
        HcpProperties.Outbox settings = properties.getOutbox();
        DataSource dataSource = dataSources.getIfUnique();
        HcpProperties.StoreType store = settings.getStore() != null ? settings.getStore()
                : dataSource != null ? HcpProperties.StoreType.JDBC : HcpProperties.StoreType.FILE;
        if (store == HcpProperties.StoreType.JDBC) {
            if (dataSource == null) {
                throw new IllegalStateException("hcp.outbox.store=jdbc needs one DataSource bean; there is none");
            }
            JdbcTables tables = JdbcTables.withPrefix(settings.getTablePrefix());
            initializeSchema(properties, dataSource, tables);
            return JdbcOutboxStore.builder(dataSource, client.outboxSink()).tables(tables)
                    .transactionJoin(new SpringTransactionJoin(dataSource)).lease(settings.getLease())
                    .pollInterval(settings.getPollInterval()).retention(settings.getRetention())
                    .eventListener(listeners(listeners)).start();
        }
        return Outbox.builder(settings.getDirectory(), client.outboxSink()).eventListener(listeners(listeners)).open();
    }

    @Bean
    @ConditionalOnMissingBean
    public WorkOrderCallbacks hcpWorkOrderCallbacks(HcpProperties properties, ReplayGuard replayGuard) {
        return WorkOrderCallbacks.create(properties.getAppId(),
                HcpKeys.platformVerifier(properties.getPlatform().getKeys()), Clock.systemUTC(), replayGuard);
    }

    private static void initializeSchema(HcpProperties properties, DataSource dataSource, JdbcTables tables) {
        if (!properties.getOutbox().isInitializeSchema()) {
            return;
        }
        try (java.sql.Connection c = dataSource.getConnection()) {
            JdbcSchema.apply(dataSource, JdbcDialect.detect(c), tables);
        } catch (SQLException failed) {
            throw new IllegalStateException("hcp.outbox.initialize-schema: creating " + tables + " failed: "
                    + failed.getMessage(), failed);
        }
    }

    /** The callback endpoint, when the application handles work orders and serves Spring MVC. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    @ConditionalOnBean(WorkOrderHandler.class)
    static class Callbacks {

        @Bean
        @ConditionalOnMissingBean
        HcpCallbackController hcpCallbackController(WorkOrderCallbacks callbacks, WorkOrderHandler handler) {
            return new HcpCallbackController(callbacks, handler);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "hcpHealthIndicator")
        HealthIndicator hcpHealthIndicator(HcpProperties properties, ObjectProvider<OutboxStore> outbox,
                WorkingDayCalendar calendar, ObjectProvider<HcpClient> client, ObjectProvider<Clock> clocks) {
            Clock clock = clocks.getIfUnique(Clock::systemUTC);
            HcpProperties.Health settings = properties.getHealth();
            HcpClient platform = settings.isPlatform() ? client.getIfAvailable() : null;
            return new HcpHealthIndicator(outbox.getIfAvailable(), calendar, clock,
                    platform == null ? null : new PlatformProbe(platform, clock, settings.getPlatformInterval(),
                            settings.getPlatformWait()),
                    keyExpiry(properties.getSigning().getExpiresAt()), properties.getSigning().getExpiryWarning());
        }

        /** {@code hcp.signing.expires-at}: a date (valid through that day, Beijing time) or a date-time with offset. */
        static Instant keyExpiry(String expiresAt) {
            if (expiresAt == null || expiresAt.isBlank()) {
                return null;
            }
            try {
                if (expiresAt.length() == 10) {
                    return LocalDate.parse(expiresAt).plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
                }
                return OffsetDateTime.parse(expiresAt).toInstant();
            } catch (DateTimeParseException wrong) {
                throw new IllegalStateException("hcp.signing.expires-at: '" + expiresAt + "' is neither a date"
                        + " (2027-06-30) nor a date-time with offset (2027-06-30T18:00:00+08:00)", wrong);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean
        HcpMetrics hcpMetrics(ObjectProvider<OutboxStore> outbox) {
            return new HcpMetrics(outbox::getIfAvailable);
        }
    }
}
