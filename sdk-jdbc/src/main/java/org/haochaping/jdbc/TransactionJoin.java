package org.haochaping.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How the outbox finds the caller's database transaction, so that a record is stored if and only if the business
 * change commits (the transactional outbox). The Spring Boot starter answers with the connection of Spring's
 * transaction on the current thread; plain JDBC code passes its connection to
 * {@link JdbcOutboxStore#submit(Connection, String, byte[], org.haochaping.transport.IdempotencyKey)} instead.
 */
public interface TransactionJoin {

    /** No transaction to join: every submit commits on a connection of its own. */
    TransactionJoin NONE = new TransactionJoin() {
        @Override
        public Connection currentTransaction() {
            return null;
        }
    };

    /**
     * The connection of the transaction in progress on this thread, or {@code null} when there is none. The outbox
     * writes on it and neither commits nor closes it; the caller's commit or rollback decides.
     */
    Connection currentTransaction() throws SQLException;

    /** Hands back a connection from {@link #currentTransaction()}; by default nothing to do. */
    default void release(Connection connection) throws SQLException {
    }
}
