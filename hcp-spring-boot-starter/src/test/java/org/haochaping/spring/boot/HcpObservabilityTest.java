package org.haochaping.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.client.HcpClient;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.event.HcpEventListener;
import org.haochaping.event.RequestInfo;
import org.haochaping.event.RequestOutcome;
import org.haochaping.model.BusinessKind;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.HandlingMode;
import org.haochaping.outbox.OutboxStore;
import org.haochaping.tracking.EvaluationTracker;
import org.haochaping.transport.ServiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The starter's metrics, health checks and tracker bean, through real signed calls to a platform on a real HTTP
 * server (the JDK's, with responses signed by the SDK's own {@code MessageSigner}).
 */
class HcpObservabilityTest {

    private static final String APP = "app-001";
    private static final String OK = "{\"code\":\"OK\",\"message\":\"ok\",\"requestId\":\"r1\",\"data\":{\"results\":"
            + "[{\"index\":0,\"status\":\"ACCEPTED\",\"evaluationNo\":\"E1\"}]}}";
    private static final String REFUSED = "{\"code\":\"INVALID_PAYLOAD\",\"message\":\"refused\"}";
    private static final String CALENDAR = "{\"code\":\"OK\",\"message\":\"ok\",\"data\":{\"year\":2026,\"days\":[]}}";
    private static final byte[] ONE_RECORD = "{\"records\":[{\"caseNo\":\"TJ20260302000001\"}]}"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path temp;
    static final PrivateKeyMaterial APP_KEY = PrivateKeyMaterial.generateSm2();
    static final PrivateKeyMaterial PLATFORM_KEY = PrivateKeyMaterial.generateSm2();
    static Path appPem;
    static Path platformPem;

    private SignedPlatformServer platform;

    @BeforeAll
    static void keys() throws Exception {
        appPem = Files.writeString(temp.resolve("app.pem"), APP_KEY.exportPkcs8Pem());
        platformPem = Files.writeString(temp.resolve("platform.pem"), PLATFORM_KEY.publicKey().toPem());
    }

