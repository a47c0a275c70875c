package org.haochaping.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.haochaping.Fixtures;
import org.haochaping.badreview.Actor;
import org.haochaping.badreview.ActorRole;
import org.haochaping.badreview.BadReviewWorkflow;
import org.haochaping.badreview.WorkOrder;
import org.haochaping.calendar.WorkingDayCalendar;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.request.MessageDirection;
import org.haochaping.crypto.request.MessageSigner;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.deadline.DeadlineCalculator;
import org.haochaping.model.Grade;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WorkOrderCallbacksTest {

    private final PrivateKeyMaterial platformKey = PrivateKeyMaterial.generateSm2();
    private final MessageSigner platform = MessageSigner.builder(Sm2Signer.builder(platformKey).keyId("plat-1").build())
            .appId("app-001").build();
    private final WorkOrderCallbacks callbacks = WorkOrderCallbacks.create("app-001",
            Sm2Verifier.builder().key("plat-1", platformKey.publicKey()).build(), Clock.systemUTC());

    private byte[] body() throws Exception {
        WorkOrder order = new BadReviewWorkflow(new DeadlineCalculator(WorkingDayCalendar.official()))
                .open("WO-1", "E1", "TJ2026112600101", Grade.DISSATISFIED, Fixtures.DEPT_CODE, "120101",
                        Actor.of(ActorRole.SYSTEM, "hcp-platform"), Fixtures.COMPLETED_AT);
        Map<String, Object> callback = new HashMap<>();
        callback.put("event", "WORK_ORDER");
        callback.put("workOrder", order);
        return new ObjectMapper().writeValueAsBytes(callback);
    }

    @Test
    void aSignedCallbackGivesItsWorkOrderOnceAndATamperedOneNothing() throws Exception {
        byte[] body = body();
        Map<String, String> headers = platform.sign(MessageDirection.REQUEST, "app-001", "POST", "/hcp/callback", null,
                body).asMap();
        WorkOrder order = callbacks.verify("POST", "/hcp/callback", null, headers, body);
        assertThat(order.orderNo()).isEqualTo("WO-1");

        CryptoException replayed = catchThrowableOfType(CryptoException.class,
                () -> callbacks.verify("POST", "/hcp/callback", null, headers, body));
        assertThat(replayed.reason()).isEqualTo(CryptoException.Reason.REPLAYED);

        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("WO-1", "WO-2")
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> fresh = platform.sign(MessageDirection.REQUEST, "app-001", "POST", "/hcp/callback", null,
                body).asMap();
        CryptoException forged = catchThrowableOfType(CryptoException.class,
                () -> callbacks.verify("POST", "/hcp/callback", null, fresh, tampered));
        assertThat(forged.reason()).isEqualTo(CryptoException.Reason.SIGNATURE_INVALID);
    }
}
