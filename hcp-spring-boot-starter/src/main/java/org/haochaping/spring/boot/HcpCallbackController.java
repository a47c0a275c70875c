package org.haochaping.spring.boot;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.haochaping.badreview.WorkOrder;
import org.haochaping.client.MalformedResponseException;
import org.haochaping.client.WorkOrderCallbacks;
import org.haochaping.crypto.CryptoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endpoint the platform pushes bad-review work orders to ({@code hcp.callbacks.path}, interface-spec 5.5): verifies
 * each request ({@link WorkOrderCallbacks}, with the shared replay guard) and hands the order to the application's
 * {@link WorkOrderHandler}. Answers 200 {@code {"code":"OK"}}, 401 for a request that does not verify (signature,
 * window, nonce, app id), 400 for a verified body that is no work order, 500 when the handler failed.
 */
@RestController
public class HcpCallbackController {

    private static final Logger LOG = LoggerFactory.getLogger(HcpCallbackController.class);

    private final WorkOrderCallbacks callbacks;
    private final WorkOrderHandler handler;

    public HcpCallbackController(WorkOrderCallbacks callbacks, WorkOrderHandler handler) {
        this.callbacks = callbacks;
        this.handler = handler;
    }

    @PostMapping(path = "${hcp.callbacks.path:/hcp/callbacks}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> receive(HttpServletRequest request,
            @RequestBody(required = false) byte[] body) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, request.getHeader(name));
        }
        WorkOrder order;
        try {
            order = callbacks.verify(request.getMethod(), request.getRequestURI(), request.getQueryString(), headers,
                    body == null ? new byte[0] : body);
        } catch (CryptoException refused) {
            LOG.warn("Work-order callback refused: {}", refused.reason());
            return ResponseEntity.status(401).body(Map.of("code", "UNAUTHORIZED", "reason", refused.reason().name()));
        } catch (MalformedResponseException malformed) {
            return ResponseEntity.badRequest().body(Map.of("code", "INVALID_REQUEST"));
        }
        try {
            handler.onWorkOrder(order);
        } catch (Exception failed) {
            LOG.error("Work-order handler failed for {}: {}", order.orderNo(), failed.toString());
            return ResponseEntity.internalServerError().body(Map.of("code", "INTERNAL"));
        }
        return ResponseEntity.ok(Map.of("code", "OK"));
    }
}
