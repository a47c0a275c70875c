package org.haochaping.qrcode.render;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a {@link QrMatrix} as a greyscale PNG (ISO/IEC 15948) without AWT or ImageIO, so it runs on
 * Android and headless servers alike. Immutable and thread-safe.
 *
 * <p>Why it is fast: every module row is packed once and repeated; a pixel row equal to the one above is
 * written with the PNG "Up" filter, which turns it into zeros that deflate almost for free. The file has
 * {@code IHDR}, an optional {@code pHYs} (the DPI, so print dialogs keep the intended size), one
 * {@code IDAT} and {@code IEND}.
 */
public final class PngRenderer {

    /** Bits per pixel of the greyscale image. */
    public enum BitDepth {
        /** 1 bit per pixel: the smallest file; every PNG reader supports it. */
        ONE(1),
        /** 8 bits per pixel: for tools that mishandle 1-bit images. */
        EIGHT(8);

        final int bits;

        BitDepth(int bits) {
            this.bits = bits;
        }
    }

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int COLOR_TYPE_GREYSCALE = 0;
    private static final byte FILTER_NONE = 0;
    private static final byte FILTER_UP = 2;
    private static final double METRES_PER_INCH = 0.0254;

    private final ImageSize size;
    private final int quietZone;
    private final BitDepth bitDepth;

    private PngRenderer(Builder builder) {
        this.size = builder.size;
        this.quietZone = builder.quietZone;
        this.bitDepth = builder.bitDepth;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Renders the symbol black on white and returns the complete PNG file. */
    public byte[] render(QrMatrix matrix) {
        PixelLayout layout = PixelLayout.of(matrix, size, quietZone);
        byte[] idat = deflate(scanlines(matrix, layout));
        boolean phys = size.dpi() > 0;
        int length = SIGNATURE.length + (12 + 13) + (phys ? 12 + 9 : 0) + (12 + idat.length) + 12;
        byte[] png = new byte[length];
        System.arraycopy(SIGNATURE, 0, png, 0, SIGNATURE.length);
        int at = SIGNATURE.length;

        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, layout.width);
        putInt(ihdr, 4, layout.width);
        ihdr[8] = (byte) bitDepth.bits;
        ihdr[9] = COLOR_TYPE_GREYSCALE;
        // bytes 10-12: compression 0 (deflate), filter method 0 (adaptive), interlace 0 (none)
        at = chunk(png, at, "IHDR", ihdr, ihdr.length);
        if (phys) {
            byte[] data = new byte[9];
            int perMetre = (int) Math.round(size.dpi() / METRES_PER_INCH);
            putInt(data, 0, perMetre);
            putInt(data, 4, perMetre);
            data[8] = 1; // unit: metre
            at = chunk(png, at, "pHYs", data, data.length);
        }
        at = chunk(png, at, "IDAT", idat, idat.length);
        chunk(png, at, "IEND", idat, 0);
        return png;
    }

    /** The filtered image data: one filter byte and the packed pixels per row. */
    private byte[] scanlines(QrMatrix matrix, PixelLayout layout) {
        int width = layout.width;
        int rowBytes = bitDepth == BitDepth.ONE ? (width + 7) / 8 : width;
        int stride = rowBytes + 1;
        byte[] out = new byte[stride * width]; // zero-filled: an "Up" row needs only its filter byte

        byte[] light = new byte[rowBytes];
        Arrays.fill(light, (byte) 0xFF); // 0xFF is white in both depths
        byte[] row = new byte[rowBytes];
        int n = matrix.size();
        int m = layout.modulePixels;
        int codeTop = layout.offset;
        int codeBottom = layout.offset + n * m;

        int previousPattern = Integer.MIN_VALUE;
        for (int y = 0; y < width; y++) {
            int pattern = y < codeTop || y >= codeBottom ? -1 : (y - codeTop) / m;
            int pos = y * stride;
            if (pattern == previousPattern) {
                out[pos] = FILTER_UP;
                continue;
            }
            out[pos] = FILTER_NONE;
            if (pattern < 0) {
                System.arraycopy(light, 0, out, pos + 1, rowBytes);
            } else {
                System.arraycopy(light, 0, row, 0, rowBytes);
                paintDarkRuns(matrix.dark, pattern * n, n, layout, row);
                System.arraycopy(row, 0, out, pos + 1, rowBytes);
            }
            previousPattern = pattern;
        }
        return out;
    }

    private void paintDarkRuns(boolean[] dark, int rowStart, int n, PixelLayout layout, byte[] row) {
        int m = layout.modulePixels;
        int x = 0;
        while (x < n) {
            if (!dark[rowStart + x]) {
                x++;
                continue;
            }
            int runStart = x;
            while (x < n && dark[rowStart + x]) {
                x++;
            }
            int from = layout.offset + runStart * m;
            int to = layout.offset + x * m;
            if (bitDepth == BitDepth.EIGHT) {
                Arrays.fill(row, from, to, (byte) 0);
            } else {
                clearBits(row, from, to);
            }
        }
    }

    /** Clears pixels [from, to) of a 1-bit row (most significant bit first; 0 is black). */
    private static void clearBits(byte[] row, int from, int to) {
        int firstByte = from >>> 3;
        int lastByte = (to - 1) >>> 3;
        int headMask = 0xFF >>> (from & 7);
        int tailMask = 0xFF << (7 - ((to - 1) & 7)) & 0xFF;
        if (firstByte == lastByte) {
            row[firstByte] &= (byte) ~(headMask & tailMask);
            return;
        }
        row[firstByte] &= (byte) ~headMask;
        if (lastByte > firstByte + 1) {
            Arrays.fill(row, firstByte + 1, lastByte, (byte) 0);
        }
        row[lastByte] &= (byte) ~tailMask;
    }

    private static byte[] deflate(byte[] raw) {
        // zlib's worst case is a few bytes per 16 KiB more than the input; grow if ever exceeded.
        byte[] out = new byte[raw.length + (raw.length >>> 12) + (raw.length >>> 14) + 64];
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            int length = 0;
            while (!deflater.finished()) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                length += deflater.deflate(out, length, out.length - length);
            }
            return Arrays.copyOf(out, length);
        } finally {
            deflater.end();
        }
    }

    private static int chunk(byte[] png, int at, String type, byte[] data, int length) {
        putInt(png, at, length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(typeBytes, 0, png, at + 4, 4);
        System.arraycopy(data, 0, png, at + 8, length);
        CRC32 crc = new CRC32();
        crc.update(png, at + 4, 4 + length); // the CRC covers type and data, not the length
        putInt(png, at + 8 + length, (int) crc.getValue());
        return at + 12 + length;
    }

    private static void putInt(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }

    public static final class Builder {
        private ImageSize size = ImageSize.moduleSize(8);
        private int quietZone = RenderDefaults.QUIET_ZONE;
        private BitDepth bitDepth = BitDepth.ONE;

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

        /** 1-bit (default) or 8-bit greyscale. */
        public Builder bitDepth(BitDepth bitDepth) {
            if (bitDepth == null) {
                throw new IllegalArgumentException("bitDepth must not be null");
            }
            this.bitDepth = bitDepth;
            return this;
        }

        public PngRenderer build() {
            return new PngRenderer(this);
        }
    }
}
