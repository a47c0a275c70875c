package org.haochaping.crypto.envelope;

import java.util.regex.Pattern;

/** An appMark is concatenated into the signed text, so it is kept to printable ASCII without spaces. */
final class AppMarks {

    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7e]{1,64}");

    private AppMarks() {
    }

    static String require(String appMark) {
        if (appMark == null || !VALID.matcher(appMark).matches()) {
            throw new IllegalArgumentException("appMark must be 1 to 64 printable ASCII characters");
        }
        return appMark;
    }

    static boolean isValid(String appMark) {
        return appMark != null && VALID.matcher(appMark).matches();
    }
}
