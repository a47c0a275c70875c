package org.haochaping.spring.boot;

import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.client.HcpClient;
import org.haochaping.client.WorkOrderCallbacks;
import org.haochaping.crypto.request.InMemoryReplayGuard;
import org.haochaping.crypto.request.MessageVerifier;
import org.haochaping.crypto.request.ReplayGuard;
import org.haochaping.jdbc.JdbcDialect;
import org.haochaping.jdbc.JdbcOutboxStore;
import org.haochaping.jdbc.JdbcReplayGuard;
import org.haochaping.jdbc.JdbcSchema;
import org.haochaping.jdbc.JdbcTables;
import org.haochaping.outbox.Outbox;
import org.haochaping.outbox.OutboxStore;
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

    @Bean
    @ConditionalOnMissingBean
    public HcpClient hcpClient(HcpProperties properties) {
        if (properties.getBaseUrl() == null) {
            throw new IllegalStateException("hcp.base-url: the central platform's base URL is required");
        }
        return HcpClient.builder().baseUrl(properties.getBaseUrl()).appId(properties.getAppId())
                .signer(HcpKeys.signer(properties.getSigning()))
                .platformVerifier(HcpKeys.platformVerifier(properties.getPlatform().getKeys()))
                .build();
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
    public OutboxStore hcpOutbox(HcpProperties properties, HcpClient client, ObjectProvider<DataSource> dataSources) {
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
                    .pollInterval(settings.getPollInterval()).retention(settings.getRetention()).start();
        }
        return Outbox.builder(settings.getDirectory(), client.outboxSink()).open();
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
        HealthIndicator hcpHealthIndicator(ObjectProvider<OutboxStore> outbox, WorkingDayCalendar calendar) {
            return new HcpHealthIndicator(outbox.getIfAvailable(), calendar, Clock.systemUTC());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean
        HcpMetrics hcpMetrics(ObjectProvider<OutboxStore> outbox) {
            return new HcpMetrics(outbox.getIfAvailable());
        }
    }
}
