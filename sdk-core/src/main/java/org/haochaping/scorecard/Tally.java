package org.haochaping.scorecard;

import org.haochaping.badreview.FollowUpResult;
import org.haochaping.badreview.WorkOrderState;

/**
 * Counts of one group. Only sums: two tallies of disjoint records add up to the tally of their union
 * ({@link #add(Tally)}), so partial scorecards merge exactly and rounding happens once, at the end.
 */
final class Tally {
    /** The names of the counts, in the order of the partial form ({@link PartialScorecard}). */
    static final String[] FIELDS = {"evaluations", "evaluatedCases", "goodReviews", "badReviews", "scoreSum",
        "overdueUnevaluated", "notAdopted", "rectified", "followedUp", "satisfiedFollowUps"};

    long evaluations;
    long evaluatedCases;
    long goodReviews;
    long badReviews;
    long scoreSum;
    long overdueUnevaluated;
    long notAdopted;
    long rectified;
    long followedUp;
    long satisfiedFollowUps;

    /** An adopted good evaluation (好评, Art. 7). */
    void addGood(int score) {
        evaluations++;
        goodReviews++;
        scoreSum += score;
    }

    /** An adopted bad evaluation, a valid bad review (有效差评), and where its order stands ({@code null}: none). */
    void addValidBad(int score, WorkOrderState state, FollowUpResult followUp) {
        evaluations++;
        badReviews++;
        scoreSum += score;
        if (state != null && state.isRectified()) {
            rectified++;
            if (state == WorkOrderState.FOLLOWED_UP) {
                followedUp++;
                if (followUp == FollowUpResult.SATISFIED) {
                    satisfiedFollowUps++;
                }
            }
        }
    }

    void add(Tally o) {
        long[] mine = toArray();
        long[] theirs = o.toArray();
        for (int i = 0; i < mine.length; i++) {
            mine[i] = Math.addExact(mine[i], theirs[i]);
        }
        set(mine);
    }

    long[] toArray() {
        return new long[] {evaluations, evaluatedCases, goodReviews, badReviews, scoreSum, overdueUnevaluated,
            notAdopted, rectified, followedUp, satisfiedFollowUps};
    }

    void set(long[] v) {
        evaluations = v[0];
        evaluatedCases = v[1];
        goodReviews = v[2];
        badReviews = v[3];
        scoreSum = v[4];
        overdueUnevaluated = v[5];
        notAdopted = v[6];
        rectified = v[7];
        followedUp = v[8];
        satisfiedFollowUps = v[9];
    }

    Tally copy() {
        Tally t = new Tally();
        t.set(toArray());
        return t;
    }
}
