package org.haochaping.qrcode.render;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Encodes text into a {@link QrMatrix} with ZXing {@code core}. Immutable and thread-safe.
 *
 * <p>Pure ASCII is split into the smallest mix of numeric, alphanumeric and byte segments (ZXing's
 * {@code QR_COMPACT}), so a URL followed by a long run of digits — the receipt code's shape — takes
 * 3.3 bits per digit instead of 8; it carries no ECI header, which every scanner reads. Any other text is
 * written as one byte segment of UTF-8 behind ECI 26 (UTF-8), so Chinese reaches the phone byte for
 * byte. Not compacted: ZXing's compaction would put Chinese characters that also exist in Shift_JIS into
 * Kanji-mode segments, which zbar and others fail to read, and it fails on characters outside the BMP.
 *
 * <p>Read-back: ZXing picks the mask with the lowest ISO/IEC 18004 penalty, but with some data that mask
 * leaves a pattern that looks like a fourth finder, and camera decoders then miss the symbol at some
 * scales (a few percent of receipt codes with ZXing's own detector). Every symbol is therefore read back
 * with ZXing's camera-path reader at 2 to 6 pixels per module; if that fails, the encoder takes the first
 * other mask, 0 to 7, that reads back at every size. Reading back costs a few milliseconds per symbol.
 */
public final class QrEncoder {

    private final ErrorCorrection errorCorrection;

    private QrEncoder(Builder builder) {
        this.errorCorrection = builder.errorCorrection;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Encodes the text in the smallest version that holds it at this encoder's error correction level.
     *
     * @throws IllegalArgumentException if the text is empty or too long for a version 40 symbol
     */
    public QrMatrix encode(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("QR content must not be empty");
        }
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        if (isAscii(text)) {
            hints.put(EncodeHintType.QR_COMPACT, Boolean.TRUE);
        } else {
            // The charset hint makes ZXing write the ECI designator for UTF-8 before the byte segment.
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        QRCode code = encode(text, hints);
        boolean[] dark = modules(code);
        int size = code.getMatrix().getWidth();
        if (!ReadBack.readable(dark, size, text)) {
            // Keep ZXing's choice if no mask reads back at every size: it is still a valid symbol.
            for (int mask = 0; mask < QRCode.NUM_MASK_PATTERNS; mask++) {
                if (mask == code.getMaskPattern()) {
                    continue;
                }
                hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
                QRCode candidate = encode(text, hints);
                boolean[] candidateDark = modules(candidate);
                if (ReadBack.readable(candidateDark, size, text)) {
                    code = candidate;
                    dark = candidateDark;
                    break;
                }
            }
        }
        return new QrMatrix(size, code.getVersion().getVersionNumber(), errorCorrection, dark);
    }

    private QRCode encode(String text, Map<EncodeHintType, Object> hints) {
        try {
            return Encoder.encode(text, errorCorrection.zxing(), hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("content of " + text.length() + " characters does not fit a QR code at"
                    + " error correction " + errorCorrection + ": " + e.getMessage(), e);
        }
    }

    private static boolean[] modules(QRCode code) {
        ByteMatrix matrix = code.getMatrix();
        int size = matrix.getWidth();
        boolean[] dark = new boolean[size * size];
        byte[][] rows = matrix.getArray();
        for (int y = 0; y < size; y++) {
            byte[] row = rows[y];
            for (int x = 0; x < size; x++) {
                dark[y * size + x] = row[x] == 1;
            }
        }
        return dark;
    }

    public ErrorCorrection errorCorrection() {
        return errorCorrection;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    public static final class Builder {
        private ErrorCorrection errorCorrection = ErrorCorrection.M;

        private Builder() {
        }

        /** Error correction level; {@link ErrorCorrection#M} by default. */
        public Builder errorCorrection(ErrorCorrection errorCorrection) {
            if (errorCorrection == null) {
                throw new IllegalArgumentException("errorCorrection must not be null");
            }
            this.errorCorrection = errorCorrection;
            return this;
        }

        public QrEncoder build() {
            return new QrEncoder(this);
        }
    }
}
