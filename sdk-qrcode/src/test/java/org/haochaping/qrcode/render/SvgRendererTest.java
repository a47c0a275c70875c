package org.haochaping.qrcode.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.haochaping.qrcode.testing.Decoders;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgRendererTest {

    private static final String TEXT = "https://zwfw.tj.gov.cn/hcp/e?a=120101&h=HALL01&w=A12";
    private static final QrMatrix MATRIX = QrEncoder.builder().build().encode(TEXT);

    @Test
    void pixelSizedSvgRasterisesAndDecodes() {
        String svg = SvgRenderer.builder().size(ImageSize.pixels(300)).build().render(MATRIX);
        Element root = parse(svg).getDocumentElement();

        assertThat(root.getAttribute("width")).isEqualTo("300");
        assertThat(root.getAttribute("height")).isEqualTo("300");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 300 300");
        Decoders.assertSvgDecodesTo(svg, TEXT);
    }

    @Test
    void pathHasOneRectanglePerRunOfDarkModulesOnWholeUnits() {
        String svg = SvgRenderer.builder().size(ImageSize.moduleSize(10)).build().render(MATRIX);
        Element path = (Element) parse(svg).getElementsByTagName("path").item(0);

        assertThat(path.getAttribute("shape-rendering")).isEqualTo("crispEdges");
        String d = path.getAttribute("d");
        assertThat(d).matches("(M\\d+ \\d+h\\d+v10h-\\d+z)+");
        int runs = 0;
        for (int y = 0; y < MATRIX.size(); y++) {
            for (int x = 0; x < MATRIX.size(); x++) {
                if (MATRIX.isDark(x, y) && (x == 0 || !MATRIX.isDark(x - 1, y))) {
                    runs++;
                }
            }
        }
        assertThat(d.split("z")).hasSize(runs);
        // The top-left finder pattern: its first row is one run of 7 modules at the quiet zone's edge.
        assertThat(d).startsWith("M40 40h70v10h-70z");
    }

    @Test
    void millimetreSizedSvgIsVectorInModulesAndPrintsAtTheRequestedWidth() {
        String svg = SvgRenderer.builder().size(ImageSize.millimetres(25, 300)).build().render(MATRIX);
        Element root = parse(svg).getDocumentElement();

        int units = MATRIX.size() + 8;
        assertThat(root.getAttribute("width")).isEqualTo("25mm");
        assertThat(root.getAttribute("height")).isEqualTo("25mm");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 " + units + " " + units);
        byte[] png = Decoders.rasterise(svg, 300);
        // rsvg honours the physical size: 25 mm at 300 dpi is 295.3 px, which it rounds up.
        int width = java.nio.ByteBuffer.wrap(org.haochaping.qrcode.testing.PngChunks.read(png).get(0).data()).getInt();
        assertThat(width).isBetween(295, 296);
        Decoders.assertPngDecodesTo(png, TEXT);
    }

    @Test
    void captionLinesAreCentredBelowTheCodeAndEscaped() {
        String svg = SvgRenderer.builder().size(ImageSize.pixels(280))
                .caption("综合受理窗口 A12 <一号楼 & 二号楼>", "请扫码评价").build().render(MATRIX);
        Document doc = parse(svg);
        NodeList texts = doc.getElementsByTagName("text");

        assertThat(texts.getLength()).isEqualTo(2);
        assertThat(texts.item(0).getTextContent()).isEqualTo("综合受理窗口 A12 <一号楼 & 二号楼>");
        assertThat(texts.item(1).getTextContent()).isEqualTo("请扫码评价");
        Element first = (Element) texts.item(0);
        assertThat(first.getAttribute("text-anchor")).isEqualTo("middle");
        assertThat(first.getAttribute("x")).isEqualTo("140");
        assertThat(Double.parseDouble(first.getAttribute("y"))).isGreaterThan(280);
        double height = Double.parseDouble(doc.getDocumentElement().getAttribute("height"));
        assertThat(height).isGreaterThan(Double.parseDouble(((Element) texts.item(1)).getAttribute("y")));
        // A long first line gets a smaller font than the short one so it stays within the width.
        assertThat(Double.parseDouble(first.getAttribute("font-size")))
                .isLessThan(Double.parseDouble(((Element) texts.item(1)).getAttribute("font-size")));
        Decoders.assertSvgDecodesTo(svg, TEXT);
    }

    @Test
    void captionWithMillimetresScalesTheHeight() {
        String svg = SvgRenderer.builder().size(ImageSize.millimetres(40, 300)).caption("请扫码评价").build().render(MATRIX);
        Element root = parse(svg).getDocumentElement();

        assertThat(root.getAttribute("width")).isEqualTo("40mm");
        assertThat(Double.parseDouble(root.getAttribute("height").replace("mm", ""))).isBetween(43.0, 46.0);
        Decoders.assertPngDecodesTo(Decoders.rasterise(svg, 300), TEXT);
    }

    @Test
    void captionRejectsControlCharactersAndOverlongLines() {
        assertThatThrownBy(() -> SvgRenderer.builder().caption("a\u0007b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SvgRenderer.builder().caption("字".repeat(41))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SvgRenderer.builder().caption(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SvgRenderer.builder().caption("\uD800x")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Document parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("SVG is not well-formed XML", e);
        }
    }
}
