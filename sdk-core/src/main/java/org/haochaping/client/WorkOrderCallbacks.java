package org.haochaping.client;

import com.fasterxml.jackson.databind.JsonNode;
import org.haochaping.badreview.WorkOrder;
import org.haochaping.crypto.Verifier;
import org.haochaping.crypto.request.InMemoryReplayGuard;
import org.haochaping.crypto.request.MessageDirection;
import org.haochaping.crypto.request.MessageVerifier;
import org.haochaping.crypto.request.ReplayGuard;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies and reads the work orders a platform pushes to a department's callback URL (interface-spec 5.5): the
 * request must be signed by a platform key in the {@code REQUEST} direction, inside the time window, with a nonce
 * not seen before, and addressed to this app; only then is the body read. Thread-safe; keep one per app so its
 * replay guard sees every callback.
 *
 * <pre>{@code
 * WorkOrderCallbacks callbacks = WorkOrderCallbacks.create("app-001", platformVerifier, Clock.systemUTC());
 * WorkOrder order = callbacks.verify("POST", request.getRequestURI(), request.getQueryString(), headers, body);
 * // answer 200 {"code":"OK"}; a CryptoException means: answer 401 and ignore the body
 * }</pre>
 */
public final class WorkOrderCallbacks {

    private final MessageVerifier verifier;

    private WorkOrderCallbacks(MessageVerifier verifier) {
        this.verifier = verifier;
    }

    /**
     * @param appId this department system's app id, which the callback must be addressed to
     * @param platformVerifier the platform's keys (several during a rotation)
     */
    public static WorkOrderCallbacks create(String appId, Verifier platformVerifier, Clock clock) {
        return create(appId, platformVerifier, clock, new InMemoryReplayGuard(MessageVerifier.DEFAULT_REPLAY_CAPACITY));
    }

    /**
     * As {@link #create(String, Verifier, Clock)}, with the nonce memory shared by every instance of the department
     * system (e.g. sdk-jdbc's {@code JdbcReplayGuard} on the application's database), so that a callback replayed to
     * another instance behind the load balancer is refused as well.
     */
    public static WorkOrderCallbacks create(String appId, Verifier platformVerifier, Clock clock,
            ReplayGuard replayGuard) {
        return new WorkOrderCallbacks(MessageVerifier.builder(Objects.requireNonNull(platformVerifier, "verifier"))
                .expectedAppId(Objects.requireNonNull(appId, "appId")).clock(Objects.requireNonNull(clock, "clock"))
                .replayGuard(Objects.requireNonNull(replayGuard, "replayGuard"))
                .build());
    }

    /**
     * Verifies one callback request and returns the work order it carries.
     *
     * @param encodedPath the request path as received (with the servlet context path, if any), percent-encoded
     * @param encodedQuery the query as received, or {@code null}
     * @param headers the request headers (names matched case-insensitively)
     * @param body the body bytes exactly as received
     * @throws org.haochaping.crypto.CryptoException when the signature, time window, nonce or app id is wrong
     * @throws MalformedResponseException when a verified body is not a work-order callback
     */
    public WorkOrder verify(String method, String encodedPath, String encodedQuery, Map<String, String> headers,
            byte[] body) {
        verifier.verify(MessageDirection.REQUEST, method, encodedPath, encodedQuery, headers, body);
        JsonNode root = PlatformResponses.tree(body);
        if (!"WORK_ORDER".equals(root.path("event").asText(null)) || !root.path("workOrder").isObject()) {
            throw new MalformedResponseException("the callback is not {\"event\": \"WORK_ORDER\", \"workOrder\": {...}}");
        }
        return PlatformResponses.value(root.get("workOrder"), WorkOrder.class, "work order");
    }
}
