package org.haochaping.scorecard;

import org.haochaping.badreview.FollowUpResult;
import org.haochaping.badreview.WorkOrderState;
import org.haochaping.calendar.ShanghaiTime;
import org.haochaping.model.Grade;

/**
 * The fields of one statistics record as read (a JSON line or a table row), checked against
 * docs/interface-spec.md §2. One instance is reused for every record of a stream, so that reading needs no
 * object per record beyond the strings the tally keeps.
 */
final class RecordFields {

    enum Kind { EVALUATION, UNEVALUATED, WORK_ORDER }

    /** Field names, in slot order. */
    static final String[] NAMES = {"kind", "evaluationId", "caseNo", "deptCode", "areaCode", "hallCode", "staffNo",
        "grade", "evaluatedAt", "completedAt", "orderNo", "state", "followUp"};
    static final int KIND = 0;
    static final int EVALUATION_ID = 1;
    static final int CASE_NO = 2;
    static final int DEPT_CODE = 3;
    static final int AREA_CODE = 4;
    static final int HALL_CODE = 5;
    static final int STAFF_NO = 6;
    static final int GRADE = 7;
    static final int EVALUATED_AT = 8;
    static final int COMPLETED_AT = 9;
    static final int ORDER_NO = 10;
    static final int STATE = 11;
    static final int FOLLOW_UP = 12;

    private static final int EVALUATION_FIELDS = bits(KIND, EVALUATION_ID, CASE_NO, DEPT_CODE, AREA_CODE, HALL_CODE,
            STAFF_NO, GRADE, EVALUATED_AT);
    private static final int UNEVALUATED_FIELDS = bits(KIND, CASE_NO, DEPT_CODE, AREA_CODE, HALL_CODE, STAFF_NO,
            COMPLETED_AT);
    private static final int WORK_ORDER_FIELDS = bits(KIND, ORDER_NO, EVALUATION_ID, STATE, FOLLOW_UP);

    final String[] values = new String[NAMES.length];
    private int present;

    Kind kind;
    Grade grade;
    WorkOrderState state;
    FollowUpResult followUp;

    private static int bits(int... slots) {
        int b = 0;
        for (int s : slots) {
            b |= 1 << s;
        }
        return b;
    }

    /** The slot of a field name; -1 when there is none. */
    static int slotOf(String name) {
        switch (name) {
            case "kind": return KIND;
            case "evaluationId": return EVALUATION_ID;
            case "caseNo": return CASE_NO;
            case "deptCode": return DEPT_CODE;
            case "areaCode": return AREA_CODE;
            case "hallCode": return HALL_CODE;
            case "staffNo": return STAFF_NO;
            case "grade": return GRADE;
            case "evaluatedAt": return EVALUATED_AT;
            case "completedAt": return COMPLETED_AT;
            case "orderNo": return ORDER_NO;
            case "state": return STATE;
            case "followUp": return FOLLOW_UP;
            default: return -1;
        }
    }

    void clear() {
        for (int i = 0; i < values.length; i++) {
            values[i] = null;
        }
        present = 0;
        kind = null;
        grade = null;
        state = null;
        followUp = null;
    }

    /** Sets a field; a blank value counts as absent. */
    void set(int slot, String value) {
        present |= 1 << slot;
        values[slot] = value == null || value.trim().isEmpty() ? null : value;
    }

    String get(int slot) {
        return values[slot];
    }

