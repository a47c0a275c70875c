package org.haochaping.rules;

import java.util.Objects;

/**
 * One broken rule: the field it concerns (a JSON-style path such as {@code case.deptCode} or
 * {@code indicators[1]}), the rule it breaks ({@code Art. 7}, {@code Art. 17; GB 11643}, or a section of the
 * interface specification) and a message in English that keeps the Chinese term. Messages never repeat
 * personal data.
 */
public final class Violation {

    private final String path;
    private final String rule;
    private final String message;

    public Violation(String path, String rule, String message) {
        this.path = Objects.requireNonNull(path, "path");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.message = Objects.requireNonNull(message, "message");
    }

    /** The field, as a JSON-style path relative to the payload. */
    public String path() {
        return path;
    }

    /** The article or specification section, e.g. {@code Art. 7}. */
    public String rule() {
        return rule;
    }

    public String message() {
        return message;
    }

    /** The same violation under a parent path, e.g. {@code deptCode} becomes {@code case.deptCode}. */
    public Violation under(String parent) {
        return new Violation(parent.isEmpty() ? path : parent + "." + path, rule, message);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Violation)) {
            return false;
        }
        Violation v = (Violation) o;
        return path.equals(v.path) && rule.equals(v.rule) && message.equals(v.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, rule, message);
    }

    /** {@code path: message (rule)}, the form {@code hcp validate} prints. */
    @Override
    public String toString() {
        return path + ": " + message + " (" + rule + ")";
    }
}
