package org.haochaping.benchmarks;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.haochaping.qrcode.render.ImageSize;
import org.haochaping.qrcode.render.PngRenderer;
import org.haochaping.qrcode.render.QrEncoder;
import org.haochaping.qrcode.render.QrMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * PNG output of the same symbol at the same size: the SDK's AWT-free writer against what a user would
 * otherwise write, ZXing javase's {@code MatrixToImageWriter} (BufferedImage + ImageIO). "render" starts
 * from the encoded symbol; "encodeAndRender" includes encoding the text (the SDK's encoder also reads
 * each symbol back with ZXing's detector to choose a safe mask).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QrPngBenchmark {

    @Param({"window", "receipt"})
    public String content;

    @Param({"300"})
    public int pixels;

    private String text;
    private QrEncoder encoder;
    private PngRenderer png;
    private QrMatrix matrix;
    private BitMatrix zxingMatrix;
    private Map<EncodeHintType, Object> zxingHints;

    @Setup
    public void setUp() throws WriterException {
        text = QrBenchmarkContent.text(content, QrBenchmarkContent.signer());
        encoder = QrEncoder.builder().build();
        png = PngRenderer.builder().size(ImageSize.pixels(pixels)).build();
        matrix = encoder.encode(text);
        zxingHints = new EnumMap<>(EncodeHintType.class);
        zxingHints.put(EncodeHintType.ERROR_CORRECTION, "M");
        zxingHints.put(EncodeHintType.MARGIN, 4);
        zxingHints.put(EncodeHintType.QR_COMPACT, true);
        zxingMatrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, pixels, pixels, zxingHints);
    }

    @Benchmark
    public byte[] renderSdk() {
        return png.render(matrix);
    }

    @Benchmark
    public byte[] renderZxingImageIo() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MatrixToImageWriter.writeToStream(zxingMatrix, "PNG", out);
        return out.toByteArray();
    }

    @Benchmark
    public byte[] encodeAndRenderSdk() {
        return png.render(encoder.encode(text));
    }

    @Benchmark
    public byte[] encodeAndRenderZxingImageIo() throws IOException, WriterException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MatrixToImageWriter.writeToStream(
                new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, pixels, pixels, zxingHints), "PNG", out);
        return out.toByteArray();
    }
}
