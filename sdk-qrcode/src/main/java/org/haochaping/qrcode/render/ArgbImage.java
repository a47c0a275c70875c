package org.haochaping.qrcode.render;

/**
 * Pixels of a rendered code as 32-bit ARGB ints, row-major from the top left: exactly what Android's
 * {@code Bitmap.createBitmap(pixels, width, height, Bitmap.Config.ARGB_8888)} takes.
 *
 * <p>Each render returns a new image; {@link #pixels()} hands out that image's own array without copying,
 * because these images are large and meant to be passed straight on.
 */
public final class ArgbImage {

    private final int width;
    private final int height;
    private final int[] pixels;

    ArgbImage(int width, int height, int[] pixels) {
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The ARGB value of one pixel. */
    public int pixel(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            throw new IndexOutOfBoundsException("pixel (" + x + ", " + y + ") outside " + width + "x" + height);
        }
        return pixels[y * width + x];
    }

    /** The pixel array itself (length {@code width * height}), not a copy. */
    public int[] pixels() {
        return pixels;
    }

    @Override
    public String toString() {
        return "ArgbImage{" + width + "x" + height + "}";
    }
}
