package org.haochaping.model.id;

/**
 * The 18-character 统一社会信用代码 of GB 32100-2015 that identifies departments and organisations: characters
 * from {@code 0-9} and {@code A-Y} without I, O, Z, S, V, a registration-authority code, a kind code, the 6-digit
 * area code, the 9-character organisation code and a check character (MOD 31).
 */
public final class CreditCode {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Why the code is not a valid 统一社会信用代码, or {@code null} when it is. */
    public static String problem(String code) {
        if (code == null || code.length() != 18) {
            return "must be 18 characters (GB 32100)";
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return "character " + (i + 1) + " is not one of 0-9, A-Y without I, O, Z, S, V (GB 32100)";
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return "characters 3-8 must be the digits of an area code (GB 32100)";
            }
        }
        return code.charAt(17) == checkCharacter(code.substring(0, 17))
                ? null
                : "check character does not match (GB 32100 MOD 31)";
    }

    public static boolean isValid(String code) {
        return problem(code) == null;
    }

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }
}
