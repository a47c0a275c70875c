package org.haochaping.wire;

import org.haochaping.model.Grade;

/**
 * Code tables for the five grades (Art. 7) in the national {@code satisfaction} field. Provinces disagree on the
 * order, so the table is chosen by name, never edited.
 */
public enum SatisfactionCodes {
    /** The national report style seen across provinces: 1 非常不满意, 2 不满意, 3 基本满意, 4 满意, 5 非常满意. */
    NATIONAL_REPORT(Grade.VERY_DISSATISFIED, Grade.DISSATISFIED, Grade.BASICALLY_SATISFIED, Grade.SATISFIED,
            Grade.VERY_SATISFIED),
    /** GB/T 39046-2020 table A.8: 1 非常满意, 2 满意, 3 基本满意, 4 不满意, 5 非常不满意. */
    GB_T_39046(Grade.VERY_SATISFIED, Grade.SATISFIED, Grade.BASICALLY_SATISFIED, Grade.DISSATISFIED,
            Grade.VERY_DISSATISFIED);

    private final Grade[] byCode;

    SatisfactionCodes(Grade... byCodeFromOne) {
        this.byCode = byCodeFromOne;
    }

    public int code(Grade grade) {
        for (int i = 0; i < byCode.length; i++) {
            if (byCode[i] == grade) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no code for " + grade);
    }

    /** The grade for a code, or {@code null} when the code is not 1 to 5. */
    public Grade grade(int code) {
        return code >= 1 && code <= byCode.length ? byCode[code - 1] : null;
    }
}
