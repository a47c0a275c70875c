package org.haochaping.scorecard;

/** What a record is attributed to, for grouping (Art. 25, 26). */
interface Attributed {
    String deptCode();

    String areaCode();

    String hallCode();

    String staffNo();
}
