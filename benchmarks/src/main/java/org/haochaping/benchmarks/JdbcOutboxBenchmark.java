package org.haochaping.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.haochaping.jdbc.JdbcDialect;
import org.haochaping.jdbc.JdbcOutboxStore;
import org.haochaping.jdbc.JdbcSchema;
import org.haochaping.jdbc.JdbcTables;
import org.haochaping.outbox.OutboxRecord;
import org.haochaping.transport.IdempotencyKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The JDBC outbox on PostgreSQL ({@code HCP_TEST_PG_URL}, user and password {@code hcp}, through a HikariCP pool of
 * four connections, as in a server application) beside the baseline a user
 * would otherwise write: a plain {@code INSERT} of the same row on the same connection, each committed on its own.
 * {@code jdbcOutboxSubmit} is {@link JdbcOutboxStore#submit(Connection, String, byte[], IdempotencyKey)} of a 512-byte
 * payload (what a submit inside the application's transaction costs); {@code drain} is one worker delivering 2,000 rows
 * to a sink that accepts at once (claim with SKIP LOCKED and a lease, deliver, erase the payload), single shot.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JdbcOutboxBenchmark {

    static final int DRAIN_ROWS = 2000;

    private HikariDataSource dataSource;
    private JdbcTables tables;
    private JdbcOutboxStore submitter;
    private Connection connection;
    private PreparedStatement plainInsert;
    private byte[] payload;

    @Setup
    public void setUp() throws SQLException {
        String url = System.getenv().getOrDefault("HCP_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/hcp_test");
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername("hcp");
        pool.setPassword("hcp");
        pool.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(pool);
        tables = JdbcTables.withPrefix("bench" + UUID.randomUUID().toString().substring(0, 8) + "_");
        JdbcSchema.apply(dataSource, JdbcDialect.POSTGRESQL, tables);
        payload = new byte[512];
        Arrays.fill(payload, (byte) 'e');
        submitter = JdbcOutboxStore.builder(dataSource, record -> { }).tables(tables).dialect(JdbcDialect.POSTGRESQL)
                .deliver(false).start();
        connection = dataSource.getConnection();
        try (Statement s = connection.createStatement()) {
            // the baseline's table: the same columns, no SDK code
            s.execute("CREATE TABLE " + tables.prefix() + "plain (LIKE " + tables.outbox() + " INCLUDING ALL)");
        }
        plainInsert = connection.prepareStatement("INSERT INTO " + tables.prefix() + "plain (idempotency_key, kind,"
                + " payload, status, created_at, due_at, attempts) VALUES (?, ?, ?, 'PENDING', ?, ?, 0)",
                new String[] {"id"});
    }

    @TearDown
    public void tearDown() throws SQLException {
        submitter.close();
        plainInsert.close();
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE " + tables.prefix() + "plain");
            s.execute("DROP TABLE " + tables.outbox());
            s.execute("DROP TABLE " + tables.replayNonce());
        }
        connection.close();
        dataSource.close();
    }

    @Benchmark
    public OutboxRecord jdbcOutboxSubmit() {
        return submitter.submit(connection, "evaluations", payload, IdempotencyKey.random());
    }

    @Benchmark
    public int plainJdbcInsert() throws SQLException {
        long now = System.currentTimeMillis();
        plainInsert.setString(1, IdempotencyKey.random().value());
        plainInsert.setString(2, "evaluations");
        plainInsert.setBytes(3, payload);
        plainInsert.setLong(4, now);
        plainInsert.setLong(5, now);
        int rows = plainInsert.executeUpdate();
        plainInsert.getGeneratedKeys().close();
        return rows;
    }

    /** Rows waiting for one drain, refilled before each one. */
    @State(Scope.Thread)
    public static class Backlog {
        JdbcOutboxBenchmark bench;

        @Setup(Level.Invocation)
        public void fill(JdbcOutboxBenchmark outer) {
            bench = outer;
            for (int i = 0; i < DRAIN_ROWS; i++) {
                outer.submitter.submit(outer.connection, "evaluations", outer.payload, IdempotencyKey.random());
            }
        }
    }

    /** Seconds for one worker to deliver {@value #DRAIN_ROWS} rows; rows per second = 2000 / score. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public boolean drain2000(Backlog backlog) throws InterruptedException {
        JdbcOutboxBenchmark b = backlog.bench;
        try (JdbcOutboxStore worker = JdbcOutboxStore.builder(b.dataSource, record -> { }).tables(b.tables)
                .dialect(JdbcDialect.POSTGRESQL).batchSize(100).pollInterval(Duration.ofMillis(5)).start()) {
            return worker.awaitDrained(Duration.ofMinutes(5));
        }
    }
}
