package org.haochaping.rules;

import org.haochaping.HcpException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Thrown when a case, an evaluation or a payload breaks one or more rules; carries every violation found, not
 * just the first.
 */
public class ValidationException extends HcpException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_IN_MESSAGE = 5;

    private final List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super(summary(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        this.violations = Collections.unmodifiableList(new ArrayList<>(violations));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        StringBuilder sb = new StringBuilder();
        sb.append(violations.size()).append(violations.size() == 1 ? " violation: " : " violations: ");
        for (int i = 0; i < violations.size() && i < MAX_IN_MESSAGE; i++) {
            sb.append(i == 0 ? "" : "; ").append(violations.get(i));
        }
        if (violations.size() > MAX_IN_MESSAGE) {
            sb.append("; and ").append(violations.size() - MAX_IN_MESSAGE).append(" more");
        }
        return sb.toString();
    }
}
