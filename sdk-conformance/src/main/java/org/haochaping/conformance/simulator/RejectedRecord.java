package org.haochaping.conformance.simulator;

import java.util.Collections;
import java.util.List;

import org.haochaping.rules.Violation;

/** A record of a submission that the simulator refused, with every violation (path, rule, message). Immutable. */
public final class RejectedRecord {

    private final String endpoint;
    private final String sender;
    private final int index;
    private final List<Violation> violations;
    private final long requestSequence;

    RejectedRecord(String endpoint, String sender, int index, List<Violation> violations) {
        this.requestSequence = CurrentRequest.sequence();
        this.endpoint = endpoint;
        this.sender = sender;
        this.index = index;
        this.violations = Collections.unmodifiableList(violations);
    }

    /** The path the record was posted to, e.g. {@code /v1/evaluations}. */
    public String endpoint() {
        return endpoint;
    }

    public String sender() {
        return sender;
    }

    /** The number of the request ({@link ObservedRequest#sequence()}) it came with; 0 when unknown. */
    public long requestSequence() {
        return requestSequence;
    }

    /** The record's position in its request. */
    public int index() {
        return index;
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public String toString() {
        return "RejectedRecord[#" + requestSequence + " " + endpoint + " [" + index + "] " + violations + "]";
    }
}
