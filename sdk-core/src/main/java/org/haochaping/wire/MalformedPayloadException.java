package org.haochaping.wire;

import org.haochaping.HcpException;

/**
 * The payload is not JSON at all (or not the JSON shape a profile reads), with the line and column where reading
 * stopped. The message never quotes the payload, which may hold personal data.
 */
public class MalformedPayloadException extends HcpException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public MalformedPayloadException(String problem, int line, int column) {
        super(problem + (line > 0 ? " at line " + line + ", column " + column : ""));
        this.line = line;
        this.column = column;
    }

    /** 1-based line of the problem, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem, or 0 when unknown. */
    public int column() {
        return column;
    }
}
