package org.haochaping.qrcode.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.haochaping.qrcode.testing.Decoders;
import org.haochaping.qrcode.testing.PngChunks;
import org.haochaping.qrcode.testing.PngChunks.Chunk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PngRendererTest {

    private static final String TEXT = "https://zwfw.tj.gov.cn/hcp/e?a=120101&h=HALL01&w=A12&d=11120000MB0T12345X";
    private static final QrMatrix MATRIX = QrEncoder.builder().build().encode(TEXT);

    @ParameterizedTest(name = "{0}-bit, {1} px per module, quiet zone {2}")
    @CsvSource({"ONE,1,4", "ONE,3,4", "ONE,4,2", "ONE,8,4", "ONE,13,0", "EIGHT,1,4", "EIGHT,5,4", "EIGHT,8,1"})
    void everyPixelIsWhereTheModuleIs(PngRenderer.BitDepth depth, int modulePixels, int quietZone) {
        byte[] png = PngRenderer.builder().bitDepth(depth).size(ImageSize.moduleSize(modulePixels))
                .quietZone(quietZone).build().render(MATRIX);

        int width = (MATRIX.size() + 2 * quietZone) * modulePixels;
        assertHeader(png, width, depth == PngRenderer.BitDepth.ONE ? 1 : 8);
        assertPixelsMatch(png, depth, modulePixels, quietZone * modulePixels);
        Decoders.assertPngDecodesTo(png, TEXT);
    }

    @Test
    void fixedPixelWidthKeepsWholePixelModulesAndWidensTheQuietZone() {
        // Version 5: 37 modules + 8 quiet = 45; 300 px gives 6 px per module (222 px) and 39 px around.
        byte[] png = PngRenderer.builder().size(ImageSize.pixels(300)).build().render(MATRIX);

        assertThat(MATRIX.size()).isEqualTo(37);
        assertHeader(png, 300, 1);
        assertPixelsMatch(png, PngRenderer.BitDepth.ONE, 6, 39);
        Decoders.assertPngDecodesTo(png, TEXT);
    }

    @Test
    void millimetresAtDpiGiveThePixelCountAndThePhysChunk() {
        // 30 mm at 300 dpi = 354.33 -> 354 px; pHYs in pixels per metre: 300 / 0.0254 = 11811.
        byte[] png = PngRenderer.builder().size(ImageSize.millimetres(30, 300)).build().render(MATRIX);

        assertHeader(png, 354, 1);
        Chunk phys = PngChunks.read(png).stream().filter(c -> c.type().equals("pHYs")).findFirst().orElseThrow();
        ByteBuffer data = ByteBuffer.wrap(phys.data());
        assertThat(data.getInt()).isEqualTo(11811);
        assertThat(data.getInt()).isEqualTo(11811);
        assertThat(data.get()).as("unit: metre").isEqualTo((byte) 1);
        Decoders.assertPngDecodesTo(png, TEXT);
    }

    @Test
    void chunksAreInTheOrderThePngSpecificationRequires() {
        byte[] pngWithDpi = PngRenderer.builder().size(ImageSize.moduleSize(2).atDpi(203)).build().render(MATRIX);
        byte[] pngWithoutDpi = PngRenderer.builder().build().render(MATRIX);
        List<String> withDpi = PngChunks.read(pngWithDpi).stream().map(Chunk::type).toList();
        List<String> withoutDpi = PngChunks.read(pngWithoutDpi).stream().map(Chunk::type).toList();
        Decoders.assertPngDecodesTo(pngWithDpi, TEXT);
        Decoders.assertPngDecodesTo(pngWithoutDpi, TEXT);

        assertThat(withDpi).containsExactly("IHDR", "pHYs", "IDAT", "IEND");
        assertThat(withoutDpi).containsExactly("IHDR", "IDAT", "IEND");
    }

    @Test
    void oneBitImagesAreSmall() {
        byte[] png = PngRenderer.builder().size(ImageSize.pixels(600)).build().render(MATRIX);
        assertThat(png.length).isLessThan(3000);
        Decoders.assertPngDecodesTo(png, TEXT);
    }

    @Test
    void tooSmallAnImageIsRefusedNamingTheMinimum() {
        PngRenderer renderer = PngRenderer.builder().size(ImageSize.pixels(40)).build();
        assertThatThrownBy(() -> renderer.render(MATRIX)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 45 px");
    }

    private static void assertHeader(byte[] png, int width, int bitDepth) {
        Chunk ihdr = PngChunks.read(png).get(0);
        assertThat(ihdr.type()).isEqualTo("IHDR");
        ByteBuffer data = ByteBuffer.wrap(ihdr.data());
        assertThat(data.getInt()).as("width").isEqualTo(width);
        assertThat(data.getInt()).as("height").isEqualTo(width);
        assertThat(data.get()).as("bit depth").isEqualTo((byte) bitDepth);
        assertThat(data.get()).as("colour type: greyscale").isEqualTo((byte) 0);
        assertThat(data.get()).as("compression").isEqualTo((byte) 0);
        assertThat(data.get()).as("filter method").isEqualTo((byte) 0);
        assertThat(data.get()).as("interlace").isEqualTo((byte) 0);
    }

    private static void assertPixelsMatch(byte[] png, PngRenderer.BitDepth depth, int modulePixels, int offset) {
        byte[][] rows = PngChunks.scanlines(png);
        int width = rows.length;
        int codeEnd = offset + MATRIX.size() * modulePixels;
        for (int y = 0; y < width; y++) {
            for (int x = 0; x < width; x++) {
                boolean inCode = x >= offset && x < codeEnd && y >= offset && y < codeEnd;
                boolean dark = inCode && MATRIX.isDark((x - offset) / modulePixels, (y - offset) / modulePixels);
                boolean pixelDark = depth == PngRenderer.BitDepth.ONE
                        ? ((rows[y][x >>> 3] >>> (7 - (x & 7))) & 1) == 0
                        : rows[y][x] == 0;
                if (depth == PngRenderer.BitDepth.EIGHT) {
                    assertThat(rows[y][x] & 0xFF).as("grey level at (%d, %d)", x, y).isIn(0, 255);
                }
                if (pixelDark != dark) {
                    throw new AssertionError("pixel (" + x + ", " + y + ") is " + (pixelDark ? "dark" : "light"));
                }
            }
        }
    }
}
