package org.haochaping.wire;

import org.haochaping.rules.ValidationException;
import org.haochaping.rules.Violation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a profile read from one JSON object: the value (as far as it could be read) and every violation found,
 * both of the wire format and of the rules.
 */
public final class Decoded<T> {

    private final T value;
    private final List<Violation> violations;

    Decoded(T value, List<Violation> violations) {
        this.value = value;
        this.violations = Collections.unmodifiableList(new ArrayList<>(violations));
    }

    /** The value read; may be incomplete when there are violations. */
    public T value() {
        return value;
    }

    public List<Violation> violations() {
        return violations;
    }

    public boolean isValid() {
        return violations.isEmpty();
    }

    /** The value, or a {@link ValidationException} with every violation. */
    public T orThrow() {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return value;
    }
}
