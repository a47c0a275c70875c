package org.haochaping.model;

/** What one evaluation covers (Art. 12, 14). */
public enum EvaluationScope {
    /** 单件: the one case it names. */
    CASE("单件"),
    /** 批量业务: every case of the batch the case belongs to: one evaluation for the batch (Art. 12). */
    BATCH("批量业务"),
    /** 主题总体评价: every item related to the case's theme: an overall evaluation (Art. 14). */
    THEME("主题总体评价");

    private final String chineseName;

    EvaluationScope(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
