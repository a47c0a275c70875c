package org.haochaping.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.haochaping.badreview.Actor;
import org.haochaping.badreview.ActorRole;
import org.haochaping.badreview.BadReviewWorkflow;
import org.haochaping.badreview.WorkOrder;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.client.WorkOrderCallbacks;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.Verifier;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.request.MessageDirection;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.deadline.DeadlineCalculator;
import org.haochaping.model.Grade;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A work-order callback the platform pushed to one instance of a department system, captured and replayed to a
 * second instance behind the same load balancer, is refused there: both instances keep their nonces in one
 * PostgreSQL table. With the in-memory default, the second instance would accept it.
 */
class CallbackReplayAcrossInstancesTest {

    private final PrivateKeyMaterial platformKey = PrivateKeyMaterial.generateSm2();
    private final MessageSigner platform = MessageSigner.builder(Sm2Signer.builder(platformKey).keyId("plat-1").build())
            .appId("app-001").build();
    private final Verifier platformKeys = Sm2Verifier.builder().key("plat-1", platformKey.publicKey()).build();

    private static byte[] callbackBody() throws Exception {
        WorkOrder order = new BadReviewWorkflow(new DeadlineCalculator(WorkingDayCalendar.official()))
                .open("WO-7", "E7", "TJ2026112600107", Grade.DISSATISFIED, "11120000MB01234566", "120101",
                        Actor.of(ActorRole.SYSTEM, "hcp-platform"), OffsetDateTime.parse("2026-03-05T15:30:00+08:00"));
        Map<String, Object> callback = new HashMap<>();
        callback.put("event", "WORK_ORDER");
        callback.put("workOrder", order);
        return new ObjectMapper().findAndRegisterModules().writeValueAsBytes(callback);
    }

    @Test
    void aCallbackReplayedToAnotherInstanceIsRefused() throws Exception {
        DataSource podADatabase = TestDatabase.POSTGRESQL.dataSource();
        DataSource podBDatabase = TestDatabase.POSTGRESQL.dataSource();
        JdbcTables tables = TestDatabase.freshTables();
        JdbcSchema.apply(podADatabase, JdbcDialect.POSTGRESQL, tables);
        try {
            WorkOrderCallbacks podA = WorkOrderCallbacks.create("app-001", platformKeys, Clock.systemUTC(),
                    new JdbcReplayGuard(podADatabase, tables));
            WorkOrderCallbacks podB = WorkOrderCallbacks.create("app-001", platformKeys, Clock.systemUTC(),
                    new JdbcReplayGuard(podBDatabase, tables));
            WorkOrderCallbacks podBInMemory = WorkOrderCallbacks.create("app-001", platformKeys, Clock.systemUTC());

            byte[] body = callbackBody();
            Map<String, String> headers = platform.sign(MessageDirection.REQUEST, "app-001", "POST", "/hcp/callbacks",
                    null, body).asMap();
            assertThat(podA.verify("POST", "/hcp/callbacks", null, headers, body).orderNo()).isEqualTo("WO-7");

            CryptoException replayed = catchThrowableOfType(CryptoException.class,
                    () -> podB.verify("POST", "/hcp/callbacks", null, headers, body));
            assertThat(replayed).as("the replay to pod B").isNotNull();
            assertThat(replayed.reason()).isEqualTo(CryptoException.Reason.REPLAYED);
            assertThat(podBInMemory.verify("POST", "/hcp/callbacks", null, headers, body).orderNo())
                    .as("what a per-JVM memory would have let through").isEqualTo("WO-7");

            Map<String, String> fresh = platform.sign(MessageDirection.REQUEST, "app-001", "POST", "/hcp/callbacks",
                    null, body).asMap();
            assertThat(podB.verify("POST", "/hcp/callbacks", null, fresh, body).orderNo())
                    .as("a new push (new nonce) of the same order").isEqualTo("WO-7");
        } finally {
            TestDatabase.dropTables(podADatabase, tables);
        }
    }
}
