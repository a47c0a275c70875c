package org.haochaping.qrcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.haochaping.qrcode.render.ImageSize;
import org.haochaping.qrcode.render.PngRenderer;
import org.haochaping.qrcode.render.QrEncoder;
import org.haochaping.qrcode.render.QrMatrix;
import org.haochaping.qrcode.testing.Decoders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindowCodeTest {

    private static final WindowCode WINDOW = WindowCode.builder()
            .areaCode("120101").hallCode("HP-01").windowCode("A12").build();

    @Test
    void textIsThePageWithAreaHallAndWindow() {
        assertThat(WINDOW.toText(EvaluationPage.DEFAULT))
                .isEqualTo("https://zwfw.tj.gov.cn/hcp/e?a=120101&h=HP-01&w=A12");
    }

    @Test
    void departmentIsAppendedWhenGiven() {
        WindowCode code = WindowCode.builder().areaCode("120101001001").hallCode("HP-01").windowCode("A12")
                .departmentCode("11120000MB0T12345X").build();
        assertThat(code.toText(EvaluationPage.of("https://example.gov.cn/eval?src=hall")))
                .isEqualTo("https://example.gov.cn/eval?src=hall&a=120101001001&h=HP-01&w=A12&d=11120000MB0T12345X");
    }

    @Test
    void sameWindowAlwaysYieldsTheSameTextAndImage() {
        WindowCode again = WindowCode.builder().areaCode("120101").hallCode("HP-01").windowCode("A12").build();
        assertThat(again).isEqualTo(WINDOW).hasSameHashCodeAs(WINDOW);
        PngRenderer png = PngRenderer.builder().size(ImageSize.millimetres(40, 300)).build();
        QrEncoder encoder = QrEncoder.builder().build();
        byte[] first = png.render(encoder.encode(WINDOW.toText(EvaluationPage.DEFAULT)));
        byte[] second = png.render(encoder.encode(again.toText(EvaluationPage.DEFAULT)));
        assertThat(second).isEqualTo(first);
        Decoders.assertPngDecodesTo(first, WINDOW.toText(EvaluationPage.DEFAULT));
    }

    @Test
    void printedCodeDecodesToItsTextAndParsesBack() {
        WindowCode code = WindowCode.builder().areaCode("120101").hallCode("HP-01").windowCode("A12")
                .departmentCode("11120000MB0T12345X").build();
        String text = code.toText(EvaluationPage.DEFAULT);
        QrMatrix matrix = QrEncoder.builder().build().encode(text);
        byte[] png = PngRenderer.builder().size(ImageSize.pixels(250)).build().render(matrix);

        Decoders.assertPngDecodesTo(png, text);
        assertThat(WindowCode.parse(text)).isEqualTo(code);
        assertThat(matrix.version()).isLessThanOrEqualTo(5);
    }

    @Test
    void parseIgnoresThePageButNotTheParameters() {
        assertThat(WindowCode.parse("http://10.1.2.3:8080/p?x=1&a=120101&h=H&w=W"))
                .isEqualTo(WindowCode.builder().areaCode("120101").hallCode("H").windowCode("W").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ftp://zwfw.tj.gov.cn/hcp/e?a=120101&h=HP-01&w=A12",
        "https://zwfw.tj.gov.cn/hcp/e",
        "https://zwfw.tj.gov.cn/hcp/e?h=HP-01&a=120101&w=A12",
        "https://zwfw.tj.gov.cn/hcp/e?a=120101&h=HP-01",
        "https://zwfw.tj.gov.cn/hcp/e?a=12010&h=HP-01&w=A12",
        "https://zwfw.tj.gov.cn/hcp/e?a=120101&h=HP 01&w=A12",
        "https://zwfw.tj.gov.cn/hcp/e?a=120101&h=HP-01&w=A12&d=11120000MB0T1234",
        "https://zwfw.tj.gov.cn/hcp/e?a=120101&h=HP-01&w=窗口",
        "https://zwfw.tj.gov.cn/hcp/e?a=120101&h=HP-01&w=A12#x",
        "https://zwfw.tj.gov.cn/hcp/e?a=120101&h=HP-01&w=A12&z=1"
    })
    void malformedTextIsRefusedAsMalformed(String text) {
        assertThatThrownBy(() -> WindowCode.parse(text)).isInstanceOf(MalformedCodeException.class)
                .satisfies(e -> assertThat(((InvalidCodeException) e).reason()).isEqualTo(InvalidCodeException.Reason.MALFORMED));
    }

    @Test
    void eachBadFieldIsNamed() {
        assertThatThrownBy(() -> WindowCode.builder().areaCode("1201").hallCode("H").windowCode("W").build())
                .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("areaCode:")
                .hasMessageContaining("Art. 10(二)");
        assertThatThrownBy(() -> WindowCode.builder().areaCode("120101").windowCode("W").build())
                .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("hallCode: is required");
        assertThatThrownBy(() -> WindowCode.builder().areaCode("120101").hallCode("H").windowCode("W".repeat(17)).build())
                .isInstanceOf(InvalidFieldException.class).extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("windowCode");
        assertThatThrownBy(() -> WindowCode.builder().areaCode("120101").hallCode("H").windowCode("W")
                .departmentCode("11120000MB0T12345O").build())
                .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("departmentCode:");
    }
}
