package org.haochaping.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The platform's answer to one submission of records: a result per record (interface-spec 5.2, 5.3). */
public final class SubmissionResult {

    private final String requestId;
    private final List<RecordResult> results;

    SubmissionResult(String requestId, List<RecordResult> results) {
        this.requestId = requestId;
        this.results = Collections.unmodifiableList(new ArrayList<>(results));
    }

    /** The platform's id of the request, for support tickets; may be {@code null}. */
    public String requestId() {
        return requestId;
    }

    /** One result per submitted record, in request order. */
    public List<RecordResult> results() {
        return results;
    }

    public int count(RecordStatus status) {
        int n = 0;
        for (RecordResult r : results) {
            n += r.status() == status ? 1 : 0;
        }
        return n;
    }

    /** Whether every record is held by the platform (accepted now or before). */
    public boolean allHeld() {
        return count(RecordStatus.REJECTED) == 0;
    }

    @Override
    public String toString() {
        return "SubmissionResult{" + results.size() + " records: " + count(RecordStatus.ACCEPTED) + " accepted, "
                + count(RecordStatus.UPDATED) + " updated, " + count(RecordStatus.DUPLICATE) + " duplicate, "
                + count(RecordStatus.REJECTED) + " rejected}";
    }
}
