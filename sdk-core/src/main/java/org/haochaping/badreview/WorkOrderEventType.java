package org.haochaping.badreview;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** What can happen to a work order, with the article that provides for it and the roles it gives it to. */
public enum WorkOrderEventType {
    /** The system creates the work order for a bad review (Art. 18). Only by {@link BadReviewWorkflow#open}. */
    OPEN("Art. 18", ActorRole.SYSTEM),
    /** The order reaches the handling department: straight for city departments, via the district government otherwise (Art. 18). */
    DISPATCH("Art. 18", ActorRole.SYSTEM, ActorRole.DISTRICT_GOVERNMENT),
    /** The department contacted the evaluator and checked the bad review (Art. 19). */
    VERIFY("Art. 19", ActorRole.HANDLING_DEPARTMENT),
    /** The check found the review untrue or mistaken: not adopted, "未评" (Art. 19). */
    DISMISS("Art. 19", ActorRole.HANDLING_DEPARTMENT),
    /** The department classifies the verified review as simple, general or complex (Art. 20). */
    CLASSIFY("Art. 20", ActorRole.HANDLING_DEPARTMENT),
    /** The department called the evaluator back (回访, Art. 20(一)(二)). */
    CALL_BACK("Art. 20", ActorRole.HANDLING_DEPARTMENT),
    /** Rectification begins (Art. 20). */
    START_RECTIFICATION("Art. 20", ActorRole.HANDLING_DEPARTMENT),
    /** Rectification is complete and its result reported to the evaluator (反馈整改结果, Art. 20). */
    COMPLETE_RECTIFICATION("Art. 20", ActorRole.HANDLING_DEPARTMENT),
    /** The 12345 hotline's follow-up visit, with the evaluator's 满意/不满意 (Art. 22). */
    FOLLOW_UP("Art. 22", ActorRole.HOTLINE_12345),
    /** The department applies for a review of the bad review, with evidence, within 1 working day (Art. 21). */
    APPLY_FOR_REVIEW("Art. 21", ActorRole.HANDLING_DEPARTMENT),
    /** The review decides: invalid ("未评") or valid (handling continues) (Art. 21). */
    DECIDE_REVIEW("Art. 21", ActorRole.REVIEWER);

    private final String article;
    private final Set<ActorRole> roles;

    WorkOrderEventType(String article, ActorRole... roles) {
        this.article = article;
        this.roles = Collections.unmodifiableSet(EnumSet.copyOf(Arrays.asList(roles)));
    }

    /** The article that provides for the event. */
    public String article() {
        return article;
    }

    /** The roles the article gives the event to. */
    public Set<ActorRole> roles() {
        return roles;
    }
}
