package org.haochaping.jdbc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import okhttp3.OkHttpClient;
import org.haochaping.client.HcpClient;
import org.haochaping.conformance.simulator.AppCredentials;
import org.haochaping.conformance.simulator.SimulatedPlatform;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.outbox.OutboxRecord;
import org.haochaping.transport.OkHttpTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, point 5: a record the platform refuses for good becomes a dead letter whichever way the client reaches the
 * platform (its own OkHttp, the application's OkHttpClient, or a transport of the application's that knows nothing of
 * the platform's error body), and the records behind it are delivered.
 */
class RefusalThroughAnyTransportTest {

    private SimulatedPlatform platform;
    private AppCredentials app;
    private DataSource dataSource;
    private JdbcTables tables;

    @BeforeEach
    void start() throws Exception {
        platform = SimulatedPlatform.start();
        app = platform.newApp("dept-transport");
        dataSource = TestDatabase.H2.dataSource();
        tables = TestDatabase.freshTables();
        JdbcSchema.apply(dataSource, JdbcDialect.H2, tables);
    }

    @AfterEach
    void stop() throws Exception {
        platform.stop();
        TestDatabase.dropTables(dataSource, tables);
    }

    private HcpClient client(String transport) {
        HcpClient.Builder b = HcpClient.builder().baseUrl(platform.baseUrl()).appId(app.appId()).signer(app.signer())
                .platformVerifier(Sm2Verifier.builder().key(platform.platformKeyId(), platform.platformPublicKey())
                        .build());
        switch (transport) {
            case "application-okhttp":
                return b.okHttpClient(new OkHttpClient.Builder().connectTimeout(5, TimeUnit.SECONDS).build())
                        .callTimeout(Duration.ofSeconds(30)).writeTimeout(Duration.ofSeconds(10)).build();
            case "custom-transport":
                // no error body parser: the platform's code is not known to this transport
                return b.transport(OkHttpTransport.builder(platform.baseUrl()).build()).build();
            default:
                return b.build();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sdk-default", "application-okhttp", "custom-transport"})
    void aRefusedRecordIsADeadLetterAndHoldsNoOtherBack(String transport) throws Exception {
        try (HcpClient client = client(transport);
                JdbcOutboxStore store = JdbcOutboxStore.builder(dataSource, client.outboxSink()).tables(tables)
                        .pollInterval(Duration.ofMillis(50)).retryBackoff(Duration.ofMillis(50), Duration.ofSeconds(1))
                        .batchSize(1).start()) {
            OutboxRecord broken = store.submit(HcpClient.KIND_EVALUATIONS,
                    "{\"records\":\"not a list\"}".getBytes(StandardCharsets.UTF_8));
            for (int n = 1; n <= 3; n++) {
                store.submit(HcpClient.KIND_EVALUATIONS, client.encodeEvaluations(Collections.singletonList(
                        TwoInstancesSigkillTest.evaluation(n + 1000))));
            }
            assertThat(store.awaitDrained(Duration.ofSeconds(60))).isTrue();
            assertThat(platform.observations().countedEvaluations()).isEqualTo(3);
            List<DeadLetter> dead = store.deadLetters(5);
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).record().sequence()).isEqualTo(broken.sequence());
            assertThat(dead.get(0).reason()).containsAnyOf("INVALID_REQUEST", "INVALID_PAYLOAD");
            assertThat(dead.get(0).attempts()).as("refused at the first attempt, not retried").isOne();
        }
    }
}
