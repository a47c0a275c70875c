package org.haochaping.model.id;

/**
 * The shape of a 行政区划代码 (GB/T 2260): 6 digits (province, city, county), or the 12-digit form that adds
 * township and village, with a known province prefix. Whether a code is currently assigned is not checked:
 * the list changes every year.
 */
public final class AreaCode {

    private static final String[] PROVINCES = {
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
        "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82"
    };

    private AreaCode() {
    }

    /** Why the code does not have the shape of a 行政区划代码, or {@code null} when it does. */
    public static String problem(String code) {
        if (code == null || (code.length() != 6 && code.length() != 12)) {
            return "must be 6 or 12 digits (GB/T 2260)";
        }
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return "must be digits only (GB/T 2260)";
            }
        }
        return hasKnownProvince(code.substring(0, 2)) ? null : "does not start with a province code (GB/T 2260)";
    }

    public static boolean isValid(String code) {
        return problem(code) == null;
    }

    static boolean hasKnownProvince(String twoDigits) {
        for (String p : PROVINCES) {
            if (p.equals(twoDigits)) {
                return true;
            }
        }
        return false;
    }
}
