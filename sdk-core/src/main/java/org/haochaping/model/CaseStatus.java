package org.haochaping.model;

/** Status of a case (办件状态), as the national report's {@code proStatus} distinguishes it (Art. 5, 16). */
public enum CaseStatus {
    /** 待受理: submitted, not yet accepted. */
    PENDING("待受理"),
    /** 已受理: accepted and being handled. */
    ACCEPTED("已受理"),
    /** 已办结: completed; the item may now be evaluated (Art. 11) and the 5-working-day clock of Art. 16 runs. */
    COMPLETED("已办结");

    private final String chineseName;

    CaseStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
