package org.haochaping.badreview;

/** The outcome of a review requested by the handling department (申诉复核), Art. 21. */
public enum ReviewVerdict {
    /** 差评无效: not adopted, recorded as "未评". */
    INVALID("差评无效"),
    /** 差评有效: handling continues with classification and rectification. */
    VALID("差评有效");

    private final String chineseName;

    ReviewVerdict(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
