package org.haochaping.privacy;

/**
 * Masking rules for personal data in display, logs, exception messages and {@code toString()} (Art. 17:
 * 严格保护评价主体信息). Masked values keep just enough to tell records apart on a screen; the number of
 * stars follows the hidden length so a masked value does not reveal more than the original's length.
 */
public final class Mask {

    private static final char STAR = '*';

    private Mask() {
    }

    /**
     * A certificate number (居民身份证号码, passport, credit code): the first three and last four characters of a
     * long number ({@code 110***********123X}), else the first and last character only.
     */
    public static String certificateNumber(String value) {
        if (value == null) {
            return null;
        }
        int n = value.length();
        if (n >= 15) {
            return keep(value, 3, 4);
        }
        return n > 2 ? keep(value, 1, 1) : stars(n);
    }

    /** A person's or organisation's name: the first character (the surname) only ({@code 张**}). */
    public static String name(String value) {
        if (value == null) {
            return null;
        }
        int n = value.codePointCount(0, value.length());
        if (n <= 1) {
            return stars(n);
        }
        int firstEnd = value.offsetByCodePoints(0, 1);
        return value.substring(0, firstEnd) + stars(n - 1);
    }

    /** A mobile number: the first three and last four digits ({@code 138****5678}). */
    public static String mobile(String value) {
        if (value == null) {
            return null;
        }
        int n = value.length();
        return n >= 8 ? keep(value, 3, 4) : stars(n);
    }

    private static String keep(String value, int head, int tail) {
        int n = value.length();
        return value.substring(0, head) + stars(n - head - tail) + value.substring(n - tail);
    }

    private static String stars(int count) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append(STAR);
        }
        return sb.toString();
    }
}
