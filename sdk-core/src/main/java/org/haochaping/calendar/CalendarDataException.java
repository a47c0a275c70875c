package org.haochaping.calendar;

import org.haochaping.HcpException;

/** A working-day data file that cannot be used: the source, the line and what is wrong with it. */
public final class CalendarDataException extends HcpException {

    private final String source;
    private final int line;

    CalendarDataException(String source, int line, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** The file or resource name given when loading. */
    public String source() {
        return source;
    }

    /** The 1-based line number, or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }
}
