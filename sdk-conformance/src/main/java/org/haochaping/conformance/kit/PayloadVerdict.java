package org.haochaping.conformance.kit;

import java.util.List;

/**
 * An implementation's verdict on one payload: accepted when it reports no violation.
 *
 * @param violations what the implementation refused the payload for (empty: accepted)
 */
public record PayloadVerdict(List<Finding> violations) {

    /** One reported violation: the offending field (in the profile's own names) and the article it breaks. */
    public record Finding(String path, String rule) {
        @Override
        public String toString() {
            return path + " (" + rule + ")";
        }
    }

    public PayloadVerdict {
        violations = List.copyOf(violations);
    }

    public static PayloadVerdict accepted() {
        return new PayloadVerdict(List.of());
    }

    public boolean isAccepted() {
        return violations.isEmpty();
    }
}
