package org.haochaping.model;

/** When in a case's life an evaluation is made (Art. 11, 13). */
public enum EvaluationStage {
    /** 收件时: on a visit before completion: staff only (Art. 11, 13). */
    AT_RECEIPT("收件时"),
    /** 办结时: after the case is completed: staff and item (Art. 11, 13). */
    AT_COMPLETION("办结时");

    private final String chineseName;

    EvaluationStage(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
