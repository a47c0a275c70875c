package org.haochaping.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What differs between databases for the outbox: the folder of the schema scripts and how a worker claims a batch of
 * rows that no other worker holds. The built-in dialects claim with {@code SELECT ... FOR UPDATE SKIP LOCKED}; a
 * database with other syntax (e.g. an Oracle-compatible one) is added with {@link #of}. Immutable.
 */
public final class JdbcDialect {

    private static final String LIMIT_SKIP_LOCKED = "LIMIT ? FOR UPDATE SKIP LOCKED";

    /** PostgreSQL 9.5 and later, and databases compatible with its SQL (e.g. openGauss, KingbaseES in PG mode). */
    public static final JdbcDialect POSTGRESQL = new JdbcDialect("postgresql", LIMIT_SKIP_LOCKED);
    /** MySQL 8.0 and later, MariaDB 10.6 and later (InnoDB), and databases compatible with them. */
    public static final JdbcDialect MYSQL = new JdbcDialect("mysql", LIMIT_SKIP_LOCKED);
    /** H2 2.2 and later: the embedded default for development and tests. */
    public static final JdbcDialect H2 = new JdbcDialect("h2", LIMIT_SKIP_LOCKED);

    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");

    private final String name;
    private final String limitAndLock;

    private JdbcDialect(String name, String limitAndLock) {
        this.name = name;
        this.limitAndLock = limitAndLock;
    }

    /**
     * A dialect of one's own.
     *
     * @param name the folder of its schema scripts below {@code org/haochaping/jdbc/schema/} on the class path
     * @param limitAndLock what follows {@code ORDER BY} in the claim query: a limit with one {@code ?} for the batch
     *     size and a row lock that skips rows locked by others, e.g. {@code FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP
     *     LOCKED}
     */
    public static JdbcDialect of(String name, String limitAndLock) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: 1 to 32 of a-z 0-9 _ -");
        }
        Objects.requireNonNull(limitAndLock, "limitAndLock");
        if (limitAndLock.indexOf('?') < 0 || limitAndLock.indexOf('?') != limitAndLock.lastIndexOf('?')) {
            throw new IllegalArgumentException("limitAndLock: needs exactly one ? for the batch size");
        }
        return new JdbcDialect(name, limitAndLock);
    }

    /**
     * The dialect of the database behind a connection, by the product name its driver reports.
     *
     * @throws IllegalArgumentException for a database without a built-in dialect (name it with {@link #of})
     */
    public static JdbcDialect detect(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (product.contains("mysql") || product.contains("mariadb")) {
            return MYSQL;
        }
        if (product.equals("h2")) {
            return H2;
        }
        throw new IllegalArgumentException("no built-in outbox dialect for " + meta.getDatabaseProductName()
                + "; pass one with JdbcDialect.of(name, limitAndLock) and schema scripts of its own");
    }

    public String name() {
        return name;
    }

    /** The class-path resource of schema script {@code version} for this dialect. */
    String scriptResource(int version) {
        return "org/haochaping/jdbc/schema/" + name + "/V" + version + "__hcp_outbox.sql";
    }

    String claimSql(String table) {
        return "SELECT id, idempotency_key, kind, payload, created_at, attempts FROM " + table
                + " WHERE status = 'PENDING' AND due_at <= ? ORDER BY due_at, id " + limitAndLock;
    }

    @Override
    public String toString() {
        return "JdbcDialect{" + name + "}";
    }
}