    /**
     * Checks the fields for their kind and converts the codes.
     *
     * @param checkInstants whether the date-time fields must be ISO-8601 with an offset (JSON lines); a
     *     database column is typed already
     * @throws StatisticsRecordException naming the record and the field
     */
    void check(boolean checkInstants) {
        String k = values[KIND];
        if (k == null) {
            throw new StatisticsRecordException("kind is required (evaluation, unevaluated or workOrder)");
        }
        int allowed;
        String what;
        switch (k) {
            case "evaluation":
                kind = Kind.EVALUATION;
                allowed = EVALUATION_FIELDS;
                what = "evaluation record";
                break;
            case "unevaluated":
                kind = Kind.UNEVALUATED;
                allowed = UNEVALUATED_FIELDS;
                what = "unevaluated record";
                break;
            case "workOrder":
                kind = Kind.WORK_ORDER;
                allowed = WORK_ORDER_FIELDS;
                what = "work order record";
                break;
            default:
                throw new StatisticsRecordException("unknown kind \"" + k + "\" (evaluation, unevaluated or workOrder)");
        }
        int unknown = present & ~allowed;
        if (unknown != 0) {
            throw new StatisticsRecordException(what + ": field \"" + NAMES[Integer.numberOfTrailingZeros(unknown)]
                    + "\" does not belong to a " + k + " record (docs/interface-spec.md §2)");
        }
        if (kind == Kind.WORK_ORDER) {
            what += " " + Fields.required(values[ORDER_NO], what, "orderNo");
            Fields.required(values[EVALUATION_ID], what, "evaluationId");
            state = parseEnum(WorkOrderState.class, values[STATE], what, "state", "a work order state, e.g. RECTIFIED");
            followUp = values[FOLLOW_UP] == null ? null
                    : parseEnum(FollowUpResult.class, values[FOLLOW_UP], what, "followUp", "SATISFIED or DISSATISFIED");
            if ((state == WorkOrderState.FOLLOWED_UP) != (followUp != null)) {
                throw new StatisticsRecordException(what + ": followUp (SATISFIED or DISSATISFIED) is given exactly when "
                        + "the state is FOLLOWED_UP (Art. 22); state " + state + ", followUp " + followUp);
            }
            return;
        }
        if (kind == Kind.EVALUATION) {
            what += " " + Fields.required(values[EVALUATION_ID], what, "evaluationId");
        } else {
            what += " " + Fields.required(values[CASE_NO], what, "caseNo");
        }
        Fields.required(values[CASE_NO], what, "caseNo");
        Fields.required(values[DEPT_CODE], what, "deptCode");
        Fields.required(values[AREA_CODE], what, "areaCode");
        if (kind == Kind.EVALUATION) {
            grade = parseEnum(Grade.class, values[GRADE], what, "grade", "one of the Art. 7 grades, e.g. VERY_SATISFIED");
            instant(EVALUATED_AT, what, checkInstants);
        } else {
            instant(COMPLETED_AT, what, checkInstants);
        }
    }

    private void instant(int slot, String what, boolean checkFormat) {
        String text = values[slot];
        if (text == null) {
            throw new StatisticsRecordException(what + ": " + NAMES[slot] + " is required (a date-time with offset)");
        }
        if (checkFormat && !IsoOffsetDateTime.isPlainValid(text)) {
            try {
                ShanghaiTime.parse(text, NAMES[slot]);
            } catch (IllegalArgumentException e) {
                throw new StatisticsRecordException(what + ": " + e.getMessage());
            }
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String what, String field, String allowed) {
        if (value == null) {
            throw new StatisticsRecordException(what + ": " + field + " is required (" + allowed + ")");
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new StatisticsRecordException(what + ": " + field + " \"" + value + "\" is not " + allowed);
        }
    }

    EvaluationRecord toEvaluation() {
        return EvaluationRecord.builder().evaluationId(values[EVALUATION_ID]).caseNo(values[CASE_NO])
                .deptCode(values[DEPT_CODE]).areaCode(values[AREA_CODE]).hallCode(values[HALL_CODE])
                .staffNo(values[STAFF_NO]).grade(grade)
                .evaluatedAt(ShanghaiTime.parse(values[EVALUATED_AT], "evaluatedAt")).build();
    }

    UnevaluatedRecord toUnevaluated() {
        return UnevaluatedRecord.builder().caseNo(values[CASE_NO]).deptCode(values[DEPT_CODE])
                .areaCode(values[AREA_CODE]).hallCode(values[HALL_CODE]).staffNo(values[STAFF_NO])
                .completedAt(ShanghaiTime.parse(values[COMPLETED_AT], "completedAt")).build();
    }

    WorkOrderRecord toWorkOrder() {
        return WorkOrderRecord.of(values[ORDER_NO], values[EVALUATION_ID], state, followUp);
    }

    /** The fields of a record built in code. */
    void from(StatisticsRecord r) {
        clear();
        if (r instanceof EvaluationRecord) {
            EvaluationRecord e = (EvaluationRecord) r;
            kind = Kind.EVALUATION;
            values[EVALUATION_ID] = e.evaluationId();
            values[CASE_NO] = e.caseNo();
            values[DEPT_CODE] = e.deptCode();
            values[AREA_CODE] = e.areaCode();
            values[HALL_CODE] = e.hallCode();
            values[STAFF_NO] = e.staffNo();
            grade = e.grade();
        } else if (r instanceof UnevaluatedRecord) {
            UnevaluatedRecord u = (UnevaluatedRecord) r;
            kind = Kind.UNEVALUATED;
            values[CASE_NO] = u.caseNo();
            values[DEPT_CODE] = u.deptCode();
            values[AREA_CODE] = u.areaCode();
            values[HALL_CODE] = u.hallCode();
            values[STAFF_NO] = u.staffNo();
        } else if (r instanceof WorkOrderRecord) {
            WorkOrderRecord w = (WorkOrderRecord) r;
            kind = Kind.WORK_ORDER;
            values[ORDER_NO] = w.orderNo();
            values[EVALUATION_ID] = w.evaluationId();
            state = w.state();
            followUp = w.followUp();
        } else {
            throw new StatisticsRecordException("unknown record type " + (r == null ? "null" : r.getClass().getName()));
        }
    }
}
