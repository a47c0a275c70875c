package org.haochaping.model;

/**
 * The five service grades (服务等级评价) of Art. 7 and their scores under Art. 8.
 *
 * <p>非常满意, 满意 and 基本满意 are together "好评" (good reviews); 不满意 and 非常不满意 are "差评"
 * (bad reviews). Scores are 10, 10, 8, 5 and 0 points.
 */
public enum Grade {
    /** 非常满意: good, 10 points (Art. 7, 8). */
    VERY_SATISFIED("非常满意", 10),
    /** 满意: good, 10 points (Art. 7, 8). */
    SATISFIED("满意", 10),
    /** 基本满意: good, 8 points (Art. 7, 8). */
    BASICALLY_SATISFIED("基本满意", 8),
    /** 不满意: bad, 5 points (Art. 7, 8). */
    DISSATISFIED("不满意", 5),
    /** 非常不满意: bad, 0 points (Art. 7, 8). */
    VERY_DISSATISFIED("非常不满意", 0);

    private final String chineseName;
    private final int score;

    Grade(String chineseName, int score) {
        this.chineseName = chineseName;
        this.score = score;
    }

    /** The grade's name exactly as Art. 7 writes it, e.g. {@code 基本满意}. */
    public String chineseName() {
        return chineseName;
    }

    /** Points under Art. 8. */
    public int score() {
        return score;
    }

    /** 好评: 非常满意, 满意 or 基本满意 (Art. 7). */
    public boolean isGood() {
        return this == VERY_SATISFIED || this == SATISFIED || this == BASICALLY_SATISFIED;
    }

    /** 差评: 不满意 or 非常不满意 (Art. 7); such an evaluation opens a work order (Art. 18). */
    public boolean isBad() {
        return !isGood();
    }

    /** Looks a grade up by its Chinese name; {@code null} when there is none. */
    public static Grade fromChineseName(String name) {
        for (Grade g : values()) {
            if (g.chineseName.equals(name)) {
                return g;
            }
        }
        return null;
    }
}
