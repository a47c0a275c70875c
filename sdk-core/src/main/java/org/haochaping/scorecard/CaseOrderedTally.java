package org.haochaping.scorecard;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.haochaping.badreview.FollowUpResult;
import org.haochaping.badreview.WorkOrderState;
import org.haochaping.model.Grade;

/**
 * The one-pass tally: records of one case come together (the input is ordered by {@code caseNo}), work
 * orders anywhere. Memory holds a {@link Tally} per group, the current case, and the open bad reviews: bad
 * evaluations still waiting for their order, and orders waiting for their evaluation. Nothing per good
 * evaluation, per case or per settled bad review. An order left waiting at the end (its evaluation is not in
 * the input, is good, or already had its order) is refused.
 *
 * <p>A bad evaluation is counted when its order is known (adopted or not, Art. 19, 21), or at the end as a
 * valid bad review without an order. A case counts as evaluated in a group once one of its evaluations in
 * that group is adopted (Art. 23, {@link ActiveRateBasis}).
 */
final class CaseOrderedTally {

    /** The key of the whole period. */
    static final String WHOLE = "";

    /** Thrown when a case comes after a greater one: the caller may sort and start again. */
    static final class OutOfCaseOrder extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long position;

        OutOfCaseOrder(long position, String message) {
            super(message, null, false, false);
            this.position = position;
        }
    }

    /** Whether a case was credited as evaluated in one group. */
    private static final class CaseCredit {
        final Tally tally;
        boolean credited;

        CaseCredit(Tally tally) {
            this.tally = tally;
        }

        void credit() {
            if (!credited) {
                credited = true;
                tally.evaluatedCases++;
            }
        }
    }

    private static final class PendingBad {
        final CaseCredit credit;
        final int score;
        final long position;

        PendingBad(CaseCredit credit, int score, long position) {
            this.credit = credit;
            this.score = score;
            this.position = position;
        }
    }

    private static final class Order {
        final String orderNo;
        final WorkOrderState state;
        final FollowUpResult followUp;
        final long position;

        Order(String orderNo, WorkOrderState state, FollowUpResult followUp, long position) {
            this.orderNo = orderNo;
            this.state = state;
            this.followUp = followUp;
            this.position = position;
        }
    }

    private final GroupBy by;
    private final String unit;
    private final Map<String, Tally> tallies = new HashMap<>();
    private long unattributed;
    private long records;

    private String caseNo;
    private long unevaluatedAt;
    private long evaluatedAt;
    private final Map<String, CaseCredit> caseCredits = new HashMap<>(4);
    private final Map<String, Long> caseEvaluations = new HashMap<>(4);

    private final Map<String, PendingBad> pending = new HashMap<>();
    private final Map<String, Order> orphanOrders = new HashMap<>();

    /**
     * @param by the grouping; {@code null} for the whole period
     * @param unit what a position counts in messages: "line" or "record"
     */
    CaseOrderedTally(GroupBy by, String unit) {
        this.by = by;
        this.unit = unit;
    }

    void accept(RecordFields r, long position) {
        records++;
        switch (r.kind) {
            case EVALUATION:
                enterCase(r.get(RecordFields.CASE_NO), position);
                evaluation(r, position);
                break;
            case UNEVALUATED:
                enterCase(r.get(RecordFields.CASE_NO), position);
                unevaluated(r, position);
                break;
            default:
                workOrder(r, position);
        }
    }

    private void enterCase(String c, long position) {
        if (c.equals(caseNo)) {
            return;
        }
        if (caseNo != null && c.compareTo(caseNo) < 0) {
            throw new OutOfCaseOrder(position, "case " + c + " comes after case " + caseNo
                    + ": the records must be ordered by caseNo");
        }
        caseNo = c;
        unevaluatedAt = 0;
        evaluatedAt = 0;
        caseCredits.clear();
        caseEvaluations.clear();
    }

    private String keyOf(RecordFields r) {
        if (by == null) {
            return WHOLE;
        }
        switch (by) {
            case DEPARTMENT:
                return r.get(RecordFields.DEPT_CODE);
            case DISTRICT:
                return r.get(RecordFields.AREA_CODE);
            case HALL:
                return r.get(RecordFields.HALL_CODE);
            default:
                return r.get(RecordFields.STAFF_NO);
        }
    }

    /** The case's credit in the record's group; {@code null} when the record has no code for the grouping. */
    private CaseCredit creditOf(RecordFields r) {
        String key = keyOf(r);
        if (key == null) {
            unattributed++;
            return null;
        }
        CaseCredit c = caseCredits.get(key);
        if (c == null) {
            Tally t = tallies.get(key);
            if (t == null) {
                t = new Tally();
                tallies.put(key, t);
            }
            c = new CaseCredit(t);
            caseCredits.put(key, c);
        }
        return c;
    }

    private void evaluation(RecordFields r, long position) {
        String id = r.get(RecordFields.EVALUATION_ID);
        if (unevaluatedAt > 0) {
            throw bothEvaluatedAndUnevaluated(position, unevaluatedAt);
        }
        Long twice = caseEvaluations.put(id, position);
        PendingBad open = pending.get(id);
        if (twice != null || open != null) {
            throw new StatisticsRecordException((int) position, "evaluationId " + id + " appears in two evaluation records ("
                    + unit + "s " + (twice != null ? twice : open.position) + " and " + position + ")", null);
        }
        if (evaluatedAt == 0) {
            evaluatedAt = position;
        }
        CaseCredit credit = creditOf(r);
        Grade grade = r.grade;
        Order order = orphanOrders.remove(id);
        if (!grade.isBad()) {
            if (order != null) {
                throw new StatisticsRecordException((int) position, "work order " + order.orderNo + " (" + unit + " "
                        + order.position + ") points at evaluation " + id + " graded " + grade
                        + "; only 不满意 or 非常不满意 opens a work order (Art. 18)", null);
            }
            if (credit != null) {
                credit.tally.addGood(grade.score());
                credit.credit();
            }
        } else if (order != null) {
            resolve(id, credit, grade.score(), order);
        } else {
            pending.put(id, new PendingBad(credit, grade.score(), position));
        }
    }

    private StatisticsRecordException bothEvaluatedAndUnevaluated(long evaluation, long unevaluated) {
        long later = Math.max(evaluation, unevaluated);
        return new StatisticsRecordException((int) later, "case " + caseNo + " is both evaluated (" + unit + " "
                + evaluation + ") and marked 未评 (" + unit + " " + unevaluated + "); a case left unevaluated for 5 "
                + "working days is 未评 (Art. 16), an evaluated one is not, and neither is counted twice (Art. 23)", null);
    }

    private void unevaluated(RecordFields r, long position) {
        if (unevaluatedAt > 0) {
            throw new StatisticsRecordException((int) position, "case " + caseNo + " is marked 未评 twice (" + unit + "s "
                    + unevaluatedAt + " and " + position + "); a case is counted once (Art. 16, 23)", null);
        }
        if (evaluatedAt > 0) {
            throw bothEvaluatedAndUnevaluated(evaluatedAt, position);
        }
        unevaluatedAt = position;
        CaseCredit credit = creditOf(r);
        if (credit != null) {
            credit.tally.overdueUnevaluated++;
        }
    }

    private void workOrder(RecordFields r, long position) {
        String orderNo = r.get(RecordFields.ORDER_NO);
        String id = r.get(RecordFields.EVALUATION_ID);
        Order order = new Order(orderNo, r.state, r.followUp, position);
        PendingBad bad = pending.remove(id);
        if (bad != null) {
            resolve(id, bad.credit, bad.score, order);
            return;
        }
        Order otherOrphan = orphanOrders.get(id);
        if (otherOrphan != null) {
            throw new StatisticsRecordException((int) position, "evaluation " + id + " has two work orders (" + unit + "s "
                    + otherOrphan.position + " and " + position + "); one bad review opens one work order (Art. 18)", null);
        }
        orphanOrders.put(id, order);
    }

    private void resolve(String evaluationId, CaseCredit credit, int score, Order order) {
        if (credit == null) {
            return;
        }
        if (order.state.countsAsUnevaluated()) {
            credit.tally.notAdopted++;
        } else {
            credit.tally.addValidBad(score, order.state, order.followUp);
            credit.credit();
        }
    }

    /**
     * Ends the input: bad reviews without an order are valid and not rectified; an order whose evaluation
     * never came is an error.
     */
    PartialScorecard finish() {
        if (!orphanOrders.isEmpty()) {
            Map.Entry<String, Order> first = null;
            for (Map.Entry<String, Order> e : orphanOrders.entrySet()) {
                if (first == null || e.getValue().position < first.getValue().position) {
                    first = e;
                }
            }
            Order o = first.getValue();
            throw new StatisticsRecordException((int) o.position, "work order " + o.orderNo + " points at evaluation "
                    + first.getKey() + ", which is not a bad evaluation in the input without an order: only 不满意 or "
                    + "非常不满意 opens a work order, one per bad review (Art. 18)", null);
        }
        for (PendingBad bad : pending.values()) {
            if (bad.credit != null) {
                bad.credit.tally.addValidBad(bad.score, null, null);
                bad.credit.credit();
            }
        }
        pending.clear();
        return new PartialScorecard(by, new TreeMap<>(tallies), unattributed, records);
    }
}
