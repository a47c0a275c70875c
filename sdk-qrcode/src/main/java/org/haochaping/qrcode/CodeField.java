package org.haochaping.qrcode;

import java.util.regex.Pattern;

/**
 * The fields the codes carry and what each may hold. One table for building (which throws
 * {@link InvalidFieldException}) and parsing (which throws {@link MalformedCodeException}).
 */
enum CodeField {
    AREA_CODE("areaCode", "[0-9]{6}|[0-9]{12}", "a 6- or 12-digit administrative division code (GB/T 2260)"),
    HALL_CODE("hallCode", "[A-Za-z0-9._-]{1,32}", "1 to 32 of A-Z a-z 0-9 . _ -"),
    WINDOW_CODE("windowCode", "[A-Za-z0-9._-]{1,16}", "1 to 16 of A-Z a-z 0-9 . _ -"),
    DEPARTMENT_CODE("departmentCode", "[0-9A-HJ-NP-RTUW-Y]{18}",
            "an 18-character unified social credit code (GB 32100 alphabet)"),
    KEY_ID("keyId", "[A-Za-z0-9._-]{1,32}", "1 to 32 of A-Z a-z 0-9 . _ -"),
    CASE_NUMBER("caseNumber", 50),
    ITEM_CODE("itemCode", 60),
    STAFF_NUMBER("staffNumber", 32);

    private final String name;
    private final Pattern pattern;
    private final String allowed;
    private final int maxCodePoints;

    CodeField(String name, String regex, String allowed) {
        this.name = name;
        this.pattern = Pattern.compile(regex);
        this.allowed = allowed;
        this.maxCodePoints = 0;
    }

    /** A free-text field: printable Unicode, trimmed, at most {@code maxCodePoints} characters. */
    CodeField(String name, int maxCodePoints) {
        this.name = name;
        this.pattern = null;
        this.allowed = "1 to " + maxCodePoints + " characters of text without control characters or surrounding spaces";
        this.maxCodePoints = maxCodePoints;
    }

    /** The field's name in the API, the spec and error messages. */
    String fieldName() {
        return name;
    }

    /** Returns the value if it is allowed, else throws naming the field (for values a caller passes in). */
    String require(String value) {
        String problem = problem(value);
        if (problem != null) {
            throw new InvalidFieldException(name, problem);
        }
        return value;
    }

    /** Returns the value if it is allowed, else throws naming the field (for values read from a code). */
    String requireParsed(String value) {
        String problem = problem(value);
        if (problem != null) {
            throw new MalformedCodeException(name, problem);
        }
        return value;
    }

    private String problem(String value) {
        if (value == null) {
            return "is required";
        }
        if (pattern != null) {
            return pattern.matcher(value).matches() ? null : "must be " + allowed;
        }
        int count = value.codePointCount(0, value.length());
        if (count < 1 || count > maxCodePoints || !value.trim().equals(value)) {
            return "must be " + allowed;
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            // Not "unassigned" as well: that depends on the JVM's Unicode version, and issuer and verifier may differ.
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE) {
                return "must be " + allowed + " (unprintable character at position " + i + ")";
            }
            i += Character.charCount(cp);
        }
        return null;
    }
}
