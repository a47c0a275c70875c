package org.haochaping.scorecard;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;

/**
 * The figures of Art. 23–24 for one group in one period. Immutable.
 *
 * <p>Counting: an evaluation whose work order was dismissed (不实/误评, Art. 19) or found invalid on review
 * (Art. 21) is not adopted and counts as "未评", like a case left unevaluated for 5 working days (Art. 16).
 * The total of Art. 24's shares is adopted evaluations plus "未评". Every adopted bad evaluation is a valid
 * bad review (有效差评) until its order is dismissed or invalidated.
 *
 * <p>The active evaluation rate (主动评价率, Art. 23) counts only timed-out "未评" in its denominator ("主动评价次数
 * 与超时'未评'次数之和"): not-adopted evaluations leave numerator and denominator; its unit is the
 * {@link ActiveRateBasis} of the scorecard (default: evaluated cases over cases).
 *
 * <p>A group with no adopted evaluation has nothing to score: no composite ({@link #composite()} is
 * {@code null}), and it is listed unranked (Art. 26 names restricting evaluation as misconduct; silence must
 * not score).
 *
 * <p>Figures: rates are percentages (0–100); {@link #serviceQuality()} is the average Art. 8 score on a
 * 100-point scale (average × 10); the composite is
 * {@code (wq·quality + wa·activeRate + wr·rectificationRate + ws·satisfactionRate) / 100}. Each figure is
 * computed exactly and rounded once to two decimals, half up; the composite is computed from the exact
 * figures, not the rounded ones.
 *
 * <p>Empty denominators: quality and the active, good, "未评" and bad rates are 0 with nothing to measure; the
 * rectification rate is 100 with no valid bad review, and the follow-up satisfaction rate 100 with no
 * rectified bad review (nothing was owed).
 */
@JsonPropertyOrder({"totalEvaluations", "evaluations", "evaluatedCases", "unevaluated", "overdueUnevaluated",
    "notAdopted", "goodReviews", "badReviews",
    "rectified", "followedUp", "satisfiedFollowUps", "averageScore", "serviceQuality", "activeEvaluationRate",
    "rectificationRate", "followUpSatisfactionRate", "goodRate", "unevaluatedRate", "badRate", "composite"})
public final class ScoreSheet {

    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Fraction ZERO = Fraction.of(0, 1);
    private static final Fraction FULL = Fraction.of(100, 1);

    private final long evaluations;
    private final long evaluatedCases;
    private final long overdueUnevaluated;
    private final long unevaluated;
    private final long notAdopted;
    private final long goodReviews;
    private final long badReviews;
    private final long rectified;
    private final long followedUp;
    private final long satisfiedFollowUps;
    private final BigDecimal averageScore;
    private final BigDecimal serviceQuality;
    private final BigDecimal activeEvaluationRate;
    private final BigDecimal rectificationRate;
    private final BigDecimal followUpSatisfactionRate;
    private final BigDecimal goodRate;
    private final BigDecimal unevaluatedRate;
    private final BigDecimal badRate;
    private final BigDecimal composite;

    ScoreSheet(Tally t, ScoreWeights w, ActiveRateBasis basis) {
        evaluations = t.evaluations;
        evaluatedCases = t.evaluatedCases;
        overdueUnevaluated = t.overdueUnevaluated;
        unevaluated = t.overdueUnevaluated + t.notAdopted;
        notAdopted = t.notAdopted;
        goodReviews = t.goodReviews;
        badReviews = t.badReviews;
        rectified = t.rectified;
        followedUp = t.followedUp;
        satisfiedFollowUps = t.satisfiedFollowUps;
        long total = evaluations + unevaluated;

        Fraction average = evaluations == 0 ? ZERO : Fraction.of(t.scoreSum, evaluations);
        Fraction quality = average.times(TEN);
        Fraction active;
        switch (basis) {
            case CASES:
                active = percent(evaluatedCases, evaluatedCases + overdueUnevaluated, ZERO);
                break;
            case LITERAL:
                active = percent(evaluatedCases, evaluations + overdueUnevaluated, ZERO);
                break;
            default:
                active = percent(evaluations, evaluations + overdueUnevaluated, ZERO);
        }
        Fraction rectification = percent(rectified, badReviews, FULL);
        Fraction satisfaction = percent(satisfiedFollowUps, rectified, FULL);

        averageScore = average.rounded();
        serviceQuality = quality.rounded();
        activeEvaluationRate = active.rounded();
        rectificationRate = rectification.rounded();
        followUpSatisfactionRate = satisfaction.rounded();
        goodRate = percent(goodReviews, total, ZERO).rounded();
        unevaluatedRate = percent(unevaluated, total, ZERO).rounded();
        badRate = percent(badReviews, total, ZERO).rounded();
        composite = evaluations == 0 ? null : quality.times(w.serviceQuality())
                .plus(active.times(w.activeEvaluationRate()))
                .plus(rectification.times(w.rectificationRate()))
                .plus(satisfaction.times(w.followUpSatisfactionRate()))
                .dividedBy(HUNDRED)
                .rounded();
    }

