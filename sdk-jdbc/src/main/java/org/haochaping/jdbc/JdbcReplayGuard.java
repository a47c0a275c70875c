package org.haochaping.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.haochaping.crypto.request.ReplayGuard;

/**
 * A {@link ReplayGuard} in a table shared by every instance of a department system: the nonce is the primary key, so
 * of two instances that receive the same callback, exactly one inserts it and the other is refused. A nonce whose
 * window has passed may be taken again; expired rows are purged now and then ({@link #purgeExpired}). When the
 * database cannot answer, {@link #firstSeen} throws, and the message is refused rather than accepted unchecked.
 * Thread-safe.
 */
public final class JdbcReplayGuard implements ReplayGuard {

    private static final long PURGE_EVERY = 1000;

    private final DataSource dataSource;
    private final String table;
    private final AtomicLong inserts = new AtomicLong();

    /** A guard on the {@code replay_nonce} table of {@code tables} (created by {@link JdbcSchema#apply}). */
    public JdbcReplayGuard(DataSource dataSource, JdbcTables tables) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = Objects.requireNonNull(tables, "tables").replayNonce();
    }

    @Override
    public boolean firstSeen(String key, long nowMillis, long expiresAtMillis) {
        if (key == null || key.isEmpty() || key.length() > 200) {
            return false; // not a nonce this SDK accepts; MessageVerifier checks the format before
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (!autoCommit) {
                c.setAutoCommit(true);
            }
            try {
                if (inserts.incrementAndGet() % PURGE_EVERY == 0) {
                    purge(c, nowMillis);
                }
                // An expired row of the same nonce is taken over; an unexpired one makes this a replay.
                try (PreparedStatement reuse = c.prepareStatement("UPDATE " + table
                        + " SET expires_at = ? WHERE nonce = ? AND expires_at < ?")) {
                    reuse.setLong(1, expiresAtMillis);
                    reuse.setString(2, key);
                    reuse.setLong(3, nowMillis);
                    if (reuse.executeUpdate() == 1) {
                        return true;
                    }
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table
                        + " (nonce, expires_at) VALUES (?, ?)")) {
                    insert.setString(1, key);
                    insert.setLong(2, expiresAtMillis);
                    insert.executeUpdate();
                    return true;
                } catch (SQLException refused) {
                    if (isDuplicateKey(refused)) {
                        return false;
                    }
                    throw refused;
                }
            } finally {
                if (!autoCommit) {
                    c.setAutoCommit(false);
                }
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("the replay guard's table " + table + " cannot be checked: "
                    + failed.getSQLState(), failed);
        }
    }

    /** Deletes nonces whose window has passed; returns how many. */
    public int purgeExpired(long nowMillis) {
        try (Connection c = dataSource.getConnection()) {
            return purge(c, nowMillis);
        } catch (SQLException failed) {
            throw new IllegalStateException("the replay guard's table " + table + " cannot be purged: "
                    + failed.getSQLState(), failed);
        }
    }

    private int purge(Connection c, long nowMillis) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE expires_at < ?")) {
            delete.setLong(1, nowMillis);
            return delete.executeUpdate();
        }
    }

    /** SQL state class 23 (integrity constraint violation): PostgreSQL 23505, MySQL/MariaDB 23000, H2 23505. */
    static boolean isDuplicateKey(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            if (state != null && state.startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "JdbcReplayGuard{" + table + "}";
    }
}
