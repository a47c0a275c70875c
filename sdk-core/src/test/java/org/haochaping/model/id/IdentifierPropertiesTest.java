package org.haochaping.model.id;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check characters as properties: completing any number with the computed check character makes it valid, the
 * computation agrees with an independent implementation of each standard, and a change of any one character of a
 * valid number is detected (ISO 7064 MOD 11-2 and GB 32100 MOD 31 both detect every single substitution).
 */
class IdentifierPropertiesTest {

    private static final String PROVINCES = "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 "
            + "53 54 61 62 63 64 65 71 81 82";
    private static final String ID_ALPHABET = "0123456789X";
    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // ---- GB 11643 ----

    @Provide
    Arbitrary<String> first17() {
        Arbitrary<String> province = Arbitraries.of(PROVINCES.split(" "));
        Arbitrary<String> county = Arbitraries.strings().numeric().ofLength(4);
        Arbitrary<String> birth = Arbitraries.longs()
                .between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2025, 12, 31).toEpochDay())
                .map(d -> LocalDate.ofEpochDay(d).format(DateTimeFormatter.BASIC_ISO_DATE));
        Arbitrary<String> sequence = Arbitraries.strings().numeric().ofLength(3);
        return Combinators.combine(province, county, birth, sequence).as((p, c, b, s) -> p + c + b + s);
    }

    @Provide
    Arbitrary<String> validIdNumbers() {
        return first17().map(f -> f + ResidentIdNumber.checkCharacter(f));
    }

    @Property
    void completedWithItsCheckCharacterAnIdNumberIsValid(@ForAll("first17") String first17) {
        assertThat(ResidentIdNumber.isValid(first17 + ResidentIdNumber.checkCharacter(first17))).isTrue();
    }

    @Property
    void idCheckCharacterAgreesWithAReferenceMod11_2(@ForAll @StringLength(17) @NumericChars String digits) {
        assertThat(ResidentIdNumber.checkCharacter(digits)).isEqualTo(referenceMod11_2(digits));
    }

    /** ISO 7064 MOD 11-2 as the standard defines it: weights 2^(i-1) mod 11 from the right, check = (12 - S mod 11) mod 11. */
    private static char referenceMod11_2(String digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int weight = 1 << (17 - i); // 2^(position from the right, the check character being position 1)
            sum += (digits.charAt(i) - '0') * (weight % 11);
        }
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    @Property
    void changingAnyOneCharacterOfAValidIdNumberMakesItInvalid(@ForAll("validIdNumbers") String valid,
            @ForAll @IntRange(min = 0, max = 17) int position, @ForAll @IntRange(min = 1, max = 10) int shift) {
        char replacement = shifted(ID_ALPHABET, valid.charAt(position), shift);
        String changed = valid.substring(0, position) + replacement + valid.substring(position + 1);
        assertThat(ResidentIdNumber.isValid(changed)).as("%s -> %s", valid, changed).isFalse();
    }

    // ---- GB 32100 ----

    @Provide
    Arbitrary<String> creditFirst17() {
        Arbitrary<String> head = Arbitraries.strings().withChars(CREDIT_ALPHABET.toCharArray()).ofLength(2);
        Arbitrary<String> area = Arbitraries.strings().numeric().ofLength(6);
        Arbitrary<String> organisation = Arbitraries.strings().withChars(CREDIT_ALPHABET.toCharArray()).ofLength(9);
        return Combinators.combine(head, area, organisation).as((h, a, o) -> h + a + o);
    }

    @Provide
    Arbitrary<String> validCreditCodes() {
        return creditFirst17().map(f -> f + CreditCode.checkCharacter(f));
    }

    @Property
    void completedWithItsCheckCharacterACreditCodeIsValid(@ForAll("creditFirst17") String first17) {
        assertThat(CreditCode.isValid(first17 + CreditCode.checkCharacter(first17))).isTrue();
    }

    @Property
    void creditCheckCharacterAgreesWithAReferenceMod31(@ForAll("creditFirst17") String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int weight = 1;
            for (int k = 0; k < i; k++) {
                weight = weight * 3 % 31; // GB 32100: W_i = 3^(i-1) mod 31
            }
            sum += CREDIT_ALPHABET.indexOf(first17.charAt(i)) * weight;
        }
        char expected = CREDIT_ALPHABET.charAt((31 - sum % 31) % 31);
        assertThat(CreditCode.checkCharacter(first17)).isEqualTo(expected);
    }

    @Property
    void changingAnyOneCharacterOfAValidCreditCodeMakesItInvalid(@ForAll("validCreditCodes") String valid,
            @ForAll @IntRange(min = 0, max = 17) int position, @ForAll @IntRange(min = 1, max = 30) int shift) {
        char replacement = shifted(CREDIT_ALPHABET, valid.charAt(position), shift);
        String changed = valid.substring(0, position) + replacement + valid.substring(position + 1);
        assertThat(CreditCode.isValid(changed)).as("%s -> %s", valid, changed).isFalse();
    }

    /** Another character of the alphabet: {@code shift} places on, never the original. */
    private static char shifted(String alphabet, char original, int shift) {
        int from = alphabet.indexOf(original);
        return alphabet.charAt((from + shift) % alphabet.length());
    }
}
