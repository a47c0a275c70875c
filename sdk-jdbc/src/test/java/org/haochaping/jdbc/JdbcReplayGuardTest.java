package org.haochaping.jdbc;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared replay guard on real PostgreSQL, real MariaDB and H2: two instances, one memory. */
class JdbcReplayGuardTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNonceSeenByOneInstanceIsARepayForTheOtherUntilItExpires(TestDatabase db) throws SQLException {
        DataSource first = db.dataSource();
        DataSource second = db.dataSource();
        JdbcTables tables = TestDatabase.freshTables();
        try (java.sql.Connection c = first.getConnection()) {
            JdbcSchema.apply(first, JdbcDialect.detect(c), tables);
        }
        try {
            JdbcReplayGuard podA = new JdbcReplayGuard(first, tables);
            JdbcReplayGuard podB = new JdbcReplayGuard(second, tables);
            long now = 1_764_554_400_000L;
            assertThat(podA.firstSeen("nonce-1", now, now + 600_000)).isTrue();
            assertThat(podB.firstSeen("nonce-1", now + 1000, now + 601_000)).as("replayed to pod B").isFalse();
            assertThat(podA.firstSeen("nonce-1", now + 2000, now + 602_000)).as("replayed to pod A").isFalse();
            assertThat(podB.firstSeen("Nonce-1", now, now + 600_000)).as("nonces are case-sensitive").isTrue();
            assertThat(podB.firstSeen("nonce-2", now, now + 600_000)).isTrue();

            long later = now + 600_001;
            assertThat(podB.firstSeen("nonce-1", later, later + 600_000)).as("outside its window").isTrue();
            assertThat(podA.firstSeen("nonce-1", later, later + 600_000)).isFalse();
            assertThat(podA.purgeExpired(later)).as("nonce-2 and Nonce-1 expired").isEqualTo(2);
        } finally {
            TestDatabase.dropTables(first, tables);
        }
    }
}
