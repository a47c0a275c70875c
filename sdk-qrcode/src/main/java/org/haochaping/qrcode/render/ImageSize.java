package org.haochaping.qrcode.render;

import java.util.Locale;

/**
 * How large to draw a code: a whole number of pixels per module, a total width in pixels, or a printed
 * width in millimetres at a print resolution. Images are square (an SVG caption adds height below).
 * Immutable.
 *
 * <p>Modules are always drawn a whole number of pixels wide, so edges stay sharp for scanners; when a
 * total width is asked for, the pixels left over widen the quiet zone.
 */
public final class ImageSize {

    private static final double MM_PER_INCH = 25.4;

    enum Kind { MODULE, PIXELS, MILLIMETRES }

    private final Kind kind;
    private final int pixels;
    private final double millimetres;
    private final int dpi;

    private ImageSize(Kind kind, int pixels, double millimetres, int dpi) {
        this.kind = kind;
        this.pixels = pixels;
        this.millimetres = millimetres;
        this.dpi = dpi;
    }

    /** Each module exactly {@code pixelsPerModule} pixels wide; the image grows with the QR version. */
    public static ImageSize moduleSize(int pixelsPerModule) {
        if (pixelsPerModule < 1 || pixelsPerModule > 100) {
            throw new IllegalArgumentException("pixels per module must be 1 to 100, got " + pixelsPerModule);
        }
        return new ImageSize(Kind.MODULE, pixelsPerModule, 0, 0);
    }

    /** An image exactly {@code width} pixels wide and high, quiet zone included. */
    public static ImageSize pixels(int width) {
        if (width < 21 || width > 20_000) {
            throw new IllegalArgumentException("image width must be 21 to 20000 pixels, got " + width);
        }
        return new ImageSize(Kind.PIXELS, width, 0, 0);
    }

    /**
     * A printed width in millimetres, quiet zone included, at {@code dpi} dots per inch. Raster images get
     * {@code round(mm / 25.4 * dpi)} pixels and carry the resolution (PNG {@code pHYs}); SVG gets the width
     * in {@code mm} and stays vector.
     */
    public static ImageSize millimetres(double width, int dpi) {
        if (!(width >= 5 && width <= 1000)) {
            throw new IllegalArgumentException("printed width must be 5 to 1000 mm, got " + width);
        }
        checkDpi(dpi);
        ImageSize size = new ImageSize(Kind.MILLIMETRES, (int) Math.round(width / MM_PER_INCH * dpi), width, dpi);
        if (size.pixels < 21) {
            throw new IllegalArgumentException(width + " mm at " + dpi + " dpi is only " + size.pixels + " pixels");
        }
        return size;
    }

    /**
     * The same size with a print resolution recorded in raster output (PNG {@code pHYs}), for images
     * sized in pixels or modules. For a size in millimetres, the pixel width is recomputed at the new DPI.
     */
    public ImageSize atDpi(int dpi) {
        checkDpi(dpi);
        return kind == Kind.MILLIMETRES ? millimetres(millimetres, dpi) : new ImageSize(kind, pixels, 0, dpi);
    }

    /** The print resolution in dots per inch, or 0 if none was given. */
    public int dpi() {
        return dpi;
    }

    Kind kind() {
        return kind;
    }

    /** Pixels per module ({@link Kind#MODULE}) or total pixel width (the other kinds). */
    int pixels() {
        return pixels;
    }

    /** The printed width ({@link Kind#MILLIMETRES} only). */
    double millimetres() {
        return millimetres;
    }

    /** A number for SVG and messages: at most three decimals, no trailing zeros. */
    static String stripZeros(double value) {
        String s = String.format(Locale.ROOT, "%.3f", value);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static void checkDpi(int dpi) {
        if (dpi < 36 || dpi > 4800) {
            throw new IllegalArgumentException("dpi must be 36 to 4800, got " + dpi);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ImageSize)) {
            return false;
        }
        ImageSize other = (ImageSize) o;
        return kind == other.kind && pixels == other.pixels && Double.compare(millimetres, other.millimetres) == 0
                && dpi == other.dpi;
    }

    @Override
    public int hashCode() {
        return ((kind.hashCode() * 31 + pixels) * 31 + Double.hashCode(millimetres)) * 31 + dpi;
    }

    @Override
    public String toString() {
        switch (kind) {
            case MODULE:
                return "ImageSize{" + pixels + " px per module" + (dpi > 0 ? ", " + dpi + " dpi" : "") + "}";
            case PIXELS:
                return "ImageSize{" + pixels + " px" + (dpi > 0 ? ", " + dpi + " dpi" : "") + "}";
            default:
                return "ImageSize{" + stripZeros(millimetres) + " mm at " + dpi + " dpi = " + pixels + " px}";
        }
    }
}
