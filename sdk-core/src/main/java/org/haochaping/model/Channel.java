package org.haochaping.model;

/**
 * Evaluation channels (评价渠道) of Art. 9 (online) and Art. 10 (offline).
 *
 * <p>Online channels evaluate "一事一评" (once per case); offline channels "一次一评" (once per visit).
 */
public enum Channel {
    /** 天津网上办事大厅, Art. 9(一). */
    ONLINE_HALL("天津网上办事大厅", true),
    /** 专网业务系统: a department's own business system and its public site, Art. 9(二). */
    DEPARTMENT_SYSTEM("专网业务系统", true),
    /** 移动政务服务应用: 津心办 and departmental apps, Art. 9(三). */
    MOBILE_APP("移动政务服务应用", true),
    /** 12345 政务服务便民热线, Art. 9(四). */
    HOTLINE_12345("12345政务服务便民热线", true),
    /** 窗口评价器: the evaluator device at a hall window, Art. 10(一). */
    WINDOW_EVALUATOR("窗口评价器", false),
    /** 静态二维码: a window's printed static code, Art. 10(二). */
    STATIC_QR_CODE("静态二维码", false),
    /** 动态二维码: the code printed on a receipt (回执单), Art. 10(二). */
    DYNAMIC_QR_CODE("动态二维码", false),
    /** 自助服务终端: self-service terminal, Art. 10(三). */
    SELF_SERVICE_TERMINAL("自助服务终端", false),
    /** 意见箱/意见簿: suggestion box or book in a hall, Art. 10(四). */
    SUGGESTION_BOX("意见箱/意见簿", false),
    /**
     * 短信: a reply to the reminder text message of Art. 16 (the national {@code pf} code 短信); an online channel
     * of the kind Art. 9 leaves open with "等".
     */
    SMS("短信", true);

    /** How often a channel lets the evaluator evaluate. */
    public enum Cadence {
        /** 一事一评: once per case (Art. 9). */
        PER_CASE("一事一评"),
        /** 一次一评: once per visit (Art. 10). */
        PER_VISIT("一次一评");

        private final String chineseName;

        Cadence(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    private final String chineseName;
    private final boolean online;

    Channel(String chineseName, boolean online) {
        this.chineseName = chineseName;
        this.online = online;
    }

    public String chineseName() {
        return chineseName;
    }

    /** {@code true} for the online channels of Art. 9, {@code false} for the offline ones of Art. 10. */
    public boolean isOnline() {
        return online;
    }

    /** 一事一评 online (Art. 9), 一次一评 offline (Art. 10). */
    public Cadence cadence() {
        return online ? Cadence.PER_CASE : Cadence.PER_VISIT;
    }
}
