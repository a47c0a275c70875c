package org.haochaping.qrcode.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageSizeTest {

    @Test
    void millimetresConvertAtTheDpi() {
        assertThat(ImageSize.millimetres(25.4, 300).pixels()).isEqualTo(300);
        assertThat(ImageSize.millimetres(30, 203).pixels()).isEqualTo(240); // 239.76
        assertThat(ImageSize.millimetres(30, 203).atDpi(600).pixels()).isEqualTo(709); // 708.66
        assertThat(ImageSize.millimetres(30, 203).dpi()).isEqualTo(203);
    }

    @Test
    void dpiIsRecordedOnlyWhenGiven() {
        assertThat(ImageSize.pixels(300).dpi()).isZero();
        assertThat(ImageSize.pixels(300).atDpi(300).dpi()).isEqualTo(300);
        assertThat(ImageSize.moduleSize(4).atDpi(203).pixels()).isEqualTo(4);
    }

    @Test
    void outOfRangeValuesAreRefused() {
        assertThatThrownBy(() -> ImageSize.moduleSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageSize.pixels(20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageSize.millimetres(Double.NaN, 300)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageSize.millimetres(30, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageSize.millimetres(5, 72)).hasMessageContaining("only 14 pixels");
    }
}
