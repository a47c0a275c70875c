package org.haochaping.client;

import org.haochaping.badreview.WorkOrderState;

/** The paths of the central interface's endpoints (interface-spec 5.2-5.9), below the client's base URL. */
final class Endpoints {

    static final String CASES = "/v1/cases";
    static final String EVALUATIONS = "/v1/evaluations";
    static final String NATIONAL_EVALUATIONS = "/v1/national/evaluations";
    static final String UNEVALUATED = "/v1/unevaluated";
    static final String INDICATORS = "/v1/indicators";

    private Endpoints() {
    }

    /** Where a submission of {@code kind} ({@code HcpClient.KIND_*}) goes. */
    static String submission(String kind, boolean national) {
        if (HcpClient.KIND_EVALUATIONS.equals(kind)) {
            return national ? NATIONAL_EVALUATIONS : EVALUATIONS;
        } else if (HcpClient.KIND_CASES.equals(kind)) {
            return CASES;
        } else if (HcpClient.KIND_UNEVALUATED.equals(kind)) {
            return UNEVALUATED;
        }
        throw new IllegalArgumentException("kind must be " + HcpClient.KIND_EVALUATIONS + ", " + HcpClient.KIND_CASES
                + " or " + HcpClient.KIND_UNEVALUATED);
    }

    static String evaluation(String evaluationNo) {
        return EVALUATIONS + "/" + segment(evaluationNo);
    }

    /** One page of work orders (5.5); the page bounds are those of 5.1. */
    static String workOrders(WorkOrderState state, String deptCode, int page, int pageSize) {
        if (page < 1 || pageSize < 1 || pageSize > HcpClient.MAX_RECORDS) {
            throw new IllegalArgumentException("page must be 1 or more and pageSize 1 to " + HcpClient.MAX_RECORDS
                    + " (interface-spec 5.1)");
        }
        StringBuilder q = new StringBuilder("/v1/work-orders?page=").append(page).append("&pageSize=").append(pageSize);
        if (state != null) {
            q.append("&state=").append(state.name());
        }
        if (deptCode != null) {
            q.append("&deptCode=").append(segment(deptCode));
        }
        return q.toString();
    }

    static String workOrder(String orderNo) {
        return "/v1/work-orders/" + segment(orderNo);
    }

    static String workOrderActions(String orderNo) {
        return workOrder(orderNo) + "/actions";
    }

    static String workOrderFollowUp(String orderNo) {
        return workOrder(orderNo) + "/follow-up";
    }

    static String calendar(int year) {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year must have four digits, was " + year);
        }
        return "/v1/calendar/" + year;
    }

    /** A path segment: the platform's numbers are codes; anything else is refused rather than escaped. */
    static String segment(String value) {
        if (value == null || !value.matches("[A-Za-z0-9._~-]{1,64}")) {
            throw new IllegalArgumentException("not a platform number or code: 1 to 64 of A-Z a-z 0-9 . _ ~ -");
        }
        return value;
    }
}
