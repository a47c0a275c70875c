package org.haochaping.examples.department;

import java.time.OffsetDateTime;
import org.haochaping.badreview.WorkOrder;
import org.haochaping.deadline.Deadline;
import org.haochaping.spring.boot.WorkOrderHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes the bad-review work orders (差评工单, Art. 18) the platform pushes to {@code hcp.callbacks.path}: the starter's
 * endpoint verifies the signature, time window, nonce (shared by every instance through the database) and app id,
 * then calls this bean. It files the order against the department's case, with the first deadline it runs against
 * (Art. 20), for the case officer's queue. Pushed again (the platform retries after a 500), it is filed again:
 * the same order, the newer state.
 */
@Component
public class BadReviewDesk implements WorkOrderHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BadReviewDesk.class);

    private final JdbcTemplate jdbc;

    public BadReviewDesk(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void onWorkOrder(WorkOrder order) {
        OffsetDateTime due = order.deadlines().stream().map(Deadline::dueAt).min(OffsetDateTime::compareTo)
                .orElse(null);
        int updated = jdbc.update("UPDATE dept_case SET work_order_no = ?, work_order_state = ?, work_order_due_at = ? "
                + "WHERE case_no = ?", order.orderNo(), order.state().name(), due, order.caseNo());
        // Numbers and states only: no evaluator data in the logs (Art. 17).
        if (updated == 0) {
            LOG.warn("Work order {} names case {}, which this system has not recorded", order.orderNo(), order.caseNo());
        } else {
            LOG.info("Work order {} ({}) filed against case {}", order.orderNo(), order.state(), order.caseNo());
        }
    }
}
