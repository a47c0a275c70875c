package org.haochaping.badreview;

/** Why a verified bad review is not adopted, Art. 19; either way it counts as "未评". */
public enum Dismissal {
    /** 不实评价: the facts do not support the bad review. */
    UNTRUE("不实评价"),
    /** 误评: the evaluator chose the grade by mistake. */
    MISTAKEN("误评");

    private final String chineseName;

    Dismissal(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
