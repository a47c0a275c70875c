package org.haochaping.qrcode.render;

/** Where the modules of a symbol land in a square raster image: whole pixels per module, centred. */
final class PixelLayout {

    /** Image width and height in pixels. */
    final int width;
    /** Pixels per module. */
    final int modulePixels;
    /** Pixels from the left and top edge to the first module. */
    final int offset;

    private PixelLayout(int width, int modulePixels, int offset) {
        this.width = width;
        this.modulePixels = modulePixels;
        this.offset = offset;
    }

    static PixelLayout of(QrMatrix matrix, ImageSize size, int quietZone) {
        int modulesWide = matrix.size() + 2 * quietZone;
        if (size.kind() == ImageSize.Kind.MODULE) {
            int m = size.pixels();
            return new PixelLayout(modulesWide * m, m, quietZone * m);
        }
        int width = size.pixels();
        int m = width / modulesWide;
        if (m < 1) {
            throw new IllegalArgumentException("an image " + width + " px wide cannot hold a version " + matrix.version()
                    + " symbol (" + matrix.size() + " modules) with a quiet zone of " + quietZone
                    + " modules: it needs at least " + modulesWide + " px");
        }
        return new PixelLayout(width, m, (width - matrix.size() * m) / 2);
    }
}
