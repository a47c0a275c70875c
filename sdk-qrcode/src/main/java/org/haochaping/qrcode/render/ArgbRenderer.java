package org.haochaping.qrcode.render;

import java.util.Arrays;

/**
 * Renders a {@link QrMatrix} into ARGB pixels for Android's {@code Bitmap} or any other raster API.
 * Immutable and thread-safe.
 */
public final class ArgbRenderer {

    private final ImageSize size;
    private final int quietZone;
    private final int dark;
    private final int light;

    private ArgbRenderer(Builder builder) {
        this.size = builder.size;
        this.quietZone = builder.quietZone;
        this.dark = builder.dark;
        this.light = builder.light;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ArgbImage render(QrMatrix matrix) {
        PixelLayout layout = PixelLayout.of(matrix, size, quietZone);
        int width = layout.width;
        int[] pixels = new int[width * width];
        Arrays.fill(pixels, light);
        int n = matrix.size();
        int m = layout.modulePixels;
        for (int my = 0; my < n; my++) {
            int top = (layout.offset + my * m) * width;
            for (int mx = 0; mx < n; mx++) {
                if (matrix.dark[my * n + mx]) {
                    int left = top + layout.offset + mx * m;
                    Arrays.fill(pixels, left, left + m, dark);
                }
            }
            // The other pixel rows of this module row are copies of its first.
            for (int dy = 1; dy < m; dy++) {
                System.arraycopy(pixels, top, pixels, top + dy * width, width);
            }
        }
        return new ArgbImage(width, width, pixels);
    }

    public static final class Builder {
        private ImageSize size = ImageSize.moduleSize(8);
        private int quietZone = RenderDefaults.QUIET_ZONE;
        private int dark = 0xFF000000;
        private int light = 0xFFFFFFFF;

        private Builder() {
        }

        /** Image size; 8 pixels per module by default. A DPI in the size is ignored: pixels carry none. */
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
         * Colours as ARGB ints; opaque black on opaque white by default. Scanners need dark modules on a
         * light ground with strong contrast, so keep it that way round.
         */
        public Builder colors(int dark, int light) {
            this.dark = dark;
            this.light = light;
            return this;
        }

        public ArgbRenderer build() {
            return new ArgbRenderer(this);
        }
    }
}
