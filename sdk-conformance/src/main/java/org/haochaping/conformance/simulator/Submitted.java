package org.haochaping.conformance.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.haochaping.rules.Violation;
import org.haochaping.wire.Decoded;

/**
 * One record of a submission as decoded by its wire profile: the value (as far as it could be read) and the
 * violations of format and single-record rules, with paths relative to the record. Immutable.
 */
final class Submitted<T> {

    final T value;
    final List<Violation> violations;

    Submitted(T value, List<Violation> violations) {
        this.value = value;
        this.violations = Collections.unmodifiableList(new ArrayList<>(violations));
    }

    boolean isValid() {
        return violations.isEmpty();
    }

    /**
     * The records of a JSON array decoded with {@code PayloadCodec.decode...}, whose violation paths start with
     * the element's {@code [i]}: the same with paths relative to each record ({@code $} for the record itself).
     */
    static <T> List<Submitted<T>> ofArray(List<Decoded<T>> decoded) {
        List<Submitted<T>> out = new ArrayList<>(decoded.size());
        for (int i = 0; i < decoded.size(); i++) {
            String prefix = "[" + i + "]";
            List<Violation> relative = new ArrayList<>();
            for (Violation v : decoded.get(i).violations()) {
                String path = v.path();
                if (path.startsWith(prefix)) {
                    path = path.substring(prefix.length());
                    path = path.startsWith(".") ? path.substring(1) : path.isEmpty() ? "$" : path;
                }
                relative.add(new Violation(path, v.rule(), v.message()));
            }
            out.add(new Submitted<>(decoded.get(i).value(), relative));
        }
        return out;
    }
}
