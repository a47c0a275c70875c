package org.haochaping.android;

import android.graphics.Bitmap;
import org.haochaping.qrcode.render.ArgbImage;

/**
 * Turns ARGB pixels, as the QR module's ARGB renderer produces them, into an Android {@link Bitmap} for an
 * {@code ImageView} on a hall tablet or self-service terminal (Art. 10 (一)-(三)).
 *
 * <p>Uses only {@code Bitmap.createBitmap(int[], int, int, Bitmap.Config)}, which every Android version has,
 * so the helper runs on the SDK's floor of Android 8.0 (API 26) and above.
 */
public final class ArgbBitmaps {

    private ArgbBitmaps() {
    }

    /**
     * Builds an immutable {@link Bitmap.Config#ARGB_8888} bitmap.
     *
     * @param argb   one {@code 0xAARRGGBB} colour per pixel, row by row from the top-left corner; exactly
     *               {@code width × height} of them. Android copies them, so the array may be reused afterwards.
     * @param width  pixels per row, at least 1
     * @param height rows, at least 1
     * @return the bitmap
     * @throws NullPointerException     if {@code argb} is null
     * @throws IllegalArgumentException if {@code width} or {@code height} is not positive, or the number of
     *                                  pixels is not {@code width × height}
     */
    /** The bitmap of an image from the QR module's {@code ArgbRenderer}. */
    public static Bitmap from(ArgbImage image) {
        if (image == null) {
            throw new NullPointerException("image must not be null");
        }
        return fromArgb(image.pixels(), image.width(), image.height());
    }

    public static Bitmap fromArgb(int[] argb, int width, int height) {
        if (argb == null) {
            throw new NullPointerException("argb must not be null");
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least 1, was " + width);
        }
        if (height < 1) {
            throw new IllegalArgumentException("height must be at least 1, was " + height);
        }
        // long: width × height of two valid ints can overflow an int and wrap around to argb.length.
        long expected = (long) width * height;
        if (argb.length != expected) {
            throw new IllegalArgumentException("argb must hold width × height = " + width + " × " + height
                    + " = " + expected + " pixels, has " + argb.length);
        }
        return Bitmap.createBitmap(argb, width, height, Bitmap.Config.ARGB_8888);
    }
}
