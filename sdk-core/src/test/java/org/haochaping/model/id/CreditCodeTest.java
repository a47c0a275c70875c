package org.haochaping.model.id;

import org.haochaping.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** GB 32100-2015 统一社会信用代码: character set, area code positions and the MOD 31 check character. */
class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.CREDIT_CODE_EXAMPLE, Fixtures.DEPT_CODE, Fixtures.JOINT_DEPT_A,
        Fixtures.JOINT_DEPT_B, "91120116MA05JXXX1G"})
    void validCodes(String code) {
        assertThat(CreditCode.problem(code)).isNull();
        assertThat(CreditCode.isValid(code)).isTrue();
    }

    @Test
    void thePublishedExampleChecksOutByHand() {
        // 9 1 3 5 0 1 0 0 M 0 0 0 1 0 0 Y 4 with M = 21, Y = 30 and weights 3^i mod 31:
        // 9 + 3 + 27 + 135 + 0 + 26 + 0 + 0 + 420 + 0 + 0 + 0 + 8 + 0 + 0 + 900 + 112 = 1640; 1640 mod 31 = 28;
        // 31 - 28 = 3.
        assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void aRemainderOfZeroGivesCheckCharacterZero() {
        // 3 * 1 (first weight) + 1 * 28 (last weight) = 31: 31 - 0 would be 31, which the standard maps to 0.
        String first17 = "30000000000000001";
        assertThat(CreditCode.checkCharacter(first17)).isEqualTo('0');
        assertThat(CreditCode.isValid(first17 + "0")).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "91350100M000100Y44  | check character does not match (GB 32100 MOD 31)",
        "91350100M000100Y4   | must be 18 characters (GB 32100)",
        "91350100M000100Y430 | must be 18 characters (GB 32100)",
        "91350100I000100Y43  | character 9 is not one of 0-9, A-Y without I, O, Z, S, V (GB 32100)",
        "91350100m000100Y43  | character 9 is not one of 0-9, A-Y without I, O, Z, S, V (GB 32100)",
        "9135010OM000100Y4Z  | character 8 is not one of 0-9, A-Y without I, O, Z, S, V (GB 32100)",
        "913501A0M000100Y43  | characters 3-8 must be the digits of an area code (GB 32100)",
    })
    void invalidCodes(String code, String problem) {
        assertThat(CreditCode.problem(code)).isEqualTo(problem);
        assertThat(CreditCode.isValid(code)).isFalse();
    }

    @Test
    void missing() {
        assertThat(CreditCode.problem(null)).isEqualTo("must be 18 characters (GB 32100)");
    }
}
