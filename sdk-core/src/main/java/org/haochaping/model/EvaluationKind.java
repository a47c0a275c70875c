package org.haochaping.model;

/** Why an evaluation was made (评价类型). */
public enum EvaluationKind {
    /** 主动评价: the evaluator evaluated on their own; counts for the active evaluation rate (Art. 23). */
    ACTIVE("主动评价"),
    /** 追加评价: a later addition to an earlier evaluation of the same case (national evaluateType 2). */
    APPENDED("追加评价"),
    /** 回访评价: the 12345 hotline's follow-up visit after a bad review was rectified: 满意 or 不满意 only (Art. 22). */
    FOLLOW_UP("回访评价");

    private final String chineseName;

    EvaluationKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
