package org.haochaping.qrcode.render;

import java.util.Arrays;

/**
 * The modules of one encoded QR symbol, without quiet zone. Immutable; what every renderer draws.
 */
public final class QrMatrix {

    private final int size;
    private final int version;
    private final ErrorCorrection errorCorrection;
    /** Row-major, {@code true} for a dark module. Never exposed: renderers in this package read it directly. */
    final boolean[] dark;

    QrMatrix(int size, int version, ErrorCorrection errorCorrection, boolean[] dark) {
        if (dark.length != size * size) {
            throw new IllegalArgumentException("expected " + size * size + " modules, got " + dark.length);
        }
        this.size = size;
        this.version = version;
        this.errorCorrection = errorCorrection;
        this.dark = dark;
    }

    /** Modules per side (21 for version 1, 4 more per version). */
    public int size() {
        return size;
    }

    /** The QR version, 1 to 40. */
    public int version() {
        return version;
    }

    public ErrorCorrection errorCorrection() {
        return errorCorrection;
    }

    /** Whether the module in column {@code x}, row {@code y} (0-based, from the top left) is dark. */
    public boolean isDark(int x, int y) {
        if (x < 0 || y < 0 || x >= size || y >= size) {
            throw new IndexOutOfBoundsException("module (" + x + ", " + y + ") outside a " + size + "x" + size + " symbol");
        }
        return dark[y * size + x];
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof QrMatrix)) {
            return false;
        }
        QrMatrix other = (QrMatrix) o;
        return size == other.size && version == other.version && errorCorrection == other.errorCorrection
                && Arrays.equals(dark, other.dark);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * version + errorCorrection.hashCode()) + Arrays.hashCode(dark);
    }

    @Override
    public String toString() {
        return "QrMatrix{version=" + version + ", errorCorrection=" + errorCorrection + ", size=" + size + "}";
    }
}
