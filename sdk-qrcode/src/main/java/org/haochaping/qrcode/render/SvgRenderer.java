package org.haochaping.qrcode.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes a {@link QrMatrix} as an SVG document: one {@code <path>} of axis-aligned rectangles on whole
 * units with {@code shape-rendering="crispEdges"}, so printers and rasterisers draw sharp module edges,
 * and an optional caption under the code (the window's name, "请扫码评价", ...). Immutable and thread-safe.
 *
 * <p>Sized in pixels or modules, coordinates are pixels; sized in millimetres, the document is that many
 * {@code mm} wide and its coordinates are modules.
 */
public final class SvgRenderer {

    /**
     * The caption's fonts: the common Simplified Chinese fonts of Linux, Windows and macOS first, so a viewer whose
     * default sans-serif has no CJK glyphs still draws the characters instead of boxes.
     */
    static final String CAPTION_FONTS =
            "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', SimHei, sans-serif";

    /** Caption font size as a share of the image width, and line height as a multiple of the font size. */
    private static final double FONT_SHARE = 1.0 / 14;
    private static final double LINE_HEIGHT = 1.4;
    /** Longest a caption line may get, as a share of the width, before its font shrinks. */
    private static final double MAX_LINE_SHARE = 0.92;

    private final ImageSize size;
    private final int quietZone;
    private final List<String> caption;

    private SvgRenderer(Builder builder) {
        this.size = builder.size;
        this.quietZone = builder.quietZone;
        this.caption = builder.caption;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Renders the symbol black on white and returns the SVG document (UTF-8 when written to a file). */
    public String render(QrMatrix matrix) {
        int n = matrix.size();
        int width; // in user units
        int unit; // user units per module
        int offset;
        String widthAttr;
        if (size.kind() == ImageSize.Kind.MILLIMETRES) {
            width = n + 2 * quietZone;
            unit = 1;
            offset = quietZone;
            widthAttr = ImageSize.stripZeros(size.millimetres()) + "mm";
        } else {
            PixelLayout layout = PixelLayout.of(matrix, size, quietZone);
            width = layout.width;
            unit = layout.modulePixels;
            offset = layout.offset;
            widthAttr = Integer.toString(width);
        }
        double fontSize = width * FONT_SHARE;
        double height = caption.isEmpty() ? width : width + caption.size() * fontSize * LINE_HEIGHT + fontSize * 0.4;
        String heightAttr = size.kind() == ImageSize.Kind.MILLIMETRES
                ? ImageSize.stripZeros(size.millimetres() * height / width) + "mm"
                : ImageSize.stripZeros(height);

        StringBuilder svg = new StringBuilder(64 + n * n * 3);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(widthAttr)
                .append("\" height=\"").append(heightAttr)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(ImageSize.stripZeros(height)).append("\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n")
                .append("<path fill=\"#000\" shape-rendering=\"crispEdges\" d=\"");
        appendModulePath(svg, matrix, unit, offset);
        svg.append("\"/>\n");
        for (int i = 0; i < caption.size(); i++) {
            String line = caption.get(i);
            double lineFont = Math.min(fontSize, width * MAX_LINE_SHARE / estimatedEms(line));
            double baseline = width + (i + 1) * fontSize * LINE_HEIGHT - fontSize * 0.3;
            svg.append("<text x=\"").append(ImageSize.stripZeros(width / 2.0))
                    .append("\" y=\"").append(ImageSize.stripZeros(baseline))
                    .append("\" font-family=\"").append(CAPTION_FONTS).append("\" font-size=\"").append(ImageSize.stripZeros(lineFont))
                    .append("\" text-anchor=\"middle\" fill=\"#000\">");
            appendEscaped(svg, line);
            svg.append("</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    /** One closed rectangle per horizontal run of dark modules: {@code M x y h w v u h -w z}. */
    private static void appendModulePath(StringBuilder d, QrMatrix matrix, int unit, int offset) {
        int n = matrix.size();
        for (int y = 0; y < n; y++) {
            int x = 0;
            while (x < n) {
                if (!matrix.dark[y * n + x]) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < n && matrix.dark[y * n + x]) {
                    x++;
                }
                int runWidth = (x - start) * unit;
                d.append('M').append(offset + start * unit).append(' ').append(offset + y * unit)
                        .append('h').append(runWidth).append('v').append(unit).append('h').append(-runWidth).append('z');
            }
        }
    }

    /** Rough width of a line in ems: wide (CJK, full-width) characters 1 em, others 0.6 em. */
    private static double estimatedEms(String line) {
        double ems = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            ems += isWide(cp) ? 1.0 : 0.6;
            i += Character.charCount(cp);
        }
        return Math.max(ems, 1);
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000;
    }

    private static void appendEscaped(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '&':
                    out.append("&amp;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                default:
                    out.append(c);
            }
        }
    }

    public static final class Builder {
        private ImageSize size = ImageSize.moduleSize(8);
        private int quietZone = RenderDefaults.QUIET_ZONE;
        private List<String> caption = Collections.emptyList();

        private Builder() {
        }

        /** Image size; 8 pixels per module by default. */
        public Builder size(ImageSize size) {
            this.size = RenderDefaults.checkSize(size);
            return this;
        }

        /** Light margin around the symbol in modules; 4 by default, as ISO/IEC 18004 asks. */
        public Builder quietZone(int modules) {
            this.quietZone = RenderDefaults.checkQuietZone(modules);
            return this;
        }

        /**
         * Lines of text centred under the code, e.g. the window's name and "请扫码评价"; none by default.
         * Each line is one to 40 characters of printable text.
         */
        public Builder caption(String... lines) {
            if (lines == null || lines.length > 4) {
                throw new IllegalArgumentException("caption takes 0 to 4 lines");
            }
            List<String> checked = new ArrayList<>(lines.length);
            for (String line : lines) {
                checked.add(checkCaptionLine(line));
            }
            this.caption = Collections.unmodifiableList(checked);
            return this;
        }

        private static String checkCaptionLine(String line) {
            if (line == null || line.trim().isEmpty() || line.codePointCount(0, line.length()) > 40) {
                throw new IllegalArgumentException("a caption line must be 1 to 40 characters of text");
            }
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                // XML 1.0 forbids most control characters; lone surrogates are not text either.
                if (Character.isISOControl(c) || (Character.isSurrogate(c) && !validSurrogatePair(line, i))) {
                    throw new IllegalArgumentException("a caption line must not contain control characters or broken"
                            + " surrogate pairs (position " + i + ")");
                }
                if (Character.isHighSurrogate(c)) {
                    i++;
                }
            }
            return line;
        }

        private static boolean validSurrogatePair(String s, int i) {
            return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }

        public SvgRenderer build() {
            return new SvgRenderer(this);
        }
    }
}
