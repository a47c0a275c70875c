package org.haochaping.badreview;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.haochaping.deadline.DeadlineRule;

/** How a verified bad review is handled, Art. 20. */
public enum Category {
    /** 立整立改 (simple): environment, facilities or attitude; solved on the spot or a call back with the result within 1 working day. */
    SIMPLE("立整立改", "Art. 20(一)", DeadlineRule.SIMPLE_CALLBACK),
    /** 限时整改 (general): procedure or efficiency; call back within 1 working day, result within 5. */
    GENERAL("限时整改", "Art. 20(二)", DeadlineRule.GENERAL_CALLBACK, DeadlineRule.GENERAL_RESULT),
    /** 综合协调 (complex): cross-department matters; result within 15 working days. */
    COMPLEX("综合协调", "Art. 20(三)", DeadlineRule.COMPLEX_RESULT);

    private final String chineseName;
    private final String article;
    private final List<DeadlineRule> deadlineRules;

    Category(String chineseName, String article, DeadlineRule... deadlineRules) {
        this.chineseName = chineseName;
        this.article = article;
        this.deadlineRules = Collections.unmodifiableList(Arrays.asList(deadlineRules));
    }

    public String chineseName() {
        return chineseName;
    }

    public String article() {
        return article;
    }

    /** The limits that classifying into this category starts, counted from the receipt of the work order. */
    public List<DeadlineRule> deadlineRules() {
        return deadlineRules;
    }
}
