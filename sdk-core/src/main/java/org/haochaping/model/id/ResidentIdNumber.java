package org.haochaping.model.id;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The 18-character 公民身份号码 of GB 11643-1999: a 6-digit area code, an 8-digit birth date, a 3-digit
 * sequence and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private ResidentIdNumber() {
    }

    /**
     * Why the number is not a valid resident ID number, or {@code null} when it is. The reason never repeats
     * the number (it is personal data).
     */
    public static String problem(String number) {
        if (number == null || number.length() != 18) {
            return "must be 18 characters (GB 11643)";
        }
        for (int i = 0; i < 17; i++) {
            if (!isDigit(number.charAt(i))) {
                return "the first 17 characters must be digits (GB 11643)";
            }
        }
        if (!AreaCode.hasKnownProvince(number.substring(0, 2))) {
            return "does not start with a province code (GB 11643, GB/T 2260)";
        }
        try {
            LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
                    Integer.parseInt(number.substring(12, 14)));
        } catch (DateTimeException e) {
            return "has no valid birth date in positions 7-14 (GB 11643)";
        }
        char expected = checkCharacter(number.substring(0, 17));
        char actual = Character.toUpperCase(number.charAt(17));
        return actual == expected ? null : "check character does not match (GB 11643 MOD 11-2)";
    }

    public static boolean isValid(String number) {
        return problem(number) == null;
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
