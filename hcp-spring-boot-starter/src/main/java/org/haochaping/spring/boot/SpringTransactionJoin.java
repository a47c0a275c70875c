package org.haochaping.spring.boot;

import java.sql.Connection;
import javax.sql.DataSource;
import org.haochaping.jdbc.TransactionJoin;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Joins the outbox to Spring's transaction on the current thread ({@code @Transactional}, {@code TransactionTemplate}):
 * the outbox row commits or rolls back with the business change.
 */
final class SpringTransactionJoin implements TransactionJoin {

    private final DataSource dataSource;

    SpringTransactionJoin(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection currentTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        return DataSourceUtils.getConnection(dataSource);
    }

    @Override
    public void release(Connection connection) {
        DataSourceUtils.releaseConnection(connection, dataSource);
    }
}
