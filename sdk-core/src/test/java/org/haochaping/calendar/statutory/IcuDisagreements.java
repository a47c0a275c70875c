package org.haochaping.calendar.statutory;

import java.util.Arrays;
import java.util.List;

/** Where ICU4J 79.1 and the statutory table differ, 2027–2050 (documented in docs/calendar.md). */
final class IcuDisagreements {

    private IcuDisagreements() {
    }

    static final List<String> EXPECTED = Arrays.asList(
            // new moon 2027-02-06 ~23:56 Beijing time: ICU4J's coarse Moon puts it after midnight
            "2027 正月初一: table 2027-02-06, ICU4J 2027-02-07",
            // new moon 2030-02-03 ~00:07 Beijing time: ICU4J puts it before midnight
            "2030 正月初一: table 2030-02-03, ICU4J 2030-02-02");
}
