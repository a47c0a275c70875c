package org.haochaping.jdbc;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.haochaping.event.HcpEventListener;
import org.haochaping.event.OutboxEvent;
import org.haochaping.outbox.OutboxRecord;
import org.haochaping.outbox.OutboxSink;
import org.haochaping.outbox.OutboxStorageException;
import org.haochaping.outbox.OutboxStore;
import org.haochaping.outbox.RecordRejectedException;
import org.haochaping.transport.IdempotencyKey;
import org.haochaping.transport.Backoff;
import org.haochaping.transport.ServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox as a database table, for department systems that run several instances on one database
 * (docs/server.md). The model is the transactional outbox of gruelbox's transaction-outbox:
 * <ul>
 *   <li><b>Transactional.</b> {@link #submit} writes the row on the caller's transaction when there is one (found
 *       by the {@link TransactionJoin}, or passed with {@link #submit(Connection, String, byte[], IdempotencyKey)}),
 *       so an evaluation is stored if and only if the business change commits; otherwise it commits on its own.</li>
 *   <li><b>Several instances, one table.</b> Each instance's worker claims due rows with
 *       {@code SELECT ... FOR UPDATE SKIP LOCKED} and takes a lease on them; a row is delivered by one instance at a
 *       time, and the rows of an instance that died are claimed again when its lease ends. Every delivery carries
 *       the row's idempotency key, so a second delivery after a crash is counted once.</li>
 *   <li><b>No head-of-line blocking.</b> A failing row waits out its own backoff; the rows behind it go on.</li>
 *   <li><b>Dead letters.</b> A record the platform refuses for good stays as {@code DEAD} with the platform's reason
 *       ({@link #deadLetters}, {@link #requeue}).</li>
 *   <li><b>Personal data erased on delivery</b> (Art. 17): the payload is set to {@code NULL} when the platform
 *       accepted it; the row without payload is kept for the retention period as an audit trail, then purged.</li>
 * </ul>
 * Thread-safe. Instances' clocks must agree to well within the lease (NTP), as leases are compared across them.
 */
public final class JdbcOutboxStore implements OutboxStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcOutboxStore.class);
    private static final Pattern KIND = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final int MAX_ERROR = 500;

    private final DataSource dataSource;
    private final OutboxSink sink;
    private final JdbcDialect dialect;
    private final String table;
    private final TransactionJoin transactionJoin;
    private final String instanceId;
    private final Duration lease;
    private final int batchSize;
    private final Duration pollInterval;
    /** Doubling from the builder's initial wait to its cap, up to 20% shorter at random (spreads retries out). */
    /** Up to 20% shorter at random, so that terminals back online together do not retry in step. */
    private static final double RETRY_JITTER = 0.2;
    private final Backoff retryBackoff;
    private final Duration retention;
    private final BiConsumer<OutboxRecord, RecordRejectedException> rejectionHandler;
    private final Clock clock;
    private final HcpEventListener events;
    private final Thread worker;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean closed;
    private boolean kicked;
    private long nextPurgeMillis;

    private JdbcOutboxStore(Builder b, JdbcDialect dialect) {
        this.dataSource = b.dataSource;
        this.sink = b.sink;
        this.dialect = dialect;
        this.table = b.tables.outbox();
        this.transactionJoin = b.transactionJoin;
        this.instanceId = b.instanceId;
        this.lease = b.lease;
        this.batchSize = b.batchSize;
        this.pollInterval = b.pollInterval;
        this.retryBackoff = b.retryBackoff;
        this.retention = b.retention;
        this.rejectionHandler = b.rejectionHandler;
        this.clock = b.clock;
        this.events = b.events;
        this.worker = b.deliver ? new Thread(this::runWorker, "hcp-outbox-jdbc-" + instanceId) : null;
        if (worker != null) {
            worker.setDaemon(true);
        }
    }

    /**
     * A store on {@code dataSource} (whose tables exist: {@link JdbcSchema#apply}) delivering through {@code sink},
     * e.g. {@code client.outboxSink()}.
     */
    public static Builder builder(DataSource dataSource, OutboxSink sink) {
        return new Builder(dataSource, sink);
    }

    // ---- submitting ----

    @Override
    public OutboxRecord submit(String kind, byte[] payload) {
        return submit(kind, payload, IdempotencyKey.random());
    }

    /**
     * Stores the record on the caller's transaction when the {@link TransactionJoin} finds one (it becomes visible,
     * and is delivered, when that transaction commits, and is gone if it rolls back), else on a connection of its own,
     * committed before this returns.
     *
     * @throws OutboxStorageException when the database refused the insert
     */
    @Override
    public OutboxRecord submit(String kind, byte[] payload, IdempotencyKey idempotencyKey) {
        check(kind, payload, idempotencyKey);
        try {
            Connection joined = transactionJoin.currentTransaction();
            if (joined != null) {
                try {
                    return insert(joined, kind, payload, idempotencyKey);
                } finally {
                    transactionJoin.release(joined);
                }
            }
            try (Connection own = dataSource.getConnection()) {
                boolean autoCommit = own.getAutoCommit();
                if (!autoCommit) {
                    own.setAutoCommit(true);
                }
                try {
                    OutboxRecord record = insert(own, kind, payload, idempotencyKey);
                    kick();
                    return record;
                } finally {
                    if (!autoCommit) {
                        own.setAutoCommit(false);
                    }
                }
            }
        } catch (SQLException failed) {
            throw new OutboxStorageException("could not store the outbox record in " + table + ": "
                    + failed.getMessage(), failed);
        }
    }

    /**
     * Stores the record on the caller's own connection and transaction, for plain JDBC code: the caller commits (the
     * record and the business change together) or rolls back (neither). The connection is neither committed nor
     * closed here.
     */
    public OutboxRecord submit(Connection transaction, String kind, byte[] payload, IdempotencyKey idempotencyKey) {
        Objects.requireNonNull(transaction, "transaction");
        check(kind, payload, idempotencyKey);
        try {
            return insert(transaction, kind, payload, idempotencyKey);
        } catch (SQLException failed) {
            throw new OutboxStorageException("could not store the outbox record in " + table + ": "
                    + failed.getMessage(), failed);
        }
    }

    private static void check(String kind, byte[] payload, IdempotencyKey idempotencyKey) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("kind: must be 1 to 64 characters of A-Z a-z 0-9 . _ : -");
        }
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (payload == null || payload.length == 0) {
            throw new IllegalArgumentException("payload: must not be empty");
        }
    }

    private OutboxRecord insert(Connection connection, String kind, byte[] payload, IdempotencyKey key)
            throws SQLException {
        long now = clock.millis();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                + " (idempotency_key, kind, payload, status, created_at, due_at, attempts)"
                + " VALUES (?, ?, ?, 'PENDING', ?, ?, 0)", new String[] {"id"})) {
            insert.setString(1, key.value());
            insert.setString(2, kind);
            insert.setBytes(3, payload);
            insert.setLong(4, now);
            insert.setLong(5, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no id for the new outbox row");
                }
                OutboxRecord record = OutboxRecord.restore(keys.getLong(1), key, kind, Instant.ofEpochMilli(now),
                        payload);
                events.outboxStored(event(record, null));
                return record;
            }
        }
    }

    // ---- what operators see ----

    /** Rows waiting for delivery, whichever instance will deliver them. */
    @Override
    public int pendingCount() {
        return (int) count("PENDING");
    }

    /** Records the platform refused for good, kept for an operator. */
    public long deadLetterCount() {
        return count("DEAD");
    }

    private long count(String status) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE status = ?")) {
            q.setString(1, status);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException failed) {
            throw new OutboxStorageException("could not count the outbox rows: " + failed.getMessage(), failed);
        }
    }

    @Override
    public Optional<Duration> oldestAge() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT MIN(created_at) FROM " + table
                        + " WHERE status = 'PENDING'")) {
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                long oldest = rs.getLong(1);
                if (rs.wasNull()) {
                    return Optional.empty();
                }
                long age = clock.millis() - oldest;
                return Optional.of(Duration.ofMillis(Math.max(0, age)));
            }
        } catch (SQLException failed) {
            throw new OutboxStorageException("could not read the outbox: " + failed.getMessage(), failed);
        }
    }

    /** The oldest dead letters first, at most {@code limit}. */
    public List<DeadLetter> deadLetters(int limit) {
        List<DeadLetter> out = new ArrayList<DeadLetter>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT id, idempotency_key, kind, payload, created_at,"
                        + " last_error, finished_at, attempts FROM " + table + " WHERE status = 'DEAD' ORDER BY id")) {
            q.setMaxRows(limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    OutboxRecord record = OutboxRecord.restore(rs.getLong(1), IdempotencyKey.of(rs.getString(2)),
                            rs.getString(3), Instant.ofEpochMilli(rs.getLong(5)), rs.getBytes(4));
                    out.add(new DeadLetter(record, rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)),
                            rs.getInt(8)));
                }
            }
        } catch (SQLException failed) {
            throw new OutboxStorageException("could not read the dead letters: " + failed.getMessage(), failed);
        }
        return out;
    }

    /**
     * Puts a dead letter back in line (e.g. after the platform fixed a rule on its side); it keeps its idempotency
     * key.
     *
     * @return {@code false} when there is no dead letter with that sequence
     */
    public boolean requeue(long sequence) {
        boolean done = update("UPDATE " + table + " SET status = 'PENDING', due_at = ?, attempts = 0, last_error = NULL,"
                + " finished_at = NULL WHERE id = ? AND status = 'DEAD'", clock.millis(), sequence) == 1;
        if (done) {
            kick();
        }
        return done;
    }

    /**
     * Deletes delivered rows older than the retention period (they hold no payload any more, only the audit trail).
     * The worker does it about once an hour; call it for a purge now.
     *
     * @return the number of rows deleted
     */
    public int purgeDelivered() {
        return update("DELETE FROM " + table + " WHERE status = 'DELIVERED' AND finished_at < ?",
                clock.millis() - retention.toMillis());
    }

    @Override
    public void retryNow() {
        try {
            update("UPDATE " + table + " SET due_at = ? WHERE status = 'PENDING' AND lease_owner IS NULL AND due_at > ?",
                    clock.millis(), clock.millis());
        } catch (OutboxStorageException notNow) {
            LOG.warn("Outbox {}: retryNow could not reset the backoff: {}", table, notNow.getMessage());
        }
        kick();
    }

    @Override
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (pendingCount() == 0) {
                return true;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            lock.lock();
            try {
                if (closed && worker != null) {
                    return false;
                }
                wake.awaitNanos(Math.min(remaining, pollInterval.toNanos()));
            } finally {
                lock.unlock();
            }
        }
    }

    // ---- delivering ----

    private void start() {
        if (worker != null) {
            worker.start();
        }
    }

    private void kick() {
        lock.lock();
        try {
            kicked = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void runWorker() {
        while (!isClosed()) {
            List<OutboxRecord> batch;
            try {
                purgeIfDue();
                batch = claim();
            } catch (SQLException | OutboxStorageException unavailable) {
                LOG.warn("Outbox {}: cannot claim rows ({}); trying again in {} ms", table, unavailable.getMessage(),
                        pollInterval.toMillis());
                batch = new ArrayList<OutboxRecord>();
            }
            if (batch.isEmpty()) {
                if (!idle()) {
                    return;
                }
                continue;
            }
            for (OutboxRecord record : batch) {
                if (isClosed() || !deliver(record)) {
                    releaseLeases();
                    return;
                }
            }
        }
    }

    /** Waits for a submit, a retryNow or the poll interval; {@code false} when closing. */
    private boolean idle() {
        lock.lock();
        try {
            if (!kicked && !closed) {
                wake.awaitNanos(pollInterval.toNanos());
            }
            kicked = false;
            return !closed;
        } catch (InterruptedException closing) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Takes a lease on up to {@code batchSize} due rows that no other worker holds. */
    List<OutboxRecord> claim() throws SQLException {
        List<OutboxRecord> claimed = new ArrayList<OutboxRecord>();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                long now = clock.millis();
                try (PreparedStatement select = c.prepareStatement(dialect.claimSql(table))) {
                    select.setLong(1, now);
                    select.setInt(2, batchSize);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            claimed.add(OutboxRecord.restore(rs.getLong(1), IdempotencyKey.of(rs.getString(2)),
                                    rs.getString(3), Instant.ofEpochMilli(rs.getLong(5)), rs.getBytes(4)));
                        }
                    }
                }
                if (!claimed.isEmpty()) {
                    try (PreparedStatement take = c.prepareStatement("UPDATE " + table + " SET due_at = ?,"
                            + " lease_owner = ?, attempts = attempts + 1 WHERE id = ?")) {
                        for (OutboxRecord record : claimed) {
                            take.setLong(1, now + lease.toMillis());
                            take.setString(2, instanceId);
                            take.setLong(3, record.sequence());
                            take.addBatch();
                        }
                        take.executeBatch();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException failed) {
                rollbackQuietly(c);
                throw failed;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
        return claimed;
    }

    /** Delivers one claimed record and writes the outcome; {@code false} when the worker must stop (closing). */
    private boolean deliver(OutboxRecord record) {
        try {
            sink.deliver(record);
        } catch (RecordRejectedException rejected) {
            deadLetter(record, rejected);
            return true;
        } catch (InterruptedException interrupted) {
            return false;
        } catch (Exception failure) {
            if (isClosed()) {
                return false;
            }
            retryLater(record, failure);
            return true;
        }
        try {
            // Whoever delivered it (a slow instance past its lease included), it is delivered: erase the payload.
            update("UPDATE " + table + " SET status = 'DELIVERED', payload = NULL, lease_owner = NULL, last_error = NULL,"
                    + " finished_at = ? WHERE id = ? AND status = 'PENDING'", clock.millis(), record.sequence());
            LOG.debug("Outbox {} row {} ({}) delivered", table, record.sequence(), record.kind());
            events.outboxDelivered(event(record, null));
        } catch (OutboxStorageException notWritten) {
            // Delivered, but the row still says PENDING: it is delivered again when the lease ends, under the same
            // idempotency key, and counted once.
            LOG.warn("Outbox {} row {} delivered but not marked: {}", table, record.sequence(), notWritten.getMessage());
        }
        signalProgress();
        return true;
    }

    private void deadLetter(OutboxRecord record, RecordRejectedException rejected) {
        String reason = truncate(rejected.getMessage());
        try {
            update("UPDATE " + table + " SET status = 'DEAD', lease_owner = NULL, last_error = ?, finished_at = ?"
                    + " WHERE id = ? AND status = 'PENDING'", reason, clock.millis(), record.sequence());
        } catch (OutboxStorageException notWritten) {
            LOG.warn("Outbox {} row {} refused but not marked dead: {}", table, record.sequence(),
                    notWritten.getMessage());
            return;
        }
        events.outboxDeadLettered(event(record, rejected.platformCode().orElse(null)));
        try {
            rejectionHandler.accept(record, rejected);
        } catch (RuntimeException handlerFailed) {
            LOG.error("Outbox rejection handler failed for row {} ({}): {}", record.sequence(), record.kind(),
                    handlerFailed.toString());
        }
        signalProgress();
    }

    private OutboxEvent event(OutboxRecord record, String platformCode) {
        return new OutboxEvent("jdbc", record.kind(), record.sequence(), record.idempotencyKey(),
                record.payloadSize(), Duration.between(record.createdAt(), clock.instant()), platformCode);
    }

    private void retryLater(OutboxRecord record, Exception failure) {
        int attempts = attempts(record.sequence());
        Duration delay = retryBackoff.delay(Math.max(1, attempts), failure instanceof ServiceException
                ? ((ServiceException) failure).retryAfter() : Optional.<Duration>empty());
        try {
            update("UPDATE " + table + " SET due_at = ?, lease_owner = NULL, last_error = ? WHERE id = ?"
                    + " AND status = 'PENDING' AND lease_owner = ?", clock.millis() + delay.toMillis(),
                    truncate(describe(failure)), record.sequence(), instanceId);
        } catch (OutboxStorageException notWritten) {
            LOG.warn("Outbox {} row {}: the retry time was not written ({}); it is retried when its lease ends", table,
                    record.sequence(), notWritten.getMessage());
        }
        LOG.info("Outbox {} row {} ({}) not delivered ({}); attempt {}, next try in {} ms", table, record.sequence(),
                record.kind(), describe(failure), attempts, delay.toMillis());
    }

    private int attempts(long sequence) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT attempts FROM " + table + " WHERE id = ?")) {
            q.setLong(1, sequence);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 1;
            }
        } catch (SQLException failed) {
            return 1;
        }
    }

    /** On close: the rows this instance still holds go back to the others at once, not after the lease. */
    private void releaseLeases() {
        try {
            update("UPDATE " + table + " SET lease_owner = NULL, due_at = ? WHERE status = 'PENDING' AND lease_owner = ?",
                    clock.millis(), instanceId);
        } catch (OutboxStorageException notWritten) {
            LOG.info("Outbox {}: leases of {} not released ({}); they end by themselves", table, instanceId,
                    notWritten.getMessage());
        }
    }

    private void purgeIfDue() {
        long now = clock.millis();
        if (now < nextPurgeMillis) {
            return;
        }
        nextPurgeMillis = now + TimeUnit.HOURS.toMillis(1);
        int purged = purgeDelivered();
        if (purged > 0) {
            LOG.info("Outbox {}: purged {} delivered rows older than {}", table, purged, retention);
        }
    }

    private void signalProgress() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (!autoCommit) {
                c.setAutoCommit(true);
            }
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            } finally {
                if (!autoCommit) {
                    c.setAutoCommit(false);
                }
            }
        } catch (SQLException failed) {
            throw new OutboxStorageException("outbox " + table + ": " + failed.getMessage(), failed);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it
        }
    }

    private static String describe(Exception failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String truncate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** This instance's name in {@code lease_owner}. */
    public String instanceId() {
        return instanceId;
    }

    /**
     * Stops the worker (a delivery in flight finishes or is interrupted after a grace period) and hands the rows it
     * still holds back to the other instances. The rows stay in the table.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        if (worker != null && Thread.currentThread() != worker) {
            try {
                worker.join(2000);
                if (worker.isAlive()) {
                    worker.interrupt();
                    worker.join(2000);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            releaseLeases();
        }
    }

    @Override
    public String toString() {
        return "JdbcOutboxStore{table=" + table + ", " + dialect.name() + ", instance=" + instanceId + "}";
    }

    /** Builds and starts a {@link JdbcOutboxStore}. Not thread-safe. */
    public static final class Builder {
        private final DataSource dataSource;
        private final OutboxSink sink;
        private JdbcDialect dialect;
        private JdbcTables tables = JdbcTables.DEFAULT;
        private TransactionJoin transactionJoin = TransactionJoin.NONE;
        private String instanceId = defaultInstanceId();
        private Duration lease = Duration.ofMinutes(2);
        private int batchSize = 20;
        private Duration pollInterval = Duration.ofSeconds(1);
        private Backoff retryBackoff = Backoff.of(Duration.ofSeconds(1), Duration.ofMinutes(5), RETRY_JITTER);
        private Duration retention = Duration.ofDays(7);
        private boolean deliver = true;
        private BiConsumer<OutboxRecord, RecordRejectedException> rejectionHandler = (record, reason) ->
                LOG.warn("Outbox row {} ({}) refused by the platform, kept as a dead letter: {}", record.sequence(),
                        record.kind(), reason.getMessage());
        private Clock clock = Clock.systemUTC();
        private HcpEventListener events = HcpEventListener.NONE;

        private Builder(DataSource dataSource, OutboxSink sink) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        private static String defaultInstanceId() {
            String runtime = ManagementFactory.getRuntimeMXBean().getName(); // pid@host on HotSpot
            String id = runtime + "-" + UUID.randomUUID().toString().substring(0, 8);
            return id.length() <= 64 ? id : id.substring(id.length() - 64);
        }

        /** The database's dialect; by default detected from the driver's product name. */
        public Builder dialect(JdbcDialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        public Builder tables(JdbcTables tables) {
            this.tables = Objects.requireNonNull(tables, "tables");
            return this;
        }

        /** How a submit finds the caller's transaction; default {@link TransactionJoin#NONE}. */
        public Builder transactionJoin(TransactionJoin join) {
            this.transactionJoin = Objects.requireNonNull(join, "transactionJoin");
            return this;
        }

        /** This instance's name in the lease column (at most 64 characters); default pid@host plus a random tail. */
        public Builder instanceId(String instanceId) {
            if (instanceId == null || instanceId.isEmpty() || instanceId.length() > 64) {
                throw new IllegalArgumentException("instanceId: 1 to 64 characters");
            }
            this.instanceId = instanceId;
            return this;
        }

        /**
         * How long a claimed row belongs to this instance; default 2 minutes. After it, another instance may deliver
         * the row again (under the same idempotency key), so make it longer than one batch's deliveries take.
         */
        public Builder lease(Duration lease) {
            if (lease == null || lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("lease: must be positive");
            }
            this.lease = lease;
            return this;
        }

        /** Rows claimed at once; default 20. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 1000) {
                throw new IllegalArgumentException("batchSize: 1 to 1000");
            }
            this.batchSize = batchSize;
            return this;
        }

        /** How often an idle worker looks for rows submitted by other instances; default 1 s. */
        public Builder pollInterval(Duration pollInterval) {
            if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("pollInterval: must be positive");
            }
            this.pollInterval = pollInterval;
            return this;
        }

        /** The wait after a failed delivery of a row: doubling per attempt; default 1 s to 5 min. */
        public Builder retryBackoff(Duration initial, Duration max) {
            this.retryBackoff = Backoff.of(initial, max, RETRY_JITTER);
            return this;
        }

        /** How long delivered rows (without payload) are kept before they are purged; default 7 days. */
        public Builder retention(Duration retention) {
            if (retention == null || retention.isNegative()) {
                throw new IllegalArgumentException("retention: must be zero or positive");
            }
            this.retention = retention;
            return this;
        }

        /** Whether this instance delivers (default) or only submits, e.g. a batch job beside the web instances. */
        public Builder deliver(boolean deliver) {
            this.deliver = deliver;
            return this;
        }

        /** Receives each record the platform refused for good, after it became a dead letter. */
        public Builder onRejected(BiConsumer<OutboxRecord, RecordRejectedException> handler) {
            this.rejectionHandler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Told when a row is stored (on a joined transaction: before it commits), delivered or dead-lettered
         * ({@link HcpEventListener}); what it throws is caught and logged, never passed to the submitter or the worker.
         */
        public Builder eventListener(HcpEventListener listener) {
            this.events = HcpEventListener.guarded(Objects.requireNonNull(listener, "eventListener"));
            return this;
        }

        /**
         * Starts the store (and its worker, unless {@link #deliver(boolean) deliver(false)}).
         *
         * @throws OutboxStorageException when the database cannot be reached to detect the dialect
         */
        public JdbcOutboxStore start() {
            JdbcDialect d = dialect;
            if (d == null) {
                try (Connection c = dataSource.getConnection()) {
                    d = JdbcDialect.detect(c);
                } catch (SQLException unreachable) {
                    throw new OutboxStorageException("cannot reach the outbox database: " + unreachable.getMessage(),
                            unreachable);
                }
            }
            JdbcOutboxStore store = new JdbcOutboxStore(this, d);
            store.start();
            return store;
        }
    }
}
