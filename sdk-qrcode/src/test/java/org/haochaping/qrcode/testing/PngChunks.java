package org.haochaping.qrcode.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A strict reader of PNG structure for tests, written from the specification (ISO/IEC 15948): the
 * signature, each chunk's length, type and CRC-32 (computed bit by bit here, not with java.util.zip, so
 * it checks the renderer rather than agreeing with it), and the inflated, unfiltered scanlines.
 */
public final class PngChunks {

    public static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    public record Chunk(String type, byte[] data) {
    }

    private PngChunks() {
    }

    /** Parses every chunk, failing on a bad signature, truncation or a CRC mismatch. */
    public static List<Chunk> read(byte[] png) {
        if (png.length < 8 || !Arrays.equals(Arrays.copyOf(png, 8), SIGNATURE)) {
            throw new AssertionError("not a PNG signature");
        }
        ByteBuffer in = ByteBuffer.wrap(png, 8, png.length - 8);
        List<Chunk> chunks = new ArrayList<>();
        while (in.hasRemaining()) {
            if (in.remaining() < 12) {
                throw new AssertionError("truncated chunk header at " + in.position());
            }
            int length = in.getInt();
            int typeStart = in.position();
            byte[] type = new byte[4];
            in.get(type);
            byte[] data = new byte[length];
            in.get(data);
            long stored = in.getInt() & 0xFFFFFFFFL;
            long computed = crc32(png, typeStart, 4 + length);
            String name = new String(type, StandardCharsets.US_ASCII);
            if (stored != computed) {
                throw new AssertionError("CRC mismatch in chunk " + name);
            }
            chunks.add(new Chunk(name, data));
        }
        return chunks;
    }

    /** The unfiltered image rows (without filter bytes) of a greyscale, non-interlaced PNG. */
    public static byte[][] scanlines(byte[] png) {
        List<Chunk> chunks = read(png);
        ByteBuffer ihdr = ByteBuffer.wrap(chunks.get(0).data());
        int width = ihdr.getInt();
        int height = ihdr.getInt();
        int bitDepth = ihdr.get();
        int rowBytes = (width * bitDepth + 7) / 8;
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        for (Chunk c : chunks) {
            if (c.type().equals("IDAT")) {
                compressed.writeBytes(c.data());
            }
        }
        Inflater inflater = new Inflater();
        inflater.setInput(compressed.toByteArray());
        byte[] raw = new byte[height * (rowBytes + 1)];
        try {
            int n = inflater.inflate(raw);
            if (n != raw.length || !inflater.finished()) {
                throw new AssertionError("image data inflates to " + n + " bytes, expected " + raw.length);
            }
        } catch (DataFormatException e) {
            throw new AssertionError("IDAT is not a valid zlib stream", e);
        } finally {
            inflater.end();
        }
        byte[][] rows = new byte[height][rowBytes];
        byte[] previous = new byte[rowBytes];
        for (int y = 0; y < height; y++) {
            int filter = raw[y * (rowBytes + 1)];
            for (int i = 0; i < rowBytes; i++) {
                int x = raw[y * (rowBytes + 1) + 1 + i] & 0xFF;
                switch (filter) {
                    case 0 -> rows[y][i] = (byte) x;
                    case 2 -> rows[y][i] = (byte) (x + (previous[i] & 0xFF));
                    default -> throw new AssertionError("unexpected filter type " + filter + " in row " + y);
                }
            }
            previous = rows[y];
        }
        return rows;
    }

    private static long crc32(byte[] bytes, int offset, int length) {
        long crc = 0xFFFFFFFFL;
        for (int i = offset; i < offset + length; i++) {
            crc ^= bytes[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xEDB88320L : crc >>> 1;
            }
        }
        return crc ^ 0xFFFFFFFFL;
    }
}
