package org.haochaping.qrcode.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.haochaping.qrcode.testing.Decoders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Chinese caption is drawn with a CJK font, not as boxes: rasterised by librsvg (rsvg-convert) with
 * fonts-noto-cjk installed (.ci/run installs it), the caption is exactly what the CJK font draws, and the QR code
 * above it still decodes.
 */
class SvgCaptionCjkFontTest {

    private static final String TEXT = "https://zwfw.tj.gov.cn/hcp/e?a=120101&h=HALL01&w=A12";
    private static final QrMatrix MATRIX = QrEncoder.builder().build().encode(TEXT);
    private static final int WIDTH = 300;

    @BeforeAll
    static void aCjkFontIsInstalled() throws Exception {
        Process fcList = new ProcessBuilder("fc-list", ":lang=zh", "family").redirectErrorStream(true).start();
        String families = new String(fcList.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        fcList.waitFor();
        assertThat(families).as("a CJK font (Debian: apt-get install fonts-noto-cjk; see .ci/run)")
                .contains("Noto Sans CJK SC");
    }

    @Test
    void theCaptionNamesTheCjkFontStack() {
        String svg = SvgRenderer.builder().size(ImageSize.pixels(WIDTH)).caption("A12 窗口", "请扫码评价").build()
                .render(MATRIX);
        assertThat(svg).contains("font-family=\"'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', "
                + "'PingFang SC', SimHei, sans-serif\"");
    }

    @Test
    void chineseCaptionsRenderWithTheCjkFontAndTheCodeStillDecodes() throws IOException {
        String svg = SvgRenderer.builder().size(ImageSize.pixels(WIDTH)).caption("A12 窗口", "请扫码评价").build()
                .render(MATRIX);
        BufferedImage rendered = raster(svg);
        // The same SVG with only the CJK font named: the stack must resolve to it, pixel for pixel.
        BufferedImage cjkOnly = raster(svg.replace(SvgRenderer.CAPTION_FONTS, "'Noto Sans CJK SC'"));
        // The same SVG where fontconfig knows only DejaVu (no CJK glyphs): what a viewer without a CJK font shows.
        BufferedImage boxes = rasterWithoutCjkFonts(svg);

        assertThat(ink(rendered)).as("the caption draws something").isGreaterThan(200);
        assertThat(captionPixels(rendered)).as("caption drawn with Noto Sans CJK SC").isEqualTo(captionPixels(cjkOnly));
        assertThat(captionPixels(rendered)).as("caption differs from missing-glyph boxes")
                .isNotEqualTo(captionPixels(boxes));
        Decoders.assertSvgDecodesTo(svg, TEXT);
    }

    private static BufferedImage raster(String svg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(Decoders.rasterise(svg, 96)));
    }

    /** rsvg-convert with a fontconfig configuration that holds only the DejaVu fonts. */
    private static BufferedImage rasterWithoutCjkFonts(String svg) throws IOException {
        Path dir = Files.createTempDirectory("hcp-fonts-");
        try {
            Path conf = Files.writeString(dir.resolve("fonts.conf"), "<?xml version=\"1.0\"?><fontconfig>"
                    + "<dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>" + dir.resolve("cache") + "</cachedir>"
                    + "</fontconfig>");
            Path in = Files.writeString(dir.resolve("in.svg"), svg);
            Path out = dir.resolve("out.png");
            ProcessBuilder pb = new ProcessBuilder("rsvg-convert", "-d", "96", "-p", "96", "-b", "white", "-o",
                    out.toString(), in.toString()).redirectErrorStream(true);
            pb.environment().put("FONTCONFIG_FILE", conf.toString());
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as("rsvg-convert: " + output).isZero();
            return ImageIO.read(out.toFile());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** The pixels below the square code: the caption. */
    private static int[] captionPixels(BufferedImage image) {
        return image.getRGB(0, WIDTH, image.getWidth(), image.getHeight() - WIDTH, null, 0, image.getWidth());
    }

    private static int ink(BufferedImage image) {
        int dark = 0;
        for (int rgb : captionPixels(image)) {
            if ((rgb & 0xFF) < 128) {
                dark++;
            }
        }
        return dark;
    }
}
