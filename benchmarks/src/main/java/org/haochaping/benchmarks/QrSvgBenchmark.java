package org.haochaping.benchmarks;

import java.util.concurrent.TimeUnit;
import org.haochaping.qrcode.render.ArgbImage;
import org.haochaping.qrcode.render.ArgbRenderer;
import org.haochaping.qrcode.render.ImageSize;
import org.haochaping.qrcode.render.QrEncoder;
import org.haochaping.qrcode.render.QrMatrix;
import org.haochaping.qrcode.render.SvgRenderer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** SVG (with a caption) and ARGB pixel output of an encoded symbol; ZXing has no SVG writer to compare with. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QrSvgBenchmark {

    @Param({"window", "receipt"})
    public String content;

    private QrMatrix matrix;
    private SvgRenderer svg;
    private ArgbRenderer argb;

    @Setup
    public void setUp() {
        matrix = QrEncoder.builder().build().encode(QrBenchmarkContent.text(content, QrBenchmarkContent.signer()));
        svg = SvgRenderer.builder().size(ImageSize.millimetres(30, 300)).caption("综合受理窗口 A12", "请扫码评价").build();
        argb = ArgbRenderer.builder().size(ImageSize.pixels(300)).build();
    }

    @Benchmark
    public String renderSvg() {
        return svg.render(matrix);
    }

    @Benchmark
    public ArgbImage renderArgb() {
        return argb.render(matrix);
    }
}
