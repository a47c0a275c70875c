package org.haochaping.spring.boot.boot4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.haochaping.spring.boot.HcpAutoConfiguration;
import org.haochaping.spring.boot.WorkOrderHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter jar built for Spring Boot 3.5, on Spring Boot 4.0 (this module's class path comes from Boot 4.0's BOM):
 * registration, the client, the JDBC outbox joining Boot 4's transaction manager, the file outbox, the callback
 * endpoint, the health indicator and the meters through Actuator over real HTTP, and the application's beans winning.
 */
class Boot4CompatibilityTest {

    @TempDir
    static Path temp;
    static final PrivateKeyMaterial APP_KEY = PrivateKeyMaterial.generateSm2();
    static final PrivateKeyMaterial PLATFORM_KEY = PrivateKeyMaterial.generateSm2();
    static final List<WorkOrder> RECEIVED = Collections.synchronizedList(new ArrayList<>());
    static String[] base;

    @BeforeAll
    static void keys() throws Exception {
        Path app = Files.writeString(temp.resolve("app.pem"), APP_KEY.exportPkcs8Pem());
        Path platform = Files.writeString(temp.resolve("platform.pem"), PLATFORM_KEY.publicKey().toPem());
        // nothing listens on port 9: deliveries fail and stay pending, which is what the backlog checks count
        base = new String[] {"hcp.base-url=http://127.0.0.1:9/api", "hcp.app-id=app-001",
                "hcp.signing.key-id=app-key-1", "hcp.signing.private-key=file:" + app,
                "hcp.platform.keys.plat-1=file:" + platform,
                "hcp.outbox.directory=" + temp.resolve("outbox-" + UUID.randomUUID()), "hcp.health.platform=false"};
    }

