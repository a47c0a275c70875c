package org.haochaping.rules;

import java.util.ArrayList;
import java.util.List;

/** Collects violations for one payload; the field checks every rule class shares. */
final class Checks {

    /** Art. 5: data is transmitted "按照统一规范" — the unified specification's field constraints. */
    static final String SPEC = "Art. 5";

    private final List<Violation> found = new ArrayList<>();

    void add(String path, String rule, String message) {
        found.add(new Violation(path, rule, message));
    }

    void addAll(List<Violation> violations, String parent) {
        for (Violation v : violations) {
            found.add(v.under(parent));
        }
    }

    boolean required(String path, Object value, String what) {
        if (value == null || (value instanceof String && ((String) value).trim().isEmpty())) {
            add(path, SPEC, "is required: " + what);
            return false;
        }
        return true;
    }

    /** An optional text: at most {@code max} characters, no control characters. */
    void text(String path, String value, int max) {
        if (value == null) {
            return;
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            add(path, SPEC, "is " + length + " characters long; at most " + max + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                add(path, SPEC, "contains a control character");
                return;
            }
        }
    }

    /** An optional code: at most {@code max} characters, printable ASCII without spaces. */
    void code(String path, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            add(path, SPEC, "is " + value.length() + " characters long; at most " + max + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~') {
                add(path, SPEC, "must be printable ASCII without spaces");
                return;
            }
        }
    }

    List<Violation> result() {
        return new ArrayList<>(found);
    }
}
