package org.haochaping.scorecard;

import org.haochaping.HcpException;

/**
 * A statistics record that cannot be counted: a missing or malformed field, a work order that does not
 * match an evaluation, a malformed JSON line. The message names the field or record, and the line when the
 * record was read from JSON lines ({@link #line()}).
 */
public final class StatisticsRecordException extends HcpException {

    private final int line;

    StatisticsRecordException(String message) {
        this(0, message, null);
    }

    StatisticsRecordException(int line, String message, Throwable cause) {
        super(line > 0 ? "line " + line + ": " + message : message, cause);
        this.line = line;
    }

    /** The 1-based line of a JSON-lines input, or 0. */
    public int line() {
        return line;
    }
}
