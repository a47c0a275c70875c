package org.haochaping.privacy;

import org.haochaping.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Masks of personal data (Art. 17): what is kept and that the number of stars follows the hidden length. */
class MaskTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        Fixtures.ID_NUMBER + ",           110***********002X",
        Fixtures.CREDIT_CODE_EXAMPLE + ", 913***********0Y43",
        "110105491231002,                 110********1002",
        "E12345678,                       E*******8",
        "H1234567,                        H******7",
        "ABC,                             A*C",
        "AB,                              **",
        "A,                               *",
    })
    void certificateNumbers(String number, String masked) {
        assertThat(Mask.certificateNumber(number)).isEqualTo(masked).hasSameSizeAs(number);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "张三丰,               张**",
        "张三,                 张*",
        "欧阳娜娜,             欧***",
        "王,                   *",
        "福建某某科技有限公司, 福*********",
        "Zhang San,            Z********",
    })
    void names(String name, String masked) {
        assertThat(Mask.name(name)).isEqualTo(masked);
    }

    @Test
    void aNameOutsideTheBasicPlaneIsMaskedByCharacterNotByCodeUnit() {
        String name = "\uD840\uDC00\uD840\uDC01"; // two CJK Extension B characters, four UTF-16 units
        assertThat(Mask.name(name)).isEqualTo("\uD840\uDC00*");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        Fixtures.MOBILE + ", 138****5678",
        "8613812345678,      861******5678",
        "13812345,           138*2345",
        "1381234,            *******",
    })
    void mobiles(String mobile, String masked) {
        assertThat(Mask.mobile(mobile)).isEqualTo(masked);
    }

    @Test
    void nothingToMask() {
        assertThat(Mask.certificateNumber(null)).isNull();
        assertThat(Mask.name(null)).isNull();
        assertThat(Mask.mobile(null)).isNull();
        assertThat(Mask.name("")).isEmpty();
    }
}
