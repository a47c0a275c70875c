package org.haochaping.qrcode.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.EncodeHintType;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.haochaping.qrcode.testing.Decoders;
import org.junit.jupiter.api.Test;

/**
 * The encoder's read-back mask choice against ZXing's camera-path detector, on receipt-shaped content
 * (a URL and about 400 digits, QR version 10), each symbol read at module sizes 2 to 7 pixels with
 * TRY_HARDER (the encoder itself reads back at 2 to 6 without it).
 */
class ReadBackTest {

    private static final int SAMPLES = 100;

    @Test
    void encoderAvoidsMasksThatHideTheSymbolFromTheDetector() throws Exception {
        Random random = new Random(20251103);
        int missedWithPenaltyMask = 0;
        int missedWithOurMask = 0;
        QrEncoder encoder = QrEncoder.builder().build();
        for (int i = 0; i < SAMPLES; i++) {
            String text = receiptShaped(random);
            QRCode zxingChoice = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.QR_COMPACT, true));
            if (!detectedAtAllScales(toArray(zxingChoice.getMatrix()), zxingChoice.getMatrix().getWidth(), text)) {
                missedWithPenaltyMask++;
            }
            QrMatrix ours = encoder.encode(text);
            if (!detectedAtAllScales(ours.dark, ours.size(), text)) {
                missedWithOurMask++;
            }
        }
        // The problem is real with the lowest-penalty mask alone ...
        assertThat(missedWithPenaltyMask).isGreaterThanOrEqualTo(4);
        // ... and the read-back mask choice removes it, also at a size it does not check.
        assertThat(missedWithOurMask).isZero();
    }

    /**
     * A receipt code's text: the default page, then a payload laid out as in version 1 (fixed header and
     * case fields, random nonce and signature) written 7 bytes to 17 digits.
     */
    private static String receiptShaped(Random random) {
        byte[] fixed = ("\u0001\u0003hcp12345\u0008mca-2025\u002455RLL247YJTIO0JJWNTVTS0/_Q_PRL//PXYB"
                + "\u0006A5U0PM\u00019\u000885574330").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] payload = new byte[fixed.length + 8 + 1 + 72];
        System.arraycopy(fixed, 0, payload, 0, fixed.length);
        byte[] randomPart = new byte[8 + 1 + 72];
        random.nextBytes(randomPart);
        randomPart[8] = 72;
        System.arraycopy(randomPart, 0, payload, fixed.length, randomPart.length);
        StringBuilder text = new StringBuilder("https://zwfw.tj.gov.cn/hcp/e?r=");
        for (int at = 0; at < payload.length; at += 7) {
            int k = Math.min(7, payload.length - at);
            long value = 0;
            for (int i = 0; i < k; i++) {
                value = value << 8 | (payload[at + i] & 0xFF);
            }
            int digits = new int[] {0, 3, 5, 8, 10, 13, 15, 17}[k];
            text.append(String.format("%0" + digits + "d", value));
        }
        return text.toString();
    }

    private static boolean detectedAtAllScales(boolean[] dark, int n, String text) {
        for (int scale = 2; scale <= 7; scale++) {
            int width = (n + 8) * scale;
            byte[] luminance = new byte[width * width];
            Arrays.fill(luminance, (byte) 0xFF);
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    if (dark[y * n + x]) {
                        for (int dy = 0; dy < scale; dy++) {
                            int row = ((y + 4) * scale + dy) * width;
                            Arrays.fill(luminance, row + (x + 4) * scale, row + (x + 5) * scale, (byte) 0);
                        }
                    }
                }
            }
            if (!Decoders.zxingDetects(luminance, width, text)) {
                return false;
            }
        }
        return true;
    }

    private static boolean[] toArray(ByteMatrix matrix) {
        int n = matrix.getWidth();
        boolean[] dark = new boolean[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                dark[y * n + x] = matrix.get(x, y) == 1;
            }
        }
        return dark;
    }
}
