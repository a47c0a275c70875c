package org.haochaping.spring.boot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.haochaping.badreview.Actor;
import org.haochaping.badreview.ActorRole;
import org.haochaping.badreview.BadReviewWorkflow;
import org.haochaping.badreview.WorkOrder;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.client.HcpClient;
import org.haochaping.client.WorkOrderCallbacks;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.request.InMemoryReplayGuard;
import org.haochaping.crypto.request.MessageDirection;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.request.ReplayGuard;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.deadline.DeadlineCalculator;
import org.haochaping.jdbc.JdbcOutboxStore;
import org.haochaping.jdbc.JdbcReplayGuard;
import org.haochaping.model.Grade;
import org.haochaping.outbox.Outbox;
import org.haochaping.outbox.OutboxStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The starter's auto-configuration, one property combination at a time, and the application's own beans winning. */
class HcpAutoConfigurationTest {

    @TempDir
    static Path temp;
    static final PrivateKeyMaterial APP_KEY = PrivateKeyMaterial.generateSm2();
    static final PrivateKeyMaterial PLATFORM_KEY = PrivateKeyMaterial.generateSm2();
    static String[] base;

    @BeforeAll
    static void keys() throws Exception {
        Path app = Files.writeString(temp.resolve("app.pem"), APP_KEY.exportPkcs8Pem());
        Path platform = Files.writeString(temp.resolve("platform.pem"), PLATFORM_KEY.publicKey().toPem());
        base = new String[] {"hcp.base-url=http://127.0.0.1:9/api", "hcp.app-id=app-001",
                "hcp.signing.key-id=app-key-1", "hcp.signing.private-key=file:" + app,
                "hcp.platform.keys.plat-1=file:" + platform, "hcp.outbox.directory=" + temp.resolve("outbox-" + UUID.randomUUID()),
                "hcp.outbox.poll-interval=200ms"};
    }

