package org.haochaping.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.haochaping.qrcode.render.ImageSize;
import org.haochaping.qrcode.render.PngRenderer;
import org.haochaping.qrcode.render.QrEncoder;
import org.haochaping.qrcode.render.QrMatrix;
import org.haochaping.qrcode.render.SvgRenderer;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Where and how {@code hcp qr static} and {@code hcp qr dynamic} write the image. */
final class QrImageOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE.png|FILE.svg",
            description = "Image to write; the extension picks PNG or SVG.")
    Path out;

    @Option(names = "--size", paramLabel = "PX", defaultValue = "300",
            description = "Image width and height in pixels, quiet zone included (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--caption", paramLabel = "TEXT",
            description = "A line of text under the code, e.g. the window's name or 请扫码评价 (SVG only; repeatable).")
    List<String> caption = new ArrayList<>();

    /** Encodes the text and writes the image, or throws a usage error naming the option at fault. */
    void write(String text) throws IOException {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean svg = name.endsWith(".svg");
        if (!svg && !name.endsWith(".png")) {
            throw new ParameterException(spec.commandLine(), "--out must end in .png or .svg: " + out);
        }
        if (!svg && !caption.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--caption needs an SVG --out: PNG output has no text");
        }
        byte[] image;
        try {
            ImageSize imageSize = ImageSize.pixels(size);
            QrMatrix matrix = QrEncoder.builder().build().encode(text);
            image = svg
                    ? SvgRenderer.builder().size(imageSize).caption(caption.toArray(new String[0])).build()
                            .render(matrix).getBytes(StandardCharsets.UTF_8)
                    : PngRenderer.builder().size(imageSize).build().render(matrix);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, null);
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(out, image);
    }
}
