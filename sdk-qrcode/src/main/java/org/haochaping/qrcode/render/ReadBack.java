package org.haochaping.qrcode.render;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Arrays;

/**
 * Reads a freshly encoded symbol back with ZXing's camera-path reader (finder-pattern detection, no
 * shortcuts for clean images) at several module sizes. A data area that happens to look like a fourth
 * finder pattern makes detectors miss a symbol at some scales however cleanly it is printed; another mask
 * changes the data modules and removes the lookalike.
 */
final class ReadBack {

    /** Module sizes in pixels to read at: small prints and screens up to a comfortable phone distance. */
    private static final int[] SCALES = {2, 3, 4, 5, 6};
    private static final int QUIET_ZONE = 4;

    private ReadBack() {
    }

    /** Whether the symbol reads back as exactly {@code text} at every scale. */
    static boolean readable(boolean[] dark, int n, String text) {
        for (int scale : SCALES) {
            if (!readableAt(dark, n, text, scale)) {
                return false;
            }
        }
        return true;
    }

    private static boolean readableAt(boolean[] dark, int n, String text, int scale) {
        int width = (n + 2 * QUIET_ZONE) * scale;
        byte[] luminance = new byte[width * width];
        Arrays.fill(luminance, (byte) 0xFF);
        for (int y = 0; y < n; y++) {
            int top = (y + QUIET_ZONE) * scale * width;
            for (int x = 0; x < n; x++) {
                if (dark[y * n + x]) {
                    int left = top + (x + QUIET_ZONE) * scale;
                    Arrays.fill(luminance, left, left + scale, (byte) 0);
                }
            }
            for (int dy = 1; dy < scale; dy++) {
                System.arraycopy(luminance, top, luminance, top + dy * width, width);
            }
        }
        PlanarYUVLuminanceSource source =
                new PlanarYUVLuminanceSource(luminance, width, width, 0, 0, width, width, false);
        try {
            Result result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
            return text.equals(result.getText());
        } catch (ReaderException e) {
            return false;
        }
    }
}
