package org.haochaping.scorecard;

import org.haochaping.badreview.FollowUpResult;
import org.haochaping.badreview.WorkOrderState;

/** Counts of one group, gathered record by record. */
final class Tally {
    long evaluations;
    long goodReviews;
    long badReviews;
    long scoreSum;
    long overdueUnevaluated;
    long notAdopted;
    long rectified;
    long followedUp;
    long satisfiedFollowUps;

    /** An evaluation and its work order, if any (Art. 19, 21, 23). */
    void add(EvaluationRecord evaluation, WorkOrderRecord order) {
        if (order != null && order.state().countsAsUnevaluated()) {
            notAdopted++;
            return;
        }
        evaluations++;
        scoreSum += evaluation.grade().score();
        if (evaluation.grade().isGood()) {
            goodReviews++;
            return;
        }
        badReviews++;
        if (order != null && order.state().isRectified()) {
            rectified++;
            if (order.state() == WorkOrderState.FOLLOWED_UP) {
                followedUp++;
                if (order.followUp() == FollowUpResult.SATISFIED) {
                    satisfiedFollowUps++;
                }
            }
        }
    }

    /** A case marked "未评" after 5 working days (Art. 16). */
    void addOverdueUnevaluated() {
        overdueUnevaluated++;
    }
}