    /** A department system as an application on Boot 4 writes it: auto-configuration finds the starter. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class DepartmentApplication {

        @Bean
        WorkOrderHandler workOrderHandler() {
            return RECEIVED::add;
        }
    }

    @Test
    void theseTestsRunOnSpringBoot40WithoutBoot3sActuatorTypes() {
        assertThat(SpringBootVersion.getVersion()).startsWith("4.0");
        ClassLoader loader = getClass().getClassLoader();
        assertThat(ClassUtils.isPresent("org.springframework.boot.actuate.health.HealthIndicator", loader)).isFalse();
        assertThat(ClassUtils.isPresent("org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                loader)).isFalse();
    }

    @Test
    void aBoot4ApplicationGetsTheJdbcOutboxHealthMetricsAndTheCallbackEndpoint() throws Exception {
        String prefix = "b" + UUID.randomUUID().toString().substring(0, 8) + "_";
        List<String> properties = new ArrayList<>(List.of(base));
        properties.addAll(List.of("server.port=0", "server.address=127.0.0.1",
                "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "hcp.outbox.table-prefix=" + prefix, "hcp.callbacks.path=/dept/hcp-push",
                "management.endpoints.web.exposure.include=health,metrics",
                "management.endpoint.health.show-details=always"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DepartmentApplication.class)
                .properties(properties.toArray(String[]::new)).run()) {
            assertThat(SpringBootVersion.getVersion()).startsWith("4.0");
            assertThat(app.getBean(HcpClient.class)).isNotNull();
            assertThat(app.getBean(WorkOrderCallbacks.class)).isNotNull();
            OutboxStore outbox = app.getBean(OutboxStore.class);
            assertThat(outbox).isInstanceOf(JdbcOutboxStore.class);
            assertThat(app.getBean(ReplayGuard.class)).isInstanceOf(JdbcReplayGuard.class);

            // the transactional outbox with the transaction manager Boot 4 configures for the DataSource
            TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
            byte[] record = "{\"records\":[]}".getBytes(StandardCharsets.UTF_8);
            tx.executeWithoutResult(status -> {
                outbox.submit(HcpClient.KIND_EVALUATIONS, record);
                status.setRollbackOnly();
            });
            assertThat(outbox.pendingCount()).as("rolled back with the business change").isZero();
            tx.executeWithoutResult(status -> outbox.submit(HcpClient.KIND_EVALUATIONS, record));
            assertThat(outbox.pendingCount()).as("committed with it").isOne();

            String root = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
            ObjectMapper json = new ObjectMapper();

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(root + "/actuator/health/hcp"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            JsonNode hcp = json.readTree(health.body());
            assertThat(hcp.path("status").asText()).isEqualTo("UP");
            assertThat(hcp.path("details").path("outbox.pending").asInt()).isEqualTo(1);
            assertThat(hcp.path("details").path("outbox.deadLetters").asInt()).isZero();
            assertThat(hcp.path("details").path("calendar.coversToday").asBoolean()).isTrue();

            HttpResponse<String> pending = http.send(HttpRequest.newBuilder(
                    URI.create(root + "/actuator/metrics/hcp.outbox.pending")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(pending.statusCode()).as(pending.body()).isEqualTo(200);
            assertThat(json.readTree(pending.body()).path("measurements").get(0).path("value").asDouble())
                    .isEqualTo(1.0);

            byte[] body = callbackBody();
            Map<String, String> signed = platformSigner().sign(MessageDirection.REQUEST, "app-001", "POST",
                    "/dept/hcp-push", null, body).asMap();
            HttpRequest.Builder push = HttpRequest.newBuilder(URI.create(root + "/dept/hcp-push"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
            signed.forEach(push::header);
            HttpResponse<String> accepted = http.send(push.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
            assertThat(json.readTree(accepted.body()).path("code").asText()).isEqualTo("OK");
            assertThat(RECEIVED).extracting(WorkOrder::orderNo).containsExactly("WO-9");

            HttpResponse<String> replayed = http.send(push.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(replayed.statusCode()).isEqualTo(401);
            assertThat(json.readTree(replayed.body()).path("reason").asText()).isEqualTo("REPLAYED");
            HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(root + "/dept/hcp-push"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(unsigned.statusCode()).isEqualTo(401);
            assertThat(RECEIVED).hasSize(1);
        }
    }

    @Test
    void withoutADataSourceTheOutboxIsTheFileJournalAndTheIndicatorIsBoot4s() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HcpAutoConfiguration.class))
                .withPropertyValues(base).run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(HcpClient.class);
                    assertThat(context.getBean(OutboxStore.class)).isInstanceOf(Outbox.class);
                    assertThat(context.getBean(ReplayGuard.class)).isInstanceOf(InMemoryReplayGuard.class);
                    Health health = context.getBean("hcpHealthIndicator", HealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("outbox.pending", 0)
                            .doesNotContainKey("outbox.deadLetters");
                });
    }

    @Test
    void theHealthIndicatorIsRegisteredWithBoot4sActuatorAndReportsKeyExpiry() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneOffset.UTC);
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HcpAutoConfiguration.class,
                        org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration.class,
                        org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration.class))
                .withPropertyValues(base).withPropertyValues("hcp.outbox.store=none")
                .withBean(Clock.class, () -> clock);
        runner.withPropertyValues("hcp.signing.expires-at=2026-12-20").run(context -> {
            HealthIndicator hcp = (HealthIndicator) context.getBean(HealthContributorRegistry.class)
                    .getContributor("hcp");
            assertThat(hcp).as("registered under the name 'hcp'").isNotNull();
            Health health = hcp.health();
            assertThat(health.getStatus().getCode()).isEqualTo("KEY_EXPIRING");
            assertThat(health.getDetails()).containsEntry("signingKey.daysLeft", 15L);
        });
        runner.withPropertyValues("hcp.signing.expires-at=2026-12-05T09:00:00+08:00").run(context ->
                assertThat(context.getBean("hcpHealthIndicator", HealthIndicator.class).health().getStatus())
                        .isEqualTo(Status.DOWN));
    }

    @Test
    void theApplicationsOwnBeansWin() {
        ReplayGuard guard = new InMemoryReplayGuard(7);
        WorkingDayCalendar calendar = WorkingDayCalendar.official();
        HealthIndicator indicator = () -> Health.outOfService().build();
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                        org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class,
                        HcpAutoConfiguration.class))
                .withPropertyValues(base)
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "hcp.outbox.table-prefix=w" + UUID.randomUUID().toString().substring(0, 8) + "_")
                .withBean("myGuard", ReplayGuard.class, () -> guard)
                .withBean("myCalendar", WorkingDayCalendar.class, () -> calendar)
                .withBean("myOutbox", OutboxStore.class,
                        () -> Outbox.builder(temp.resolve("mine-" + UUID.randomUUID()), r -> { }).open())
                .withBean("hcpHealthIndicator", HealthIndicator.class, () -> indicator)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ReplayGuard.class)).isSameAs(guard);
                    assertThat(context.getBean(WorkingDayCalendar.class)).isSameAs(calendar);
                    assertThat(context.getBeansOfType(OutboxStore.class)).containsOnlyKeys("myOutbox");
                    assertThat(context.getBean("hcpHealthIndicator")).isSameAs(indicator);
                });
    }

    private static MessageSigner platformSigner() {
        return MessageSigner.builder(Sm2Signer.builder(PLATFORM_KEY).keyId("plat-1").build()).appId("app-001").build();
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
}
