package org.haochaping.scorecard;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;

/**
 * The weights of the composite score, in percent (Art. 23): service quality 30, active evaluation rate 15,
 * rectification rate 30, follow-up satisfaction rate 25 by default. "评分比例可适时动态调整": callers may
 * choose others, as long as they are non-negative and sum to exactly 100. Immutable.
 */
@JsonPropertyOrder({"serviceQuality", "activeEvaluationRate", "rectificationRate", "followUpSatisfactionRate"})
public final class ScoreWeights {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** 30 / 15 / 30 / 25, as Art. 23 sets them. */
    public static final ScoreWeights DEFAULT = of(BigDecimal.valueOf(30), BigDecimal.valueOf(15), BigDecimal.valueOf(30),
            BigDecimal.valueOf(25));

    private final BigDecimal serviceQuality;
    private final BigDecimal activeEvaluationRate;
    private final BigDecimal rectificationRate;
    private final BigDecimal followUpSatisfactionRate;

    private ScoreWeights(BigDecimal q, BigDecimal a, BigDecimal r, BigDecimal s) {
        this.serviceQuality = q;
        this.activeEvaluationRate = a;
        this.rectificationRate = r;
        this.followUpSatisfactionRate = s;
    }

    /**
     * @throws InvalidWeightsException when a weight is missing or negative, or they do not sum to 100
     */
    public static ScoreWeights of(BigDecimal serviceQuality, BigDecimal activeEvaluationRate,
                                  BigDecimal rectificationRate, BigDecimal followUpSatisfactionRate) {
        BigDecimal[] all = {serviceQuality, activeEvaluationRate, rectificationRate, followUpSatisfactionRate};
        String[] names = {"serviceQuality", "activeEvaluationRate", "rectificationRate", "followUpSatisfactionRate"};
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == null) {
                throw new InvalidWeightsException("weight " + names[i] + " is missing");
            }
            if (all[i].signum() < 0) {
                throw new InvalidWeightsException("weight " + names[i] + " is negative: " + all[i].toPlainString());
            }
            sum = sum.add(all[i]);
        }
        if (sum.compareTo(HUNDRED) != 0) {
            throw new InvalidWeightsException("the weights sum to " + sum.toPlainString() + ", not 100");
        }
        return new ScoreWeights(serviceQuality, activeEvaluationRate, rectificationRate, followUpSatisfactionRate);
    }

    /**
     * Parses four comma-separated percentages in the order quality, active, rectification, satisfaction:
     * {@code "30,15,30,25"}; decimals allowed ({@code "30,12.5,32.5,25"}).
     *
     * @throws InvalidWeightsException naming what is wrong
     */
    public static ScoreWeights parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(",", -1);
        if (parts.length != 4) {
            throw new InvalidWeightsException("expected four comma-separated weights, got \"" + text + "\"");
        }
        BigDecimal[] w = new BigDecimal[4];
        for (int i = 0; i < 4; i++) {
            try {
                w[i] = new BigDecimal(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InvalidWeightsException("weight " + (i + 1) + " is not a number: \"" + parts[i].trim() + "\"");
            }
        }
        return of(w[0], w[1], w[2], w[3]);
    }

    /** Percent given to service quality (服务质量), 30 by default. */
    @JsonProperty("serviceQuality")
    public BigDecimal serviceQuality() {
        return serviceQuality;
    }

    /** Percent given to the active evaluation rate (主动评价率), 15 by default. */
    @JsonProperty("activeEvaluationRate")
    public BigDecimal activeEvaluationRate() {
        return activeEvaluationRate;
    }

    /** Percent given to the rectification rate (差评整改率), 30 by default. */
    @JsonProperty("rectificationRate")
    public BigDecimal rectificationRate() {
        return rectificationRate;
    }

    /** Percent given to the follow-up satisfaction rate (差评整改回访满意率), 25 by default. */
    @JsonProperty("followUpSatisfactionRate")
    public BigDecimal followUpSatisfactionRate() {
        return followUpSatisfactionRate;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ScoreWeights)) {
            return false;
        }
        ScoreWeights w = (ScoreWeights) o;
        return serviceQuality.compareTo(w.serviceQuality) == 0 && activeEvaluationRate.compareTo(w.activeEvaluationRate) == 0
                && rectificationRate.compareTo(w.rectificationRate) == 0
                && followUpSatisfactionRate.compareTo(w.followUpSatisfactionRate) == 0;
    }

    @Override
    public int hashCode() {
        return serviceQuality.stripTrailingZeros().hashCode() * 31 + rectificationRate.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return serviceQuality.toPlainString() + "," + activeEvaluationRate.toPlainString() + ","
                + rectificationRate.toPlainString() + "," + followUpSatisfactionRate.toPlainString();
    }
}
