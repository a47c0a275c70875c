package org.haochaping.qrcode.render;

/** Defaults and argument checks the renderers share. */
final class RenderDefaults {

    /** ISO/IEC 18004 asks for four light modules around the symbol. */
    static final int QUIET_ZONE = 4;

    private RenderDefaults() {
    }

    static int checkQuietZone(int modules) {
        if (modules < 0 || modules > 40) {
            throw new IllegalArgumentException("quiet zone must be 0 to 40 modules, got " + modules);
        }
        return modules;
    }

    static ImageSize checkSize(ImageSize size) {
        if (size == null) {
            throw new IllegalArgumentException("size must not be null");
        }
        return size;
    }
}
