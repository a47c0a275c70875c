package org.haochaping.qrcode.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.haochaping.qrcode.testing.Decoders;
import org.junit.jupiter.api.Test;

class ArgbRendererTest {

    private static final String TEXT = "综合受理 A12 https://zwfw.tj.gov.cn/hcp/e?a=120101&h=HALL01&w=A12";
    private static final QrMatrix MATRIX = QrEncoder.builder().build().encode(TEXT);

    @Test
    void pixelsDecodeAndEqualThePngRendering() {
        ImageSize size = ImageSize.pixels(333);
        ArgbImage image = ArgbRenderer.builder().size(size).build().render(MATRIX);

        assertThat(image.width()).isEqualTo(333);
        assertThat(image.height()).isEqualTo(333);
        assertThat(image.pixels()).hasSize(333 * 333);
        assertThat(Decoders.zxing(image.pixels(), image.width(), image.height()).getText()).isEqualTo(TEXT);

        byte[] pngFile = PngRenderer.builder().size(size).bitDepth(PngRenderer.BitDepth.EIGHT).build().render(MATRIX);
        Decoders.assertPngDecodesTo(pngFile, TEXT);
        byte[][] png = org.haochaping.qrcode.testing.PngChunks.scanlines(pngFile);
        for (int y = 0; y < 333; y++) {
            for (int x = 0; x < 333; x++) {
                int expected = png[y][x] == 0 ? 0xFF000000 : 0xFFFFFFFF;
                if (image.pixel(x, y) != expected) {
                    throw new AssertionError("pixel (" + x + ", " + y + ") differs from the PNG");
                }
            }
        }
    }

    @Test
    void customColoursAreUsedAndStillDecode() {
        int navy = 0xFF102040;
        int cream = 0xFFFFF8E0;
        ArgbImage image = ArgbRenderer.builder().size(ImageSize.moduleSize(5)).quietZone(4).colors(navy, cream)
                .build().render(MATRIX);

        assertThat(image.pixel(0, 0)).isEqualTo(cream);
        assertThat(image.pixel(20, 20)).as("top-left finder corner").isEqualTo(navy);
        assertThat(image.pixels()).containsOnly(navy, cream);
        assertThat(Decoders.zxing(image.pixels(), image.width(), image.height()).getText()).isEqualTo(TEXT);
    }
}
