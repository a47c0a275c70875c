package org.haochaping.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real databases the tests run on: PostgreSQL and MariaDB servers (URLs from {@code HCP_TEST_PG_URL} and
 * {@code HCP_TEST_MARIADB_URL}, user and password {@code hcp}; started by .ci/databases) and an in-memory H2. A server
 * that cannot be reached fails the test, it does not skip it. Each use gets tables of its own (a random prefix),
 * dropped by {@link #dropTables}.
 */
enum TestDatabase {
    POSTGRESQL, MARIADB, H2;

    static final String PG_URL = env("HCP_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/hcp_test");
    static final String MARIADB_URL = env("HCP_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/hcp_test");

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    DataSource dataSource() {
        try {
            switch (this) {
                case POSTGRESQL: {
                    PGSimpleDataSource ds = new PGSimpleDataSource();
                    ds.setUrl(PG_URL);
                    ds.setUser("hcp");
                    ds.setPassword("hcp");
                    return ds;
                }
                case MARIADB: {
                    MariaDbDataSource ds = new MariaDbDataSource(MARIADB_URL);
                    ds.setUser("hcp");
                    ds.setPassword("hcp");
                    return ds;
                }
                default: {
                    JdbcDataSource ds = new JdbcDataSource();
                    // One named in-memory database per JVM, kept while the JVM runs.
                    ds.setURL("jdbc:h2:mem:hcp_jdbc_test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
                    return ds;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static JdbcTables freshTables() {
        return JdbcTables.withPrefix("t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)
                .toLowerCase(Locale.ROOT) + "_");
    }

    static void dropTables(DataSource ds, JdbcTables tables) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + tables.outbox());
            s.execute("DROP TABLE IF EXISTS " + tables.replayNonce());
            s.execute("DROP TABLE IF EXISTS " + tables.trackedCase());
        }
    }
}
