package org.haochaping.qrcode;

/** The text is not a well-formed code: {@link #field()} names the part that is wrong. */
public final class MalformedCodeException extends InvalidCodeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    MalformedCodeException(String field, String problem) {
        super(field + ": " + problem + " (code format of Art. 10(二), see docs/interface-spec.md \"QR codes\")");
        this.field = field;
    }

    /** The grammar element that is wrong, e.g. {@code payload}, {@code caseNumber}, {@code signature}. */
    public String field() {
        return field;
    }

    @Override
    public Reason reason() {
        return Reason.MALFORMED;
    }
}
