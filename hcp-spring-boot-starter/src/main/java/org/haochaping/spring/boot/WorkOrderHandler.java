package org.haochaping.spring.boot;

import org.haochaping.badreview.WorkOrder;

/**
 * The application's part of the callback endpoint: receives each pushed work order once its signature, time window,
 * nonce and app id have been verified. Declare one as a bean and the starter serves {@code hcp.callbacks.path}.
 * Throwing makes the endpoint answer 500, so the platform pushes again later (with a new nonce).
 */
@FunctionalInterface
public interface WorkOrderHandler {

    void onWorkOrder(WorkOrder order) throws Exception;
}