    private static Fraction percent(long part, long whole, Fraction whenEmpty) {
        return whole == 0 ? whenEmpty : Fraction.of(part, whole).times(HUNDRED);
    }

    /** Adopted evaluations plus all "未评" (timed out and not adopted): the denominator of the Art. 24 shares. */
    @JsonProperty("totalEvaluations")
    public long totalEvaluations() {
        return evaluations + unevaluated;
    }

    /** Cases with at least one adopted evaluation (获得主动评价的办件), in this group. */
    @JsonProperty("evaluatedCases")
    public long evaluatedCases() {
        return evaluatedCases;
    }

    /** Cases marked "未评" after 5 working days (超时"未评", Art. 16); part of {@link #unevaluated()}. */
    @JsonProperty("overdueUnevaluated")
    public long overdueUnevaluated() {
        return overdueUnevaluated;
    }

    /** Adopted active evaluations (主动评价). */
    @JsonProperty("evaluations")
    public long evaluations() {
        return evaluations;
    }

    /** "未评": cases unevaluated after 5 working days (Art. 16) plus evaluations not adopted (Art. 19, 21). */
    @JsonProperty("unevaluated")
    public long unevaluated() {
        return unevaluated;
    }

    /** Bad evaluations not adopted: dismissed (Art. 19) or invalid on review (Art. 21); part of {@link #unevaluated()}. */
    @JsonProperty("notAdopted")
    public long notAdopted() {
        return notAdopted;
    }

    /** 好评: adopted 非常满意, 满意, 基本满意 (Art. 7). */
    @JsonProperty("goodReviews")
    public long goodReviews() {
        return goodReviews;
    }

    /** 有效差评: adopted 不满意 and 非常不满意 (Art. 7, 23). */
    @JsonProperty("badReviews")
    public long badReviews() {
        return badReviews;
    }

    /** Valid bad reviews whose rectification is complete (Art. 23). */
    @JsonProperty("rectified")
    public long rectified() {
        return rectified;
    }

    /** Rectified bad reviews followed up by 12345 (Art. 22). */
    @JsonProperty("followedUp")
    public long followedUp() {
        return followedUp;
    }

    /** Follow-ups answered 满意 (Art. 22, 23). */
    @JsonProperty("satisfiedFollowUps")
    public long satisfiedFollowUps() {
        return satisfiedFollowUps;
    }

    /** Average Art. 8 score of adopted evaluations, 0–10. */
    @JsonProperty("averageScore")
    public BigDecimal averageScore() {
        return averageScore;
    }

    /** 政务服务质量: the average score on a 100-point scale (Art. 23). */
    @JsonProperty("serviceQuality")
    public BigDecimal serviceQuality() {
        return serviceQuality;
    }

    /**
     * 主动评价率, percent (Art. 23): with the default {@link ActiveRateBasis#CASES}, evaluated cases ÷
     * (evaluated cases + timed-out "未评"); not-adopted evaluations are in neither.
     */
    @JsonProperty("activeEvaluationRate")
    public BigDecimal activeEvaluationRate() {
        return activeEvaluationRate;
    }

    /** 差评整改率, percent: rectified ÷ valid bad reviews (Art. 23). */
    @JsonProperty("rectificationRate")
    public BigDecimal rectificationRate() {
        return rectificationRate;
    }

    /** 差评整改回访满意率, percent: satisfied follow-ups ÷ rectified bad reviews (Art. 23). */
    @JsonProperty("followUpSatisfactionRate")
    public BigDecimal followUpSatisfactionRate() {
        return followUpSatisfactionRate;
    }

    /** 好评率, percent of the total evaluations (Art. 24). */
    @JsonProperty("goodRate")
    public BigDecimal goodRate() {
        return goodRate;
    }

    /** "未评"率, percent of the total evaluations (Art. 24). */
    @JsonProperty("unevaluatedRate")
    public BigDecimal unevaluatedRate() {
        return unevaluatedRate;
    }

    /** 差评率, percent of the total evaluations (Art. 24). */
    @JsonProperty("badRate")
    public BigDecimal badRate() {
        return badRate;
    }

    /** 综合评分, 0–100 (Art. 23); {@code null} when the group has no adopted evaluation (nothing to score). */
    @JsonProperty("composite")
    public BigDecimal composite() {
        return composite;
    }

    @Override
    public String toString() {
        return "ScoreSheet{composite=" + (composite == null ? "none (nothing to score)" : composite) + ", quality=" + serviceQuality + ", active=" + activeEvaluationRate
                + "%, rectification=" + rectificationRate + "%, satisfaction=" + followUpSatisfactionRate + "%, total="
                + totalEvaluations() + "}";
    }
}
