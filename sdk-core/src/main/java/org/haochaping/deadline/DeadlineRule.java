package org.haochaping.deadline;

/**
 * The time limits of chapters 4 and 5, each with its article and its length.
 *
 * <p>Working-day limits end at the end (23:59:59, Asia/Shanghai) of the N-th working day after the day the
 * period starts; the 24-hour reminder ends exactly 24 hours after its start. See {@link DeadlineCalculator}.
 */
public enum DeadlineRule {
    /** Art. 16: no evaluation 24 hours after completion (办结): the evaluator may be reminded by SMS or call. */
    REMINDER("reminder", "Art. 16", "评价提醒", 24, 0),
    /** Art. 16: no evaluation within 5 working days after completion: the system marks the case "未评". */
    UNEVALUATED("unevaluated", "Art. 16", "未评", 0, 5),
    /** Art. 20(一): simple (立整立改) bad review not solved on the spot: call the evaluator back with the result within 1 working day. */
    SIMPLE_CALLBACK("simple-callback", "Art. 20(一)", "立整立改回访", 0, 1),
    /** Art. 20(二): general (限时整改) bad review: call the evaluator back within 1 working day. */
    GENERAL_CALLBACK("general-callback", "Art. 20(二)", "限时整改回访", 0, 1),
    /** Art. 20(二): general (限时整改) bad review: report the rectification result within 5 working days. */
    GENERAL_RESULT("general-result", "Art. 20(二)", "限时整改反馈结果", 0, 5),
    /** Art. 20(三): complex (综合协调) bad review: report the rectification result within 15 working days. */
    COMPLEX_RESULT("complex-result", "Art. 20(三)", "综合协调反馈结果", 0, 15),
    /** Art. 21: the handling department may apply for a review (复核申请) within 1 working day of receiving the bad review. */
    APPEAL("appeal", "Art. 21", "复核申请", 0, 1);

    private final String cliName;
    private final String article;
    private final String chineseName;
    private final int hours;
    private final int workingDays;

    DeadlineRule(String cliName, String article, String chineseName, int hours, int workingDays) {
        this.cliName = cliName;
        this.article = article;
        this.chineseName = chineseName;
        this.hours = hours;
        this.workingDays = workingDays;
    }

    /** The name used by {@code hcp deadline --rule}, e.g. {@code general-result}. */
    public String cliName() {
        return cliName;
    }

    /** The article that sets the limit, e.g. {@code Art. 20(二)}. */
    public String article() {
        return article;
    }

    public String chineseName() {
        return chineseName;
    }

    /** Whether the limit counts working days ({@link #workingDays()}) rather than hours ({@link #hours()}). */
    public boolean countsWorkingDays() {
        return workingDays > 0;
    }

    /** The length in working days; 0 for an hour-based limit. */
    public int workingDays() {
        return workingDays;
    }

    /** The length in hours; 0 for a working-day limit. */
    public int hours() {
        return hours;
    }

    /** Looks a rule up by its {@link #cliName()}; {@code null} when there is none. */
    public static DeadlineRule fromCliName(String name) {
        for (DeadlineRule r : values()) {
            if (r.cliName.equals(name)) {
                return r;
            }
        }
        return null;
    }
}
