package org.haochaping.scorecard;

/**
 * A fast check of the common form of an ISO-8601 date-time with offset, {@code 2024-10-08T10:15:00+08:00} (or
 * {@code Z}), so that a stream of millions of records does not build a date object per line. Anything else
 * (fractions of a second, no seconds, or an invalid value) goes to the full parser, which accepts or names the
 * problem.
 */
final class IsoOffsetDateTime {

    private IsoOffsetDateTime() {
    }

    /** {@code true} only for a valid {@code uuuu-MM-ddTHH:mm:ss} followed by {@code Z} or {@code ±HH:MM}. */
    static boolean isPlainValid(char[] s, int n) {
        if (n != 20 && n != 25) {
            return false;
        }
        if (s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':') {
            return false;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOf(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return false;
        }
        if (n == 20) {
            return s[19] == 'Z';
        }
        char sign = s[19];
        if ((sign != '+' && sign != '-') || s[22] != ':') {
            return false;
        }
        int oh = digits(s, 20, 2);
        int om = digits(s, 23, 2);
        return oh >= 0 && om >= 0 && om <= 59 && (oh < 18 || (oh == 18 && om == 0));
    }

    private static int lengthOf(int year, int month) {
        switch (month) {
            case 2:
                boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    private static int digits(char[] s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