    private static ApplicationContextRunner plain() {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HcpAutoConfiguration.class));
    }

    private static ApplicationContextRunner withDatabase() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HcpAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "hcp.outbox.table-prefix=s" + UUID.randomUUID().toString().substring(0, 8) + "_");
    }

    @Test
    void withoutAnAppIdNothingIsConfigured() {
        plain().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(HcpClient.class).doesNotHaveBean(OutboxStore.class)
                    .doesNotHaveBean(ReplayGuard.class);
        });
    }

    @Test
    void withADataSourceTheOutboxAndTheReplayGuardAreSharedTables() {
        withDatabase().withPropertyValues(base).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(HcpClient.class).hasSingleBean(WorkingDayCalendar.class)
                    .hasSingleBean(WorkOrderCallbacks.class);
            assertThat(context.getBean(OutboxStore.class)).isInstanceOf(JdbcOutboxStore.class);
            assertThat(context.getBean(ReplayGuard.class)).isInstanceOf(JdbcReplayGuard.class);
            String prefix = context.getEnvironment().getProperty("hcp.outbox.table-prefix");
            try (Connection c = context.getBean(DataSource.class).getConnection();
                    ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + prefix + "outbox")) {
                assertThat(rs.next()).as("hcp.outbox.initialize-schema created the table").isTrue();
            }
        });
    }

    @Test
    void aSubmitInsideASpringTransactionCommitsAndRollsBackWithIt() {
        withDatabase().withPropertyValues(base).run(context -> {
            DataSource dataSource = context.getBean(DataSource.class);
            OutboxStore outbox = context.getBean(OutboxStore.class);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            tx.executeWithoutResult(status -> {
                outbox.submit(HcpClient.KIND_EVALUATIONS, "{\"records\":[]}".getBytes(StandardCharsets.UTF_8));
                status.setRollbackOnly();
            });
            assertThat(outbox.pendingCount()).as("rolled back with the business change").isZero();
            tx.executeWithoutResult(status ->
                    outbox.submit(HcpClient.KIND_EVALUATIONS, "{\"records\":[]}".getBytes(StandardCharsets.UTF_8)));
            assertThat(outbox.pendingCount()).as("committed with it").isOne();
        });
    }

    @Test
    void withoutADataSourceTheOutboxIsTheFileJournalAndNoncesStayInMemory() {
        plain().withPropertyValues(base).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(OutboxStore.class)).isInstanceOf(Outbox.class);
            assertThat(context.getBean(ReplayGuard.class)).isInstanceOf(InMemoryReplayGuard.class);
        });
    }

    @Test
    void theStorePropertyChoosesFileOrNoneAndJdbcNeedsADataSource() {
        withDatabase().withPropertyValues(base).withPropertyValues("hcp.outbox.store=file").run(context ->
                assertThat(context.getBean(OutboxStore.class)).isInstanceOf(Outbox.class));
        withDatabase().withPropertyValues(base).withPropertyValues("hcp.outbox.store=none").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(OutboxStore.class);
            assertThat(context).hasSingleBean(HcpClient.class);
        });
        plain().withPropertyValues(base).withPropertyValues("hcp.outbox.store=jdbc").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("hcp.outbox.store=jdbc"));
    }

    @Test
    void missingOrUnreadableSettingsFailNamingTheProperty() {
        plain().withPropertyValues("hcp.app-id=app-001").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("hcp.base-url"));
        Path notAKey = temp.resolve("not-a-key.pem");
        plain().withPropertyValues(base).withPropertyValues("hcp.signing.private-key=file:" + notAKey).run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("hcp.signing.private-key"));
    }

    @Test
    void theApplicationsOwnBeansWin() {
        ReplayGuard mine = new InMemoryReplayGuard(7);
        WorkingDayCalendar calendar = WorkingDayCalendar.official();
        withDatabase().withPropertyValues(base)
                .withBean("myGuard", ReplayGuard.class, () -> mine)
                .withBean("myCalendar", WorkingDayCalendar.class, () -> calendar)
                .run(context -> {
                    assertThat(context.getBean(ReplayGuard.class)).isSameAs(mine);
                    assertThat(context.getBean(WorkingDayCalendar.class)).isSameAs(calendar);
                });
        plain().withPropertyValues(base)
                .withBean("myOutbox", OutboxStore.class, () -> Outbox.builder(temp.resolve("mine-" + UUID.randomUUID()),
                        record -> { }).open())
                .run(context -> assertThat(context.getBeansOfType(OutboxStore.class)).containsOnlyKeys("myOutbox"));
    }

    @Test
    void healthAndMetricsReportTheOutboxBacklog() {
        // no platform at this base URL: its check has a test of its own (HcpObservabilityTest)
        withDatabase().withPropertyValues(base).withPropertyValues("hcp.health.platform=false").run(context -> {
            OutboxStore outbox = context.getBean(OutboxStore.class);
            outbox.submit(HcpClient.KIND_EVALUATIONS, "{\"records\":[]}".getBytes(StandardCharsets.UTF_8));
            HealthIndicator health = context.getBean("hcpHealthIndicator", HealthIndicator.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(health.health().getDetails()).containsEntry("outbox.pending", 1)
                    .containsEntry("outbox.deadLetters", 0L).containsEntry("calendar.coversToday", true);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(HcpMetrics.class).bindTo(registry);
            assertThat(registry.get("hcp.outbox.pending").gauge().value()).isEqualTo(1.0);
            assertThat(registry.get("hcp.outbox.dead.letters").gauge().value()).isZero();
        });
    }

    @Test
    void configurationMetadataDescribesTheProperties() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            List<String> names = new ArrayList<>();
            new ObjectMapper().readTree(in).path("properties").forEach(p -> names.add(p.path("name").asText()));
            assertThat(names).contains("hcp.base-url", "hcp.app-id", "hcp.signing.key-id", "hcp.signing.private-key",
                    "hcp.signing.key-password", "hcp.platform.keys", "hcp.outbox.store", "hcp.outbox.directory",
                    "hcp.callbacks.path");
        }
    }

    private static byte[] callbackBody() throws Exception {
        WorkOrder order = new BadReviewWorkflow(new DeadlineCalculator(WorkingDayCalendar.official()))
                .open("WO-9", "E9", "TJ2026112600109", Grade.DISSATISFIED, "11120000MB01234566", "120101",
                        Actor.of(ActorRole.SYSTEM, "hcp-platform"), OffsetDateTime.parse("2026-03-05T15:30:00+08:00"));
        Map<String, Object> callback = new HashMap<>();
        callback.put("event", "WORK_ORDER");
        callback.put("workOrder", order);
        return new ObjectMapper().findAndRegisterModules().writeValueAsBytes(callback);
    }

    @Test
    void theCallbackEndpointVerifiesHandsOverAndRefusesAReplay() throws Exception {
        List<WorkOrder> received = new ArrayList<>();
        MessageSigner platform = MessageSigner.builder(Sm2Signer.builder(PLATFORM_KEY).keyId("plat-1").build())
                .appId("app-001").build();
        byte[] body = callbackBody();
        Map<String, String> signed = platform.sign(MessageDirection.REQUEST, "app-001", "POST", "/dept/hcp-push", null,
                body).asMap();
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
                        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
                        JacksonAutoConfiguration.class, HcpAutoConfiguration.class))
                .withPropertyValues(base).withPropertyValues("hcp.callbacks.path=/dept/hcp-push", "hcp.outbox.store=none")
                .withBean(WorkOrderHandler.class, () -> received::add)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(HcpCallbackController.class);
                    MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
                    MockHttpServletRequestBuilder request = post("/dept/hcp-push").content(body)
                            .contentType("application/json");
                    signed.forEach(request::header);
                    mvc.perform(request).andExpect(status().isOk()).andExpect(jsonPath("$.code").value("OK"));
                    assertThat(received).extracting(WorkOrder::orderNo).containsExactly("WO-9");
                    mvc.perform(request).andExpect(status().isUnauthorized())
                            .andExpect(jsonPath("$.reason").value("REPLAYED"));
                    MockHttpServletRequestBuilder unsigned = post("/dept/hcp-push").content(body)
                            .contentType("application/json");
                    mvc.perform(unsigned).andExpect(status().isUnauthorized());
                    assertThat(received).hasSize(1);
                });
    }
}
