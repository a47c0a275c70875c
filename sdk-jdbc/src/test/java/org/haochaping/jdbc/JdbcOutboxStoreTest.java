package org.haochaping.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.haochaping.outbox.OutboxRecord;
import org.haochaping.outbox.OutboxSink;
import org.haochaping.outbox.RecordRejectedException;
import org.haochaping.transport.IdempotencyKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDBC outbox on real PostgreSQL, real MariaDB and H2: the same behaviour on each. */
class JdbcOutboxStoreTest {

    private static final OutboxSink NEVER = record -> {
        throw new AssertionError("this store does not deliver");
    };

    private DataSource dataSource;
    private JdbcTables tables;
    private final List<JdbcOutboxStore> stores = new ArrayList<>();

    private void on(TestDatabase db) throws SQLException {
        dataSource = db.dataSource();
        tables = TestDatabase.freshTables();
        JdbcSchema.apply(dataSource, dialectOf(dataSource), tables);
        JdbcSchema.apply(dataSource, dialectOf(dataSource), tables); // applying twice is harmless
    }

    private static JdbcDialect dialectOf(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return JdbcDialect.detect(c);
        }
    }

    private JdbcOutboxStore.Builder store(OutboxSink sink) {
        return JdbcOutboxStore.builder(dataSource, sink).tables(tables).pollInterval(Duration.ofMillis(50))
                .retryBackoff(Duration.ofMillis(20), Duration.ofMillis(200));
    }

    private JdbcOutboxStore started(JdbcOutboxStore.Builder builder) {
        JdbcOutboxStore store = builder.start();
        stores.add(store);
        return store;
    }

    @AfterEach
    void dropTables() throws SQLException {
        stores.forEach(JdbcOutboxStore::close);
        if (dataSource != null) {
            TestDatabase.dropTables(dataSource, tables);
        }
    }

    private long rows(String where) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + tables.outbox() + " WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deliversEveryRecordOnceUnderItsKeyAndErasesThePayload(TestDatabase db) throws Exception {
        on(db);
        List<String> deliveredKeys = Collections.synchronizedList(new ArrayList<>());
        JdbcOutboxStore store = started(store(record -> {
            assertThat(new String(record.payload(), StandardCharsets.UTF_8)).startsWith("evaluation ");
            deliveredKeys.add(record.idempotencyKey().value());
        }));
        Set<String> submitted = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            OutboxRecord record = store.submit("evaluations", bytes("evaluation " + i));
            submitted.add(record.idempotencyKey().value());
        }
        assertThat(store.awaitDrained(Duration.ofSeconds(60))).isTrue();

        assertThat(deliveredKeys).hasSize(30).doesNotHaveDuplicates();
        assertThat(new HashSet<>(deliveredKeys)).isEqualTo(submitted);
        assertThat(rows("status = 'DELIVERED'")).isEqualTo(30);
        assertThat(rows("payload IS NOT NULL")).as("Art. 17: no payload kept after delivery").isZero();
        assertThat(store.pendingCount()).isZero();
        assertThat(store.oldestAge()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRecordIsStoredIfAndOnlyIfTheBusinessTransactionCommits(TestDatabase db) throws Exception {
        on(db);
        String business = tables.prefix() + "case";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + business + " (case_no VARCHAR(40) PRIMARY KEY)");
        }
        try {
            ThreadLocal<Connection> springLike = new ThreadLocal<>();
            JdbcOutboxStore store = started(store(NEVER).deliver(false).transactionJoin(springLike::get));
            for (boolean commit : new boolean[] {false, true}) {
                try (Connection tx = dataSource.getConnection()) {
                    tx.setAutoCommit(false);
                    try (PreparedStatement insert = tx.prepareStatement("INSERT INTO " + business + " VALUES (?)")) {
                        insert.setString(1, "TJ-" + commit);
                        insert.executeUpdate();
                    }
                    // the explicit connection, and the transaction the join finds on this thread
                    store.submit(tx, "evaluations", bytes("explicit " + commit), IdempotencyKey.random());
                    springLike.set(tx);
                    try {
                        store.submit("evaluations", bytes("joined " + commit));
                    } finally {
                        springLike.remove();
                    }
                    if (commit) {
                        tx.commit();
                    } else {
                        tx.rollback();
                    }
                    tx.setAutoCommit(true);
                }
            }
            assertThat(store.pendingCount()).as("only the committed transaction's two records").isEqualTo(2);
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT case_no FROM " + business)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("TJ-true");
                assertThat(rs.next()).isFalse();
            }
            store.submit("evaluations", bytes("no transaction: commits on its own"));
            assertThat(store.pendingCount()).isEqualTo(3);
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE " + business);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void instancesClaimDisjointRowsSkippingLockedOnesAndADeadInstancesLeaseEnds(TestDatabase db) throws Exception {
        on(db);
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
        JdbcOutboxStore a = started(store(NEVER).deliver(false).clock(clock).batchSize(5)
                .lease(Duration.ofSeconds(30)).instanceId("pod-a"));
        JdbcOutboxStore b = started(store(NEVER).deliver(false).clock(clock).batchSize(5)
                .lease(Duration.ofSeconds(30)).instanceId("pod-b"));
        for (int i = 0; i < 12; i++) {
            a.submit("evaluations", bytes("evaluation " + i));
        }

        // A transaction of a third worker holds three rows locked: the others skip them instead of waiting.
        JdbcDialect dialect = dialectOf(dataSource);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            Set<Long> locked = new HashSet<>();
            try (PreparedStatement select = holder.prepareStatement(dialect.claimSql(tables.outbox()))) {
                select.setLong(1, clock.millis());
                select.setInt(2, 3);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        locked.add(rs.getLong(1));
                    }
                }
            }
            assertThat(locked).hasSize(3);
            Set<Long> byA = sequences(a.claim());
            Set<Long> byB = sequences(b.claim());
            assertThat(byA).doesNotContainAnyElementsOf(locked);
            assertThat(byB).doesNotContainAnyElementsOf(locked);
            assertThat(Collections.disjoint(byA, byB)).isTrue();
            if (db != TestDatabase.H2) {
                assertThat(byA).hasSize(5);
                assertThat(byB).hasSize(4);
            } // H2 locks every row its ORDER BY reads, so the others find nothing: fine for its single instance
            holder.rollback();
        }
        while (!b.claim().isEmpty()) {
            // the rows released by the rolled-back transaction (on H2: all)
        }
        assertThat(a.claim()).as("every row is leased").isEmpty();
        assertThat(rows("lease_owner IS NOT NULL")).isEqualTo(12);

        clock.advance(Duration.ofSeconds(31)); // pod-a died: its lease ends
        List<OutboxRecord> takenOver = new ArrayList<>(b.claim());
        takenOver.addAll(b.claim());
        takenOver.addAll(b.claim());
        assertThat(takenOver).hasSize(12);
        assertThat(rows("lease_owner = 'pod-b'")).isEqualTo(12);
        assertThat(rows("attempts = 2")).as("each claim counts as an attempt").isEqualTo(12);
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static Set<Long> sequences(List<OutboxRecord> records) {
        Set<Long> out = new HashSet<>();
        records.forEach(r -> out.add(r.sequence()));
        return out;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRefusedRecordBecomesADeadLetterAndAFailingOneHoldsNoOtherBack(TestDatabase db) throws Exception {
        on(db);
        CountDownLatch goodOnes = new CountDownLatch(5);
        CountDownLatch refused = new CountDownLatch(1);
        JdbcOutboxStore store = started(store(record -> {
            String text = new String(record.payload(), StandardCharsets.UTF_8);
            if (text.equals("flaky")) {
                throw new IOException("connection reset");
            }
            if (text.equals("bad")) {
                throw new RecordRejectedException("outbox record " + record.sequence()
                        + " refused by the platform: INVALID_PAYLOAD");
            }
            goodOnes.countDown();
        }).onRejected((record, reason) -> refused.countDown()).batchSize(1));
        OutboxRecord flaky = store.submit("evaluations", bytes("flaky"));
        OutboxRecord bad = store.submit("evaluations", bytes("bad"));
        for (int i = 0; i < 5; i++) {
            store.submit("evaluations", bytes("good " + i));
        }
        assertThat(goodOnes.await(60, TimeUnit.SECONDS)).as("records behind a failing one are delivered").isTrue();
        assertThat(refused.await(60, TimeUnit.SECONDS)).isTrue();

        assertThat(store.deadLetterCount()).isEqualTo(1);
        List<DeadLetter> dead = store.deadLetters(10);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).record().sequence()).isEqualTo(bad.sequence());
        assertThat(dead.get(0).record().idempotencyKey()).isEqualTo(bad.idempotencyKey());
        assertThat(dead.get(0).record().payload()).isEqualTo(bytes("bad"));
        assertThat(dead.get(0).reason()).contains("INVALID_PAYLOAD");
        assertThat(dead.get(0).toString()).doesNotContain("bad\"").contains("payload=3 bytes");

        // the sink returned for the last good one; its row is marked right after
        assertThat(eventually(() -> store.pendingCount() == 1)).as("only the failing record is pending").isTrue();
        assertThat(rows("id = " + flaky.sequence() + " AND status = 'PENDING' AND attempts >= 1"
                + " AND last_error LIKE '%IOException%'")).isEqualTo(1);

        // Stop the worker first: a running one may take the requeued record and refuse it again before the second
        // requeue (seen on H2), which is right but makes "no longer a dead letter" a race.
        store.close();
        assertThat(store.requeue(bad.sequence())).isTrue();
        assertThat(store.requeue(bad.sequence())).as("no longer a dead letter").isFalse();
        assertThat(store.deadLetterCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deliveredRowsArePurgedAfterTheRetentionAndDeadLettersStay(TestDatabase db) throws Exception {
        on(db);
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
        CountDownLatch done = new CountDownLatch(4);
        JdbcOutboxStore store = started(store(record -> {
            done.countDown();
            if (record.payloadSize() == 3) {
                throw new RecordRejectedException("refused: INVALID_PAYLOAD");
            }
        }).clock(clock).retention(Duration.ofDays(7)));
        store.submit("evaluations", bytes("one"));
        store.submit("evaluations", bytes("two"));
        store.submit("evaluations", bytes("three"));
        store.submit("evaluations", bytes("four!!"));
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(store.awaitDrained(Duration.ofSeconds(60))).isTrue();
        clock.advance(Duration.ofDays(6));
        assertThat(store.purgeDelivered()).as("within the retention").isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(store.purgeDelivered()).isEqualTo(2);
        assertThat(rows("1 = 1")).as("the two dead letters stay").isEqualTo(2);
        assertThat(store.deadLetterCount()).isEqualTo(2);
    }
}
