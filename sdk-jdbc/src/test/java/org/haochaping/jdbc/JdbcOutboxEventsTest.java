package org.haochaping.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.haochaping.event.HcpEventListener;
import org.haochaping.event.OutboxEvent;
import org.haochaping.outbox.OutboxRecord;
import org.haochaping.outbox.OutboxSink;
import org.haochaping.outbox.RecordRejectedException;
import org.haochaping.transport.IdempotencyKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDBC outbox tells its listener of each row stored, delivered and dead-lettered, on every database. */
class JdbcOutboxEventsTest {

    private static final String PERSONAL = "张三 13800138000 120101199001011234";

    private DataSource dataSource;
    private JdbcTables tables;
    private JdbcOutboxStore store;

    @AfterEach
    void drop() throws SQLException {
        if (store != null) {
            store.close();
        }
        if (dataSource != null) {
            TestDatabase.dropTables(dataSource, tables);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void storedThenDeliveredOrDeadLetteredWithThePlatformsCode(TestDatabase db) throws Exception {
        dataSource = db.dataSource();
        tables = TestDatabase.freshTables();
        try (Connection c = dataSource.getConnection()) {
            JdbcSchema.apply(dataSource, JdbcDialect.detect(c), tables);
        }
        List<String> lines = new CopyOnWriteArrayList<>();
        List<OutboxEvent> events = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(2);
        HcpEventListener recorder = new HcpEventListener() {
            @Override
            public void outboxStored(OutboxEvent e) {
                events.add(e);
                lines.add("stored #" + e.sequence());
            }

            @Override
            public void outboxDelivered(OutboxEvent e) {
                events.add(e);
                lines.add("delivered #" + e.sequence());
                finished.countDown();
            }

            @Override
            public void outboxDeadLettered(OutboxEvent e) {
                events.add(e);
                lines.add("deadLettered #" + e.sequence() + " " + e.platformCode().orElse("-"));
                finished.countDown();
            }
        };
        HcpEventListener throwing = new HcpEventListener() {
            @Override
            public void outboxStored(OutboxEvent event) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void outboxDelivered(OutboxEvent event) {
                throw new IllegalStateException("listener bug");
            }
        };
        OutboxSink sink = record -> {
            if (new String(record.payload(), StandardCharsets.UTF_8).startsWith("refuse")) {
                throw new RecordRejectedException("refused by the platform: INVALID_PAYLOAD", "INVALID_PAYLOAD", null);
            }
        };
        store = JdbcOutboxStore.builder(dataSource, sink).tables(tables).pollInterval(Duration.ofMillis(50))
                .eventListener(HcpEventListener.guarded(throwing, recorder)).start();

        OutboxRecord accepted;
        OutboxRecord refused;
        try (Connection tx = dataSource.getConnection()) { // one transaction: both stored before either is seen
            tx.setAutoCommit(false);
            accepted = store.submit(tx, "evaluations", ("accept " + PERSONAL).getBytes(StandardCharsets.UTF_8),
                    IdempotencyKey.random());
            refused = store.submit(tx, "evaluations", ("refuse " + PERSONAL).getBytes(StandardCharsets.UTF_8),
                    IdempotencyKey.random());
            tx.commit();
            tx.setAutoCommit(true);
        }
        assertThat(finished.await(60, TimeUnit.SECONDS)).isTrue();

        assertThat(lines).containsExactly(
                "stored #" + accepted.sequence(),
                "stored #" + refused.sequence(),
                "delivered #" + accepted.sequence(),
                "deadLettered #" + refused.sequence() + " INVALID_PAYLOAD");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.store()).isEqualTo("jdbc");
            assertThat(e.kind()).isEqualTo("evaluations");
            assertThat(e.toString()).doesNotContain("张三").doesNotContain("13800138000")
                    .doesNotContain("120101199001011234");
        });
        assertThat(events.get(3).idempotencyKey()).isEqualTo(refused.idempotencyKey());
        assertThat(store.deadLetterCount()).isEqualTo(1);
    }
}
