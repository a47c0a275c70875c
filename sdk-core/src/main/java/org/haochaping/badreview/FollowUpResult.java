package org.haochaping.badreview;

/** The evaluator's answer at the 12345 follow-up visit on a rectified work order, Art. 22. */
public enum FollowUpResult {
    SATISFIED("满意"),
    DISSATISFIED("不满意");

    private final String chineseName;

    FollowUpResult(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
