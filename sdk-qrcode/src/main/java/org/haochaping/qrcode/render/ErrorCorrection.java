package org.haochaping.qrcode.render;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR error correction levels (ISO/IEC 18004): the share of the symbol that may be damaged and still read. */
public enum ErrorCorrection {
    /** About 7% recovery: the smallest symbol, for clean screens. */
    L(ErrorCorrectionLevel.L),
    /** About 15% recovery: the default, for printed receipts and window stickers. */
    M(ErrorCorrectionLevel.M),
    /** About 25% recovery. */
    Q(ErrorCorrectionLevel.Q),
    /** About 30% recovery: for codes that get scratched or partly covered. */
    H(ErrorCorrectionLevel.H);

    private final ErrorCorrectionLevel zxing;

    ErrorCorrection(ErrorCorrectionLevel zxing) {
        this.zxing = zxing;
    }

    ErrorCorrectionLevel zxing() {
        return zxing;
    }
}
