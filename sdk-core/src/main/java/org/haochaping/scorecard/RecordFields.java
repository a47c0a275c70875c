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

    /** Each field's text, in a buffer reused from record to record; {@code lengths[slot] < 0}: absent or blank. */
    private final char[][] chars = new char[NAMES.length][32];
    private final int[] lengths = new int[NAMES.length];
    /** The fields as Strings, built on demand ({@link #get}). */
    private final String[] strings = new String[NAMES.length];
    private int present;

    Kind kind;
    Grade grade;
    WorkOrderState state;
    FollowUpResult followUp;

    RecordFields() {
        clear();
    }

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
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = -1;
            strings[i] = null;
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
        if (value == null || isBlank(value)) {
            lengths[slot] = -1;
            strings[slot] = null;
            return;
        }
        int n = value.length();
        char[] buffer = room(slot, n);
        value.getChars(0, n, buffer, 0);
        lengths[slot] = n;
        strings[slot] = value;
    }

    /** Sets a field from {@code length} chars of {@code text} at {@code offset} (copied); blank counts as absent. */
    void set(int slot, char[] text, int offset, int length) {
        present |= 1 << slot;
        strings[slot] = null;
        int i = offset;
        int end = offset + length;
        while (i < end && text[i] <= ' ') {
            i++;
        }
        if (i == end) {
            lengths[slot] = -1;
            return;
        }
        char[] buffer = room(slot, length);
        System.arraycopy(text, offset, buffer, 0, length);
        lengths[slot] = length;
    }

    /** A field whose JSON value was {@code null}: present, and absent as a value. */
    void setNull(int slot) {
        present |= 1 << slot;
        lengths[slot] = -1;
        strings[slot] = null;
    }

    private char[] room(int slot, int length) {
        if (chars[slot].length < length) {
            chars[slot] = new char[Math.max(length, 2 * chars[slot].length)];
        }
        return chars[slot];
    }

    /** As {@code String.trim().isEmpty()}. */
    private static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > ' ') {
                return false;
            }
        }
        return true;
    }

    /** The field's value; {@code null} when absent or blank. Builds a String the first time. */
    String get(int slot) {
        int n = lengths[slot];
        if (n < 0) {
            return null;
        }
        String s = strings[slot];
        if (s == null) {
            s = new String(chars[slot], 0, n);
            strings[slot] = s;
        }
        return s;
    }

    /** The field's chars (valid up to {@link #length}), without building a String. */
    char[] chars(int slot) {
        return chars[slot];
    }

    /** The length of the field's value; -1 when absent or blank. */
    int length(int slot) {
        return lengths[slot];
    }

    /**
     * Checks the fields for their kind and converts the codes.
     *
     * @param checkInstants whether the date-time fields must be ISO-8601 with an offset (JSON lines); a
     *     database column is typed already
     * @throws StatisticsRecordException naming the record and the field
     */
    void check(boolean checkInstants) {
        if (lengths[KIND] < 0) {
            throw new StatisticsRecordException("kind is required (evaluation, unevaluated or workOrder)");
        }
        int allowed;
        String what;
        switch (match(KIND_NAMES, KIND)) {
            case 0:
                kind = Kind.EVALUATION;
                allowed = EVALUATION_FIELDS;
                what = "evaluation record";
                break;
            case 1:
                kind = Kind.UNEVALUATED;
                allowed = UNEVALUATED_FIELDS;
                what = "unevaluated record";
                break;
            case 2:
                kind = Kind.WORK_ORDER;
                allowed = WORK_ORDER_FIELDS;
                what = "work order record";
                break;
            default:
                throw new StatisticsRecordException("unknown kind \"" + get(KIND) + "\" (evaluation, unevaluated or workOrder)");
        }
        String k = KIND_NAMES[kind.ordinal()];
        int unknown = present & ~allowed;
        if (unknown != 0) {
            throw new StatisticsRecordException(what + ": field \"" + NAMES[Integer.numberOfTrailingZeros(unknown)]
                    + "\" does not belong to a " + k + " record (docs/interface-spec.md §2)");
        }
        if (kind == Kind.WORK_ORDER) {
            required(ORDER_NO, what);
            required(EVALUATION_ID, what);
            state = parseEnum(STATES, STATE, what, "a work order state, e.g. RECTIFIED");
            followUp = lengths[FOLLOW_UP] < 0 ? null
                    : parseEnum(FOLLOW_UPS, FOLLOW_UP, what, "SATISFIED or DISSATISFIED");
            if ((state == WorkOrderState.FOLLOWED_UP) != (followUp != null)) {
                throw new StatisticsRecordException(named(what) + ": followUp (SATISFIED or DISSATISFIED) is given exactly when "
                        + "the state is FOLLOWED_UP (Art. 22); state " + state + ", followUp " + followUp);
            }
            return;
        }
        // The record's name goes into messages only: built when one is thrown.
        required(kind == Kind.EVALUATION ? EVALUATION_ID : CASE_NO, what);
        required(CASE_NO, what);
        required(DEPT_CODE, what);
        required(AREA_CODE, what);
        if (kind == Kind.EVALUATION) {
            grade = parseEnum(GRADES, GRADE, what, "one of the Art. 7 grades, e.g. VERY_SATISFIED");
            instant(EVALUATED_AT, what, checkInstants);
        } else {
            instant(COMPLETED_AT, what, checkInstants);
        }
    }

    /** The name of the record in messages: its kind and its identifier ("evaluation record E1"). */
    private String named(String what) {
        int id = kind == Kind.EVALUATION ? EVALUATION_ID : kind == Kind.UNEVALUATED ? CASE_NO : ORDER_NO;
        return lengths[id] < 0 ? what : what + " " + get(id);
    }

    private void required(int slot, String what) {
        if (lengths[slot] < 0) {
            // named(what) is what alone when the missing field is the record's own identifier.
            throw new StatisticsRecordException(named(what) + ": " + NAMES[slot] + " is required");
        }
    }

    private void instant(int slot, String what, boolean checkFormat) {
        if (lengths[slot] < 0) {
            throw new StatisticsRecordException(named(what) + ": " + NAMES[slot] + " is required (a date-time with offset)");
        }
        if (checkFormat && !IsoOffsetDateTime.isPlainValid(chars[slot], lengths[slot])) {
            try {
                ShanghaiTime.parse(get(slot), NAMES[slot]);
            } catch (IllegalArgumentException e) {
                throw new StatisticsRecordException(named(what) + ": " + e.getMessage());
            }
        }
    }

    private static final String[] KIND_NAMES = {"evaluation", "unevaluated", "workOrder"};
    private static final Grade[] GRADES = Grade.values();
    private static final WorkOrderState[] STATES = WorkOrderState.values();
    private static final FollowUpResult[] FOLLOW_UPS = FollowUpResult.values();

    /** The index of the name equal to the field's text; -1 when none is. */
    private int match(String[] names, int slot) {
        int n = lengths[slot];
        char[] text = chars[slot];
        for (int i = 0; i < names.length; i++) {
            if (names[i].length() == n && same(names[i], text, n)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean same(String name, char[] text, int n) {
        for (int i = 0; i < n; i++) {
            if (name.charAt(i) != text[i]) {
                return false;
            }
        }
        return true;
    }

    private <E extends Enum<E>> E parseEnum(E[] constants, int slot, String what, String allowed) {
        if (lengths[slot] < 0) {
            throw new StatisticsRecordException(named(what) + ": " + NAMES[slot] + " is required (" + allowed + ")");
        }
        int n = lengths[slot];
        char[] text = chars[slot];
        for (E e : constants) {
            if (e.name().length() == n && same(e.name(), text, n)) {
                return e;
            }
        }
        throw new StatisticsRecordException(named(what) + ": " + NAMES[slot] + " \"" + get(slot) + "\" is not " + allowed);
    }

    EvaluationRecord toEvaluation() {
        return EvaluationRecord.builder().evaluationId(get(EVALUATION_ID)).caseNo(get(CASE_NO))
                .deptCode(get(DEPT_CODE)).areaCode(get(AREA_CODE)).hallCode(get(HALL_CODE))
                .staffNo(get(STAFF_NO)).grade(grade)
                .evaluatedAt(ShanghaiTime.parse(get(EVALUATED_AT), "evaluatedAt")).build();
    }

    UnevaluatedRecord toUnevaluated() {
        return UnevaluatedRecord.builder().caseNo(get(CASE_NO)).deptCode(get(DEPT_CODE))
                .areaCode(get(AREA_CODE)).hallCode(get(HALL_CODE)).staffNo(get(STAFF_NO))
                .completedAt(ShanghaiTime.parse(get(COMPLETED_AT), "completedAt")).build();
    }

    WorkOrderRecord toWorkOrder() {
        return WorkOrderRecord.of(get(ORDER_NO), get(EVALUATION_ID), state, followUp);
    }

    /** The fields of a record built in code. */
    void from(StatisticsRecord r) {
        clear();
        if (r instanceof EvaluationRecord) {
            EvaluationRecord e = (EvaluationRecord) r;
            kind = Kind.EVALUATION;
            set(EVALUATION_ID, e.evaluationId());
            set(CASE_NO, e.caseNo());
            set(DEPT_CODE, e.deptCode());
            set(AREA_CODE, e.areaCode());
            set(HALL_CODE, e.hallCode());
            set(STAFF_NO, e.staffNo());
            grade = e.grade();
        } else if (r instanceof UnevaluatedRecord) {
            UnevaluatedRecord u = (UnevaluatedRecord) r;
            kind = Kind.UNEVALUATED;
            set(CASE_NO, u.caseNo());
            set(DEPT_CODE, u.deptCode());
            set(AREA_CODE, u.areaCode());
            set(HALL_CODE, u.hallCode());
            set(STAFF_NO, u.staffNo());
        } else if (r instanceof WorkOrderRecord) {
            WorkOrderRecord w = (WorkOrderRecord) r;
            kind = Kind.WORK_ORDER;
            set(ORDER_NO, w.orderNo());
            set(EVALUATION_ID, w.evaluationId());
            state = w.state();
            followUp = w.followUp();
        } else {
            throw new StatisticsRecordException("unknown record type " + (r == null ? "null" : r.getClass().getName()));
        }
    }
}