    @BeforeEach
    void start() throws Exception {
        platform = new SignedPlatformServer(PLATFORM_KEY, "plat-1", APP);
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private String[] settings(String baseUrl) {
        return new String[] {"hcp.base-url=" + baseUrl, "hcp.app-id=" + APP, "hcp.signing.key-id=app-key-1",
                "hcp.signing.private-key=file:" + appPem, "hcp.platform.keys.plat-1=file:" + platformPem,
                "hcp.outbox.directory=" + temp.resolve("outbox-" + UUID.randomUUID()),
                "hcp.health.platform-wait=60s"};
    }

    private ApplicationContextRunner withMetrics() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                        CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                        HcpAutoConfiguration.class))
                .withPropertyValues(settings(platform.baseUrl()));
    }

    @Test
    void requestsRetriesDeliveriesAndDeadLettersAreCountedFromRealCalls() {
        platform.then("/v1/evaluations", new SignedPlatformServer.Answer(200, OK, true))
                .then("/v1/evaluations", new SignedPlatformServer.Answer(503, "{}", false))
                .then("/v1/evaluations", new SignedPlatformServer.Answer(200, OK, true))
                .then("/v1/evaluations", new SignedPlatformServer.Answer(422, REFUSED, true))
                .then("/v1/evaluations", new SignedPlatformServer.Answer(200, OK, true))
                .then("/v1/evaluations", new SignedPlatformServer.Answer(422, REFUSED, true));
        withMetrics().run(context -> {
            assertThat(context).hasNotFailed();
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            HcpClient client = context.getBean(HcpClient.class);
            org.haochaping.transport.RequestOptions options = org.haochaping.transport.RequestOptions.defaults();

            client.submitEncoded(HcpClient.KIND_EVALUATIONS, ONE_RECORD, options);            // 200
            client.submitEncoded(HcpClient.KIND_EVALUATIONS, ONE_RECORD, options);            // 503, then 200
            assertThatThrownBy(() -> client.submitEncoded(HcpClient.KIND_EVALUATIONS, ONE_RECORD, options))
                    .isInstanceOf(ServiceException.class);                                    // 422

            OutboxStore outbox = context.getBean(OutboxStore.class);
            outbox.submit(HcpClient.KIND_EVALUATIONS, ONE_RECORD);                            // 200: delivered
            outbox.submit(HcpClient.KIND_EVALUATIONS, ONE_RECORD);                            // 422: dead letter
            assertThat(outbox.awaitDrained(Duration.ofSeconds(60))).isTrue();

            assertThat(registry.get("hcp.client.requests").tag("operation", "submitEvaluations")
                    .tag("outcome", "success").tag("code", "none").timer().count()).isEqualTo(3);
            assertThat(registry.get("hcp.client.requests").tag("outcome", "refused").tag("code", "INVALID_PAYLOAD")
                    .timer().count()).isEqualTo(2);
            assertThat(registry.get("hcp.client.retries").tag("operation", "submitEvaluations")
                    .tag("reason", "server_error").counter().count()).isEqualTo(1.0);
            assertThat(registry.get("hcp.outbox.delivered").tag("store", "file").tag("kind", "evaluations")
                    .counter().count()).isEqualTo(1.0);
            assertThat(registry.get("hcp.outbox.dead.lettered").tag("store", "file").tag("code", "INVALID_PAYLOAD")
                    .counter().count()).isEqualTo(1.0);
            assertThat(registry.get("hcp.outbox.pending").gauge().value()).isZero();
            assertThat(platform.hits("/v1/evaluations")).as("1 + 2 + 1 + 1 + 1 attempts").isEqualTo(6);
        });
    }

    @Test
    void theApplicationsOwnListenersHearTheClientToo() {
        platform.answer("/v1/calendar/2026", 200, CALENDAR);
        java.util.List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        HcpEventListener mine = new HcpEventListener() {
            @Override
            public void requestEnd(RequestInfo request, RequestOutcome outcome) {
                heard.add(request.operation() + " " + outcome.kind());
            }
        };
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HcpAutoConfiguration.class))
                .withPropertyValues(settings(platform.baseUrl())).withBean(HcpEventListener.class, () -> mine)
                .run(context -> {
                    context.getBean(HcpClient.class).calendar(2026);
                    assertThat(heard).containsExactly("calendar SUCCESS");
                });
    }

    @Test
    void healthIsUpWhenThePlatformAnswersAndVerifiesAndChecksAtMostOncePerInterval() {
        platform.answer("/v1/calendar/" + OffsetDateTime.now(ZoneOffset.ofHours(8)).getYear(), 200, CALENDAR);
        withMetrics().run(context -> {
            HealthIndicator health = context.getBean("hcpHealthIndicator", HealthIndicator.class);
            Health first = health.health();
            assertThat(first.getStatus()).isEqualTo(Status.UP);
            assertThat(first.getDetails()).containsEntry("platform.reachable", true);
            health.health();
            health.health();
            assertThat(platform.hits("/v1/calendar/" + OffsetDateTime.now(ZoneOffset.ofHours(8)).getYear()))
                    .as("cached for hcp.health.platform-interval").isEqualTo(1);
        });
    }

    @Test
    void aPlatformThatDoesNotPublishTheYearYetStillAnswersAndVerifies() {
        // no calendar answer scripted: a signed 404 NOT_FOUND, a verified refusal, is an answer
        withMetrics().run(context -> {
            Health health = context.getBean("hcpHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("platform.reachable", true);
        });
    }

    @Test
    void healthIsDownWhenThePlatformCannotBeReachedOrDoesNotVerify() throws Exception {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HcpAutoConfiguration.class))
                .withPropertyValues(settings("http://127.0.0.1:9/api")).run(context -> {
                    Health health = context.getBean("hcpHealthIndicator", HealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("platform.reachable", false);
                    assertThat((String) health.getDetails().get("platform.error")).startsWith("no answer");
                });
        // an impostor: answers signed with another key
        try (SignedPlatformServer impostor = new SignedPlatformServer(PrivateKeyMaterial.generateSm2(), "plat-1",
                APP)) {
            impostor.answer("/v1/calendar/" + OffsetDateTime.now(ZoneOffset.ofHours(8)).getYear(), 200, CALENDAR);
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HcpAutoConfiguration.class))
                    .withPropertyValues(settings(impostor.baseUrl())).run(context -> {
                        Health health = context.getBean("hcpHealthIndicator", HealthIndicator.class).health();
                        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                        assertThat((String) health.getDetails().get("platform.error"))
                                .isEqualTo("does not verify: SIGNATURE_INVALID");
                    });
        }
    }

    @Test
    void theSigningKeysExpiryWarnsWithinThePeriodAndIsDownOnceExpired() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneOffset.UTC);
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HcpAutoConfiguration.class))
                .withPropertyValues(settings(platform.baseUrl())).withPropertyValues("hcp.health.platform=false")
                .withBean(Clock.class, () -> clock);
        runner.withPropertyValues("hcp.signing.expires-at=2027-06-30").run(context -> {
            Health health = context.getBean("hcpHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("signingKey.expiresAt", "2027-06-30T16:00:00Z")
                    .doesNotContainKey("platform.reachable");
        });
        runner.withPropertyValues("hcp.signing.expires-at=2026-12-20").run(context -> {
            Health health = context.getBean("hcpHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(HcpHealthIndicator.KEY_EXPIRING);
            assertThat(health.getDetails()).containsEntry("signingKey.daysLeft", 15L);
        });
        runner.withPropertyValues("hcp.signing.expires-at=2026-12-20", "hcp.signing.expiry-warning=7d")
                .run(context -> assertThat(context.getBean("hcpHealthIndicator", HealthIndicator.class).health()
                        .getStatus()).isEqualTo(Status.UP));
        runner.withPropertyValues("hcp.signing.expires-at=2026-12-05T09:00:00+08:00").run(context ->
                assertThat(context.getBean("hcpHealthIndicator", HealthIndicator.class).health().getStatus())
                        .isEqualTo(Status.DOWN));
        runner.withPropertyValues("hcp.signing.expires-at=next june").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("hcp.signing.expires-at"));
    }

    @Test
    void theTrackerSharesTheDatabaseWhenThereIsOneElseKeepsCasesInMemoryAndTheApplicationsWins() {
        String db = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String prefix = "k" + UUID.randomUUID().toString().substring(0, 8) + "_";
        ApplicationContextRunner withDatabase = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HcpAutoConfiguration.class))
                .withPropertyValues(settings(platform.baseUrl()))
                .withPropertyValues("spring.datasource.url=" + db, "hcp.outbox.table-prefix=" + prefix);
        withDatabase.run(context -> {
            EvaluationTracker tracker = context.getBean(EvaluationTracker.class);
            tracker.register(completedCase());
            try (Connection c = context.getBean(DataSource.class).getConnection();
                    ResultSet rs = c.createStatement().executeQuery("SELECT case_no FROM " + prefix
                            + "tracked_case")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("TJ20260302000001");
            }
        });
        withDatabase.run(context -> assertThat(context.getBean(EvaluationTracker.class).find("TJ20260302000001"))
                .as("another instance on the same database sees the case").isNotNull());

        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HcpAutoConfiguration.class))
                .withPropertyValues(settings(platform.baseUrl())).run(context -> {
                    EvaluationTracker tracker = context.getBean(EvaluationTracker.class);
                    tracker.register(completedCase());
                    assertThat(tracker.find("TJ20260302000001")).isNotNull();
                });
        EvaluationTracker mine = EvaluationTracker.builder().calendar(WorkingDayCalendar.official()).build();
        withDatabase.withBean(EvaluationTracker.class, () -> mine).run(context ->
                assertThat(context.getBean(EvaluationTracker.class)).isSameAs(mine));
    }

    private static CaseRecord completedCase() {
        OffsetDateTime accepted = OffsetDateTime.parse("2026-03-02T09:00:00+08:00");
        return CaseRecord.builder()
                .caseNo("TJ20260302000001")
                .item("11120000MB0123456612000101", "食品经营许可证核发")
                .handleItem("食品经营许可证核发（新办）")
                .subItem("食品销售经营者")
                .department("11120000MB01234566", "天津市和平区市场监督管理局")
                .areaCode("120101")
                .hallAndWindow("TJHP-ZWFW-01", "A12")
                .staff("S0012", "李四")
                .status(CaseStatus.COMPLETED)
                .acceptedAt(accepted)
                .completedAt(accepted.plusDays(3))
                .promisedAt(accepted.plusDays(10))
                .handlingMode(HandlingMode.WINDOW)
                .businessKind(BusinessKind.APPLICATION)
                .build();
    }
}
