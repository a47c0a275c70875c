package org.haochaping.badreview;

/** Where a bad-review work order (差评工单) stands, Art. 18–22. */
public enum WorkOrderState {
    /** Created by the system for a 不满意/非常不满意 evaluation, addressed to a city department or a district government (Art. 18). */
    CREATED("已生成", "Art. 18"),
    /** Received by the handling department (承办部门), directly or sent on by the district government (Art. 18). */
    DISPATCHED("已分送", "Art. 18"),
    /** The department contacted the evaluator and checked the bad review (Art. 19). */
    VERIFIED("已核实", "Art. 19"),
    /** Found untrue or mistaken (不实评价/误评): not adopted, counted as "未评" (Art. 19). Final. */
    DISMISSED("不予采纳", "Art. 19"),
    /** Classified as simple, general or complex, with its time limits (Art. 20). */
    CLASSIFIED("已分类", "Art. 20"),
    /** Rectification under way (Art. 20). */
    RECTIFYING("整改中", "Art. 20"),
    /** Rectified, result reported; waiting for the 12345 follow-up visit (Art. 20, 22). */
    RECTIFIED("已整改", "Art. 20"),
    /** Followed up by the 12345 hotline, with the evaluator's 满意/不满意 (Art. 22). Final. */
    FOLLOWED_UP("已回访", "Art. 22"),
    /** The department applied for a review of the bad review (复核申请); awaiting the decision (Art. 21). */
    UNDER_REVIEW("复核中", "Art. 21"),
    /** The review found the bad review invalid: not adopted, recorded as "未评" (Art. 21). Final. */
    INVALIDATED("差评无效", "Art. 21");

    private final String chineseName;
    private final String article;

    WorkOrderState(String chineseName, String article) {
        this.chineseName = chineseName;
        this.article = article;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The article that defines the state. */
    public String article() {
        return article;
    }

    /** No event is accepted any more. */
    public boolean isFinal() {
        return this == DISMISSED || this == FOLLOWED_UP || this == INVALIDATED;
    }

    /** The evaluation is not adopted and counts as "未评" (Art. 19, 21). */
    public boolean countsAsUnevaluated() {
        return this == DISMISSED || this == INVALIDATED;
    }

    /** Rectification is complete (整改完毕), followed up or not (Art. 22, 23). */
    public boolean isRectified() {
        return this == RECTIFIED || this == FOLLOWED_UP;
    }
}
