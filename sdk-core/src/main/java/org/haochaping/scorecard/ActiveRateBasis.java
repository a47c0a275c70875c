package org.haochaping.scorecard;

/**
 * What the 主动评价率 (active evaluation rate) of Art. 23 counts. The text reads "获得主动评价的政务服务办件数占总评价次数
 * （主动评价次数与超时'未评'次数之和）的比例": cases (办件数) over a total of evaluations (次数). When a case is
 * evaluated at two visits (Art. 11, 13) the two units differ; this option names the reading a scorecard used,
 * and every scorecard prints it. In all three, evaluations that were not adopted (Art. 19, 21) leave both
 * numerator and denominator; they still count in the "未评" rate of Art. 24.
 */
public enum ActiveRateBasis {
    /**
     * Default. Evaluated cases ÷ (evaluated cases + timed-out "未评" cases): one case evaluated at two visits
     * neither lowers nor raises the rate.
     */
    CASES("cases"),
    /** The literal mixed form: evaluated cases ÷ (adopted evaluations + timed-out "未评"). */
    LITERAL("literal"),
    /** Adopted evaluations ÷ (adopted evaluations + timed-out "未评"). */
    EVALUATIONS("evaluations");

    private final String cliName;

    ActiveRateBasis(String cliName) {
        this.cliName = cliName;
    }

    /** The name used by {@code hcp scorecard --active-rate-basis}. */
    public String cliName() {
        return cliName;
    }

    /** Looks a basis up by its {@link #cliName()}; {@code null} when there is none. */
    public static ActiveRateBasis fromCliName(String name) {
        for (ActiveRateBasis b : values()) {
            if (b.cliName.equals(name)) {
                return b;
            }
        }
        return null;
    }
}
