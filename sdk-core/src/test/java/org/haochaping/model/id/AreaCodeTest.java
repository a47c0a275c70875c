package org.haochaping.model.id;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The shape of a GB/T 2260 行政区划代码: 6 or 12 digits with a known province. */
class AreaCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"120000", "120101", "120116", "110105", "650100", "820000", "120101001001"})
    void validShapes(String code) {
        assertThat(AreaCode.problem(code)).isNull();
        assertThat(AreaCode.isValid(code)).isTrue();
    }

    @ParameterizedTest(name = "[{0}]: {1}")
    @CsvSource(delimiter = '|', value = {
        "12010         | must be 6 or 12 digits (GB/T 2260)",
        "1201011       | must be 6 or 12 digits (GB/T 2260)",
        "12010100100   | must be 6 or 12 digits (GB/T 2260)",
        "12010A        | must be digits only (GB/T 2260)",
        "１２０１０１  | must be digits only (GB/T 2260)",
        "990101        | does not start with a province code (GB/T 2260)",
        "100000        | does not start with a province code (GB/T 2260)",
        "000000000000  | does not start with a province code (GB/T 2260)",
    })
    void invalidShapes(String code, String problem) {
        assertThat(AreaCode.problem(code)).isEqualTo(problem);
        assertThat(AreaCode.isValid(code)).isFalse();
    }

    @Test
    void missingOrEmpty() {
        assertThat(AreaCode.problem(null)).isEqualTo("must be 6 or 12 digits (GB/T 2260)");
        assertThat(AreaCode.problem("")).isEqualTo("must be 6 or 12 digits (GB/T 2260)");
    }
}
