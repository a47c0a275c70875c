package org.haochaping.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.haochaping.qrcode.EvaluationPage;
import org.haochaping.qrcode.WindowCode;
import org.haochaping.qrcode.render.ImageSize;
import org.haochaping.qrcode.render.PngRenderer;
import org.haochaping.qrcode.render.QrEncoder;
import org.haochaping.qrcode.render.QrMatrix;
import org.haochaping.qrcode.render.SvgRenderer;

/**
 * User story 4: the hall office prints a static QR code (静态二维码, Art. 10(二)) for every window, to stand on
 * the counter: scanning it opens the evaluation page for that window. One PNG at print size (40 mm at 300 dpi,
 * the resolution stored in the file so the printer keeps the size) and one SVG with a caption for the sign maker.
 */
public final class HallWindowCodes {

    public static void main(String[] args) throws Exception {
        Path folder = LocalPlatform.outputFolder();
        String[] windows = {"A11", "A12", "B01"};

        // Build the encoder and renderers once: immutable and thread-safe.
        QrEncoder encoder = QrEncoder.builder().build(); // error correction M, enough for a clean printed code
        PngRenderer png = PngRenderer.builder().size(ImageSize.millimetres(40, 300)).build();

        for (String window : windows) {
            // The code names where the service happened: district (area), hall, window; never a person.
            WindowCode code = WindowCode.builder().areaCode("120000").hallCode("TJZWFW-01").windowCode(window)
                    .build();
            String text = code.toText(EvaluationPage.DEFAULT); // the URL of the province's evaluation page
            QrMatrix matrix = encoder.encode(text);

            Path pngFile = folder.resolve("window-" + window + ".png");
            Files.write(pngFile, png.render(matrix));

            SvgRenderer svg = SvgRenderer.builder().size(ImageSize.millimetres(60, 300))
                    .caption(window + " 窗口", "请扫码评价 · 好差评").build();
            Path svgFile = folder.resolve("window-" + window + ".svg");
            Files.write(svgFile, svg.render(matrix).getBytes(StandardCharsets.UTF_8));

            System.out.println("window " + window + ": " + text);
            System.out.println("  QR version " + matrix.version() + ", " + pngFile + " ("
                    + Files.size(pngFile) + " bytes), " + svgFile);
        }

        // The evaluation page reads a scanned code back; a mistyped or foreign code is refused with a clear reason.
        WindowCode scanned = WindowCode.parse(WindowCode.builder().areaCode("120000").hallCode("TJZWFW-01")
                .windowCode("A12").build().toText(EvaluationPage.DEFAULT));
        System.out.println("scanned back: hall " + scanned.hallCode() + ", window " + scanned.windowCode());
    }
}
