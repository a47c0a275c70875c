package org.haochaping.scorecard;

/** Checks of record fields shared by the record types. */
final class Fields {

    private Fields() {
    }

    static String required(String value, String record, String field) {
        if (value == null || value.trim().isEmpty()) {
            throw new StatisticsRecordException(record + ": " + field + " is required");
        }
        return value;
    }

    /** Optional codes: {@code null} when absent or blank. */
    static String optional(String value) {
        return value == null || value.trim().isEmpty() ? null : value;
    }

    static <T> T required(T value, String record, String field, String allowed) {
        if (value == null) {
            throw new StatisticsRecordException(record + ": " + field + " is required (" + allowed + ")");
        }
        return value;
    }
}
