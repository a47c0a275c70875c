package org.haochaping.qrcode;

import org.haochaping.HcpException;

/**
 * A value given to build a code breaks the code format: {@link #field()} names it, the message says what
 * is allowed and which rule asks for it. Never repeats the value itself.
 */
public final class InvalidFieldException extends HcpException {

    private static final long serialVersionUID = 1L;

    private final String field;

    InvalidFieldException(String field, String problem) {
        super(field + ": " + problem + " (Art. 10(二); docs/interface-spec.md \"QR codes\")");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
