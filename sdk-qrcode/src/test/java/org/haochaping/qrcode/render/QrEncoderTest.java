package org.haochaping.qrcode.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import org.haochaping.qrcode.testing.Decoders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class QrEncoderTest {

    private static final PngRenderer PNG = PngRenderer.builder().size(ImageSize.moduleSize(4)).build();

    @Test
    void asciiIsWrittenWithoutEciSoEveryScannerReadsIt() {
        String text = "https://zwfw.tj.gov.cn/hcp/e?a=120101&h=HALL01&w=A12";
        byte[] png = PNG.render(QrEncoder.builder().build().encode(text));

        Decoders.assertPngDecodesTo(png, text);
        // ISO/IEC 18004 symbology identifier ]Q1: no ECI; ]Q2: ECI present.
        assertThat(Decoders.zxing(png).getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER)).isEqualTo("]Q1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "请扫码评价",
        "综合受理窗口 A12 请扫码评价 https://zwfw.tj.gov.cn/hcp/e?a=120101&h=HALL01&w=A12",
        "天津市政务服务“好差评”——非常满意 😀",
        "Café — déjà vu: ISO-8859-1 would fit, UTF-8 is still what scanners get"
    })
    void nonAsciiIsUtf8BehindAnEciAndDecodesByteForByte(String text) {
        byte[] png = PNG.render(QrEncoder.builder().build().encode(text));

        Decoders.assertPngDecodesTo(png, text);
        Result result = Decoders.zxing(png);
        assertThat(result.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER)).isEqualTo("]Q2");
    }

    @Test
    void urlFollowedByDigitsUsesMixedModesAndStaysSmall() {
        // The receipt code's shape: 31 bytes of URL and 389 digits. In byte mode alone this needs version 15.
        String text = "https://zwfw.tj.gov.cn/hcp/e?r=" + "1234567890".repeat(38) + "123456789";
        QrMatrix matrix = QrEncoder.builder().build().encode(text);

        assertThat(matrix.version()).isEqualTo(10);
        assertThat(matrix.size()).isEqualTo(57);
        Decoders.assertPngDecodesTo(PNG.render(matrix), text);
    }

    @ParameterizedTest
    @EnumSource(ErrorCorrection.class)
    void errorCorrectionLevelIsTheOneAskedFor(ErrorCorrection level) {
        String text = "https://zwfw.tj.gov.cn/hcp/e?a=120101&h=HALL01&w=A12";
        QrMatrix matrix = QrEncoder.builder().errorCorrection(level).build().encode(text);
        byte[] png = PNG.render(matrix);

        assertThat(matrix.errorCorrection()).isEqualTo(level);
        assertThat(Decoders.zxing(png).getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL))
                .isEqualTo(level.name());
        Decoders.assertPngDecodesTo(png, text);
    }

    @Test
    void higherErrorCorrectionNeedsMoreModules() {
        String text = "https://zwfw.tj.gov.cn/hcp/e?a=120101&h=HALL01&w=A12";
        int low = QrEncoder.builder().errorCorrection(ErrorCorrection.L).build().encode(text).version();
        int high = QrEncoder.builder().errorCorrection(ErrorCorrection.H).build().encode(text).version();
        assertThat(high).isGreaterThan(low);
    }

    @Test
    void sameTextGivesTheSameMatrix() {
        QrEncoder encoder = QrEncoder.builder().build();
        String text = "https://zwfw.tj.gov.cn/hcp/e?a=120101&h=HALL01&w=A12";
        assertThat(encoder.encode(text)).isEqualTo(encoder.encode(text));
    }

    @Test
    void emptyOrOversizedContentIsRefusedWithReason() {
        QrEncoder encoder = QrEncoder.builder().build();
        assertThatThrownBy(() -> encoder.encode("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> encoder.encode("x".repeat(3000))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit");
    }

    @Test
    void moduleLookupChecksBounds() {
        QrMatrix matrix = QrEncoder.builder().build().encode("hello");
        assertThat(matrix.isDark(0, 0)).isTrue(); // the top-left finder pattern's corner
        assertThat(matrix.isDark(7, 7)).isFalse(); // its separator
        assertThatThrownBy(() -> matrix.isDark(matrix.size(), 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
