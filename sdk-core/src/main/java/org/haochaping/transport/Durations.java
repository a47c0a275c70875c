package org.haochaping.transport;

import java.time.Duration;

/** Argument checks for the durations of this package's builders. */
final class Durations {

    private Durations() {
    }

    static Duration requirePositive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + ": must be a positive duration, was " + value);
        }
        return value;
    }

    static Duration requireNonNegative(String field, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(field + ": must be zero or positive, was " + value);
        }
        return value;
    }
}
