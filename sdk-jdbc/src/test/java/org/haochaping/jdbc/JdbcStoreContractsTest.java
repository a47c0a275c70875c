package org.haochaping.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.haochaping.conformance.kit.OutboxStoreContract;
import org.haochaping.conformance.kit.ReplayGuardContract;
import org.haochaping.crypto.request.ReplayGuard;
import org.haochaping.outbox.OutboxSink;
import org.haochaping.outbox.OutboxStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/**
 * The kit's store contracts, applied to {@link JdbcOutboxStore} and {@link JdbcReplayGuard} on real PostgreSQL, real
 * MariaDB and H2 (each test on tables of its own, dropped after it). The second guard and the reopened store use a
 * data source of their own, as a second instance of a department system would.
 */
class JdbcStoreContractsTest {

    abstract class OutboxOn implements OutboxStoreContract {
        private final TestDatabase db;
        private final DataSource dataSource;
        private final JdbcTables tables = TestDatabase.freshTables();
        private final List<JdbcOutboxStore> opened = new ArrayList<>();

        OutboxOn(TestDatabase db) {
            this.db = db;
            this.dataSource = db.dataSource();
        }

        @Override
        public OutboxStore open(OutboxSink sink) throws SQLException {
            if (opened.isEmpty()) {
                try (Connection c = dataSource.getConnection()) {
                    JdbcSchema.apply(dataSource, JdbcDialect.detect(c), tables);
                }
            }
            JdbcOutboxStore store = JdbcOutboxStore.builder(opened.isEmpty() ? dataSource : db.dataSource(), sink)
                    .tables(tables).pollInterval(Duration.ofMillis(50))
                    .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(100)).start();
            opened.add(store);
            return store;
        }

        @AfterEach
        void dropTables() throws SQLException {
            opened.forEach(JdbcOutboxStore::close);
            TestDatabase.dropTables(dataSource, tables);
        }
    }

    abstract class GuardOn implements ReplayGuardContract {
        private final DataSource dataSource;
        private final DataSource second;
        private final JdbcTables tables = TestDatabase.freshTables();
        private JdbcReplayGuard guard;

        GuardOn(TestDatabase db) {
            this.dataSource = db.dataSource();
            this.second = db.dataSource();
        }

        @Override
        public ReplayGuard guard() throws SQLException {
            if (guard == null) {
                try (Connection c = dataSource.getConnection()) {
                    JdbcSchema.apply(dataSource, JdbcDialect.detect(c), tables);
                }
                guard = new JdbcReplayGuard(dataSource, tables);
            }
            return guard;
        }

        @Override
        public ReplayGuard sameStorage() throws SQLException {
            guard();
            // One connection first: MariaDbDataSource reads its user lazily, and eight threads racing on a fresh one
            // have connected as the default user (root).
            try (Connection warm = second.getConnection()) {
                return new JdbcReplayGuard(second, tables);
            }
        }

        @Override
        public int purgeExpired(long nowMillis) throws SQLException {
            return ((JdbcReplayGuard) guard()).purgeExpired(nowMillis);
        }

        @AfterEach
        void dropTables() throws SQLException {
            TestDatabase.dropTables(dataSource, tables);
        }
    }

    @Nested
    class OutboxOnH2 extends OutboxOn {
        OutboxOnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class OutboxOnPostgreSql extends OutboxOn {
        OutboxOnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }

    @Nested
    class OutboxOnMariaDb extends OutboxOn {
        OutboxOnMariaDb() {
            super(TestDatabase.MARIADB);
        }
    }

    @Nested
    class ReplayGuardOnH2 extends GuardOn {
        ReplayGuardOnH2() {
            super(TestDatabase.H2);
        }
    }

    @Nested
    class ReplayGuardOnPostgreSql extends GuardOn {
        ReplayGuardOnPostgreSql() {
            super(TestDatabase.POSTGRESQL);
        }
    }

    @Nested
    class ReplayGuardOnMariaDb extends GuardOn {
        ReplayGuardOnMariaDb() {
            super(TestDatabase.MARIADB);
        }
    }
}
