package org.haochaping.model.id;

import org.haochaping.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** GB 11643-1999 公民身份号码: shape, birth date and the ISO 7064 MOD 11-2 check character. */
class ResidentIdNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.ID_NUMBER, Fixtures.TIANJIN_ID_NUMBER, "120104198511204561", "440304198001010017"})
    void validNumbers(String number) {
        assertThat(ResidentIdNumber.problem(number)).isNull();
        assertThat(ResidentIdNumber.isValid(number)).isTrue();
    }

    @Test
    void theStandardsOwnExampleHasCheckCharacterX() {
        assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ResidentIdNumber.checkCharacter("12010119900307123")).isEqualTo('5');
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "110105194912310021  | check character does not match (GB 11643 MOD 11-2)",
        "110105194912310020  | check character does not match (GB 11643 MOD 11-2)",
        "11010519491231002   | must be 18 characters (GB 11643)",
        "11010519491231002X1 | must be 18 characters (GB 11643)",
        "110105194912310A2X  | the first 17 characters must be digits (GB 11643)",
        "99010519491231002X  | does not start with a province code (GB 11643, GB/T 2260)",
        "110105194902300027  | has no valid birth date in positions 7-14 (GB 11643)",
        "110105194913010021  | has no valid birth date in positions 7-14 (GB 11643)",
    })
    void invalidNumbersSayWhyWithoutRepeatingTheNumber(String number, String problem) {
        assertThat(ResidentIdNumber.problem(number)).isEqualTo(problem).doesNotContain(number);
        assertThat(ResidentIdNumber.isValid(number)).isFalse();
    }

    @Test
    void theBirthDateIsCheckedBeforeTheCheckCharacter() {
        // 1949-02-30 with the check character that the digits would have: still refused.
        String first17 = "11010519490230002";
        String number = first17 + ResidentIdNumber.checkCharacter(first17);
        assertThat(ResidentIdNumber.problem(number)).isEqualTo("has no valid birth date in positions 7-14 (GB 11643)");
    }

    @Test
    void missingOrEmpty() {
        assertThat(ResidentIdNumber.problem(null)).isEqualTo("must be 18 characters (GB 11643)");
        assertThat(ResidentIdNumber.problem("")).isEqualTo("must be 18 characters (GB 11643)");
    }
}
