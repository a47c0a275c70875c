package org.haochaping.tracking;

import java.time.LocalDate;

/**
 * The words of an Art. 16 reminder ("可发送短信或致电提醒"): an SMS text and a script for a call.
 *
 * <p>The SMS names the department, the item, the last day of the evaluation window and the short link, and is kept
 * within one 70-character segment (UCS-2, counted in UTF-16 units as carriers count them) where it can be: first with
 * the names in full, then with the item name and then the department name shortened (never below 4 characters and an
 * ellipsis). When even that does not fit, the full text is used and {@link #smsSegments()} says how many segments it
 * takes. Neither text carries personal data: the application sends it to the evaluator's mobile, which the SDK never
 * sees (Art. 17). The call script says that evaluating is the evaluator's free choice (Art. 4: 不得强迫或干扰评价主体的评价行为).
 *
 * <p>Immutable; build with {@link #builder()}.
 */
public final class ReminderMessage {

    /** Characters in one UCS-2 SMS segment. */
    public static final int SMS_SEGMENT = 70;
    /** Characters per segment of a concatenated (long) UCS-2 SMS. */
    public static final int LONG_SMS_SEGMENT = 67;
    private static final int SHORTEST_NAME = 4;

    private final String sms;
    private final String callScript;

    private ReminderMessage(Builder b) {
        require(b.signature, "signature");
        require(b.department, "department");
        require(b.item, "item");
        require(b.link, "link");
        if (b.lastDay == null) {
            throw new IllegalArgumentException("lastDay is required (the last day of the Art. 16 window)");
        }
        this.sms = fitSms(b.signature, b.department, b.item, day(b.lastDay), b.link);
        this.callScript = "您好，这里是" + b.department + "。您办理的“" + b.item + "”已经办结，诚邀您对本次服务进行评价。"
                + "您可以点击短信中的链接、扫描回执单上的二维码或拨打12345政务服务便民热线评价，评价截至" + day(b.lastDay)
                + "。是否评价、如何评价由您自主决定。感谢您的支持！";
    }

    private static void require(String value, String name) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The reminder for a due action: department and item from the tracked case, the last day of its window, and the
     * link (a {@link ReminderLink#url()} or the platform's own).
     */
    public static ReminderMessage forAction(DueAction action, String signature, String link) {
        TrackedCase c = action.trackedCase();
        return builder().signature(signature).department(c.deptName()).item(c.itemName())
                .lastDay(action.evaluationDeadline().lastDay()).link(link).build();
    }

    private static String day(LocalDate d) {
        return d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static String fitSms(String signature, String department, String item, String day, String link) {
        String full = sms(signature, department, item, day, link);
        if (full.length() <= SMS_SEGMENT) {
            return full;
        }
        int over = full.length() - SMS_SEGMENT;
        String shortItem = shorten(item, over);
        over -= item.length() - shortItem.length();
        String shortDepartment = shorten(department, over);
        String shorter = sms(signature, shortDepartment, shortItem, day, link);
        return shorter.length() <= SMS_SEGMENT ? shorter : full;
    }

    /** The name cut by {@code by} characters (an ellipsis counts as one), never below {@value #SHORTEST_NAME} + 1. */
    private static String shorten(String name, int by) {
        if (by <= 0) {
            return name;
        }
        int keep = Math.max(SHORTEST_NAME, name.length() - by - 1);
        return keep >= name.length() ? name : name.substring(0, keep) + "…";
    }

    private static String sms(String signature, String department, String item, String day, String link) {
        return "【" + signature + "】您在" + department + "办理的“" + item + "”已办结，请于" + day + "前评价：" + link;
    }

    /** The SMS text. */
    public String sms() {
        return sms;
    }

    /** How many characters the SMS counts (UTF-16 units). */
    public int smsLength() {
        return sms.length();
    }

    /** How many segments the SMS takes: 1 up to 70 characters, else one per 67. */
    public int smsSegments() {
        return sms.length() <= SMS_SEGMENT ? 1 : (sms.length() + LONG_SMS_SEGMENT - 1) / LONG_SMS_SEGMENT;
    }

    /** What an operator says when calling instead (致电提醒). */
    public String callScript() {
        return callScript;
    }

    @Override
    public String toString() {
        return sms;
    }

    public static final class Builder {
        private String signature;
        private String department;
        private String item;
        private LocalDate lastDay;
        private String link;

        private Builder() {
        }

        /** The SMS signature the carrier registered, shown in 【】, e.g. {@code 天津政务}. */
        public Builder signature(String signature) {
            this.signature = signature;
            return this;
        }

        /** The department's name as the evaluator knows it; a short form helps the SMS fit one segment. */
        public Builder department(String department) {
            this.department = department;
            return this;
        }

        public Builder item(String item) {
            this.item = item;
            return this;
        }

        /** The last day of the evaluation window (Art. 16). */
        public Builder lastDay(LocalDate lastDay) {
            this.lastDay = lastDay;
            return this;
        }

        /** The evaluation link: a {@link ReminderLink#url()}, or the platform's own where it issues one. */
        public Builder link(String link) {
            this.link = link;
            return this;
        }

        public ReminderMessage build() {
            return new ReminderMessage(this);
        }
    }
}
