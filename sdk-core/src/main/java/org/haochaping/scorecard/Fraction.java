package org.haochaping.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact quotient of decimals, so that every published figure is rounded once, from its exact value
 * (no error creeps in through intermediate rounding, e.g. of 1/3).
 */
final class Fraction {

    /** Scale of every published figure: two decimals. */
    static final int SCALE = 2;
    static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private final BigDecimal numerator;
    private final BigDecimal denominator;

    private Fraction(BigDecimal numerator, BigDecimal denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** {@code numerator / denominator}; the denominator must be positive. */
    static Fraction of(long numerator, long denominator) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive: " + denominator);
        }
        return new Fraction(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    Fraction times(BigDecimal factor) {
        return new Fraction(numerator.multiply(factor), denominator);
    }

    Fraction dividedBy(BigDecimal divisor) {
        return new Fraction(numerator, denominator.multiply(divisor));
    }

    Fraction plus(Fraction other) {
        return new Fraction(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    /** Rounded to {@link #SCALE} decimals, {@link #ROUNDING}. */
    BigDecimal rounded() {
        return numerator.divide(denominator, SCALE, ROUNDING);
    }
}
