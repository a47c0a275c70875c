package org.haochaping.scorecard;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
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

    /** A group's tally, and the credit of the case being read in it. */
    private static final class Group {
        final Tally tally = new Tally();
        long caseSeq = -1;
        CaseCredit credit;
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

    /** Above this many evaluations in one case, their identifiers go into a map instead of a list. */
    private static final int CASE_IDS_IN_LIST = 32;

    private final GroupBy by;
    /** The field of the grouping's code; -1 for the whole period. */
    private final int keySlot;
    private final String unit;
    /** Groups by code, looked up without building a String per record (codes repeat). */
    private final CharKeyMap<Group> groups = new CharKeyMap<>();
    private Group whole;
    private long unattributed;
    private long records;

    /** The case being read: its number, its ordinal, where it was evaluated or marked 未评. */
    private char[] caseChars = new char[32];
    private int caseLength = -1;
    private String firstCase;
    private long caseSeq;
    private long unevaluatedAt;
    private long evaluatedAt;
    /** The evaluation identifiers of the case and their positions (in a list, or a map for many). */
    private char[] caseIds = new char[64];
    private int[] caseIdEnds = new int[CASE_IDS_IN_LIST];
    private final long[] caseIdPositions = new long[CASE_IDS_IN_LIST];
    private int caseIdCount;
    private final CharKeyMap<Long> manyCaseIds = new CharKeyMap<>();

    private final CharKeyMap<PendingBad> pending = new CharKeyMap<>();
    private final CharKeyMap<Order> orphanOrders = new CharKeyMap<>();

    /**
     * @param by the grouping; {@code null} for the whole period
     * @param unit what a position counts in messages: "line" or "record"
     */
    CaseOrderedTally(GroupBy by, String unit) {
        this.by = by;
        this.keySlot = by == null ? -1 : keySlot(by);
        this.unit = unit;
    }

    private static int keySlot(GroupBy by) {
        switch (by) {
            case DEPARTMENT:
                return RecordFields.DEPT_CODE;
            case DISTRICT:
                return RecordFields.AREA_CODE;
            case HALL:
                return RecordFields.HALL_CODE;
            default:
                return RecordFields.STAFF_NO;
        }
    }

    void accept(RecordFields r, long position) {
        records++;
        switch (r.kind) {
            case EVALUATION:
                enterCase(r, position);
                evaluation(r, position);
                break;
            case UNEVALUATED:
                enterCase(r, position);
                unevaluated(r, position);
                break;
            default:
                workOrder(r, position);
        }
    }

    private void enterCase(RecordFields r, long position) {
        char[] c = r.chars(RecordFields.CASE_NO);
        int n = r.length(RecordFields.CASE_NO);
        int order = caseLength < 0 ? 1 : compare(c, n, caseChars, caseLength);
        if (order == 0) {
            return;
        }
        if (order < 0) {
            throw new OutOfCaseOrder(position, "case " + r.get(RecordFields.CASE_NO) + " comes after case " + caseNo()
                    + ": the records must be ordered by caseNo");
        }
        if (caseChars.length < n) {
            caseChars = new char[Math.max(n, 2 * caseChars.length)];
        }
        System.arraycopy(c, 0, caseChars, 0, n);
        caseLength = n;
        if (firstCase == null) {
            firstCase = r.get(RecordFields.CASE_NO);
        }
        caseSeq++;
        unevaluatedAt = 0;
        evaluatedAt = 0;
        caseIdCount = 0;
        if (!manyCaseIds.isEmpty()) {
            manyCaseIds.clear();
        }
    }

    /** As {@link String#compareTo}. */
    private static int compare(char[] a, int an, char[] b, int bn) {
        int n = Math.min(an, bn);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return a[i] - b[i];
            }
        }
        return an - bn;
    }

    private static boolean sameAt(char[] a, int from, char[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (a[from + i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    private String caseNo() {
        return new String(caseChars, 0, caseLength);
    }

    /** The case's credit in the record's group; {@code null} when the record has no code for the grouping. */
    private CaseCredit creditOf(RecordFields r) {
        Group g;
        if (keySlot < 0) {
            if (whole == null) {
                whole = new Group();
            }
            g = whole;
        } else {
            int n = r.length(keySlot);
            if (n < 0) {
                unattributed++;
                return null;
            }
            g = groups.get(r.chars(keySlot), n);
            if (g == null) {
                g = new Group();
                groups.put(r.get(keySlot), g);
            }
        }
        if (g.caseSeq != caseSeq) {
            g.caseSeq = caseSeq;
            g.credit = new CaseCredit(g.tally);
        }
        return g.credit;
    }

    /** Where the case had this evaluation identifier before; 0 when it had not. Remembers it at {@code position}. */
    private long seenInCase(char[] id, int n, long position) {
        if (caseIdCount < CASE_IDS_IN_LIST) {
            int from = 0;
            for (int i = 0; i < caseIdCount; i++) {
                int to = caseIdEnds[i];
                if (to - from == n && sameAt(caseIds, from, id, n)) {
                    return caseIdPositions[i];
                }
                from = to;
            }
            if (caseIds.length < from + n) {
                caseIds = Arrays.copyOf(caseIds, Math.max(from + n, 2 * caseIds.length));
            }
            System.arraycopy(id, 0, caseIds, from, n);
            caseIdEnds[caseIdCount] = from + n;
            caseIdPositions[caseIdCount] = position;
            caseIdCount++;
            return 0;
        }
        if (manyCaseIds.isEmpty()) {
            int from = 0;
            for (int i = 0; i < caseIdCount; i++) {
                manyCaseIds.put(new String(caseIds, from, caseIdEnds[i] - from), caseIdPositions[i]);
                from = caseIdEnds[i];
            }
        }
        Long before = manyCaseIds.get(id, n);
        if (before != null) {
            return before;
        }
        manyCaseIds.put(new String(id, 0, n), position);
        return 0;
    }

    private void evaluation(RecordFields r, long position) {
        char[] id = r.chars(RecordFields.EVALUATION_ID);
        int idLength = r.length(RecordFields.EVALUATION_ID);
        if (unevaluatedAt > 0) {
            throw bothEvaluatedAndUnevaluated(position, unevaluatedAt);
        }
        long twice = seenInCase(id, idLength, position);
        PendingBad open = pending.isEmpty() ? null : pending.get(id, idLength);
        if (twice != 0 || open != null) {
            throw new StatisticsRecordException((int) position, "evaluationId " + r.get(RecordFields.EVALUATION_ID)
                    + " appears in two evaluation records (" + unit + "s " + (twice != 0 ? twice : open.position)
                    + " and " + position + ")", null);
        }
        if (evaluatedAt == 0) {
            evaluatedAt = position;
        }
        CaseCredit credit = creditOf(r);
        Grade grade = r.grade;
        Order order = orphanOrders.isEmpty() ? null : orphanOrders.remove(id, idLength);
        if (!grade.isBad()) {
            if (order != null) {
                throw new StatisticsRecordException((int) position, "work order " + order.orderNo + " (" + unit + " "
                        + order.position + ") points at evaluation " + r.get(RecordFields.EVALUATION_ID) + " graded "
                        + grade + "; only 不满意 or 非常不满意 opens a work order (Art. 18)", null);
            }
            if (credit != null) {
                credit.tally.addGood(grade.score());
                credit.credit();
            }
        } else if (order != null) {
            resolve(credit, grade.score(), order.state, order.followUp);
        } else {
            pending.put(r.get(RecordFields.EVALUATION_ID), new PendingBad(credit, grade.score(), position));
        }
    }

    private StatisticsRecordException bothEvaluatedAndUnevaluated(long evaluation, long unevaluated) {
        long later = Math.max(evaluation, unevaluated);
        return new StatisticsRecordException((int) later, "case " + caseNo() + " is both evaluated (" + unit + " "
                + evaluation + ") and marked 未评 (" + unit + " " + unevaluated + "); a case left unevaluated for 5 "
                + "working days is 未评 (Art. 16), an evaluated one is not, and neither is counted twice (Art. 23)", null);
    }

    private void unevaluated(RecordFields r, long position) {
        if (unevaluatedAt > 0) {
            throw new StatisticsRecordException((int) position, "case " + caseNo() + " is marked 未评 twice (" + unit + "s "
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
        char[] id = r.chars(RecordFields.EVALUATION_ID);
        int idLength = r.length(RecordFields.EVALUATION_ID);
        PendingBad bad = pending.remove(id, idLength);
        if (bad != null) {
            resolve(bad.credit, bad.score, r.state, r.followUp);
            return;
        }
        Order otherOrphan = orphanOrders.get(id, idLength);
        if (otherOrphan != null) {
            throw new StatisticsRecordException((int) position, "evaluation " + r.get(RecordFields.EVALUATION_ID)
                    + " has two work orders (" + unit + "s " + otherOrphan.position + " and " + position
                    + "); one bad review opens one work order (Art. 18)", null);
        }
        orphanOrders.put(r.get(RecordFields.EVALUATION_ID),
                new Order(r.get(RecordFields.ORDER_NO), r.state, r.followUp, position));
    }

    private static void resolve(CaseCredit credit, int score, WorkOrderState state, FollowUpResult followUp) {
        if (credit == null) {
            return;
        }
        if (state.countsAsUnevaluated()) {
            credit.tally.notAdopted++;
        } else {
            credit.tally.addValidBad(score, state, followUp);
            credit.credit();
        }
    }

    /** The first case read; {@code null} when none was (only work orders). */
    String firstCase() {
        return firstCase;
    }

    /** The last case read; {@code null} when none was. */
    String lastCase() {
        return caseLength < 0 ? null : caseNo();
    }

    /**
     * Ends the input: bad reviews without an order are valid and not rectified; an order whose evaluation
     * never came is an error.
     */
    PartialScorecard finish() {
        return join(Collections.singletonList(this));
    }

    /**
     * Ends the input read in consecutive parts (shards of whole cases, in case order, each read by its own
     * tally): an order in one part finds its bad evaluation in another; then as {@link #finish()}, and the
     * counts of the parts add up. Positions in messages are each part's own.
     */
    static PartialScorecard join(List<CaseOrderedTally> parts) {
        CaseOrderedTally first = parts.get(0);
        CharKeyMap<PendingBad> pending = first.pending;
        CharKeyMap<Order> orphanOrders = first.orphanOrders;
        for (CaseOrderedTally part : parts.subList(1, parts.size())) {
            for (int i = 0; i < part.orphanOrders.capacity(); i++) {
                String id = part.orphanOrders.keyAt(i);
                if (id != null) {
                    Order order = part.orphanOrders.valueAt(i);
                    char[] k = id.toCharArray();
                    PendingBad bad = pending.remove(k, k.length);
                    if (bad != null) {
                        resolve(bad.credit, bad.score, order.state, order.followUp);
                    } else if (orphanOrders.put(id, order) != null) {
                        throw new StatisticsRecordException((int) order.position, "evaluation " + id
                                + " has two work orders; one bad review opens one work order (Art. 18)", null);
                    }
                }
            }
            for (int i = 0; i < part.pending.capacity(); i++) {
                String id = part.pending.keyAt(i);
                if (id != null) {
                    PendingBad bad = part.pending.valueAt(i);
                    char[] k = id.toCharArray();
                    Order order = orphanOrders.remove(k, k.length);
                    if (order != null) {
                        resolve(bad.credit, bad.score, order.state, order.followUp);
                    } else if (pending.put(id, bad) != null) {
                        throw new StatisticsRecordException((int) bad.position, "evaluationId " + id
                                + " appears in two evaluation records", null);
                    }
                }
            }
        }
        if (!orphanOrders.isEmpty()) {
            int earliest = -1;
            for (int i = 0; i < orphanOrders.capacity(); i++) {
                if (orphanOrders.keyAt(i) != null
                        && (earliest < 0 || orphanOrders.valueAt(i).position < orphanOrders.valueAt(earliest).position)) {
                    earliest = i;
                }
            }
            Order o = orphanOrders.valueAt(earliest);
            throw new StatisticsRecordException((int) o.position, "work order " + o.orderNo + " points at evaluation "
                    + orphanOrders.keyAt(earliest) + ", which is not a bad evaluation in the input without an order: only "
                    + "不满意 or 非常不满意 opens a work order, one per bad review (Art. 18)", null);
        }
        for (int i = 0; i < pending.capacity(); i++) {
            PendingBad bad = pending.valueAt(i);
            if (bad != null && bad.credit != null) {
                bad.credit.tally.addValidBad(bad.score, null, null);
                bad.credit.credit();
            }
        }
        pending.clear();
        TreeMap<String, Tally> tallies = new TreeMap<>();
        long unattributed = 0;
        long records = 0;
        for (CaseOrderedTally part : parts) {
            if (part.whole != null) {
                add(tallies, WHOLE, part.whole.tally);
            }
            for (int i = 0; i < part.groups.capacity(); i++) {
                if (part.groups.keyAt(i) != null) {
                    add(tallies, part.groups.keyAt(i), part.groups.valueAt(i).tally);
                }
            }
            unattributed += part.unattributed;
            records += part.records;
        }
        return new PartialScorecard(first.by, tallies, unattributed, records);
    }

    private static void add(TreeMap<String, Tally> tallies, String key, Tally t) {
        Tally sum = tallies.get(key);
        if (sum == null) {
            tallies.put(key, t);
        } else {
            sum.add(t);
        }
    }
}
