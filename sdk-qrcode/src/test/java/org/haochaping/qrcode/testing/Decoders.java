package org.haochaping.qrcode.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Two independent QR decoders for rendered images: ZXing's Java reader (through ImageIO, test scope only)
 * and zbar's {@code zbarimg} (Debian's zbar-tools, a C implementation reading the file through its own
 * image library). SVG is rasterised with {@code rsvg-convert} (librsvg) first.
 */
public final class Decoders {

    private Decoders() {
    }

    /** Asserts that both decoders read exactly {@code expected} from the PNG, byte for byte in UTF-8. */
    public static void assertPngDecodesTo(byte[] png, String expected) {
        byte[] want = expected.getBytes(StandardCharsets.UTF_8);
        assertThat(zxing(png).getText().getBytes(StandardCharsets.UTF_8)).as("ZXing's reading").isEqualTo(want);
        assertThat(zbar(png)).as("zbarimg's reading").isEqualTo(want);
    }

    /** Rasterises the SVG with rsvg-convert and asserts that both decoders read exactly {@code expected}. */
    public static void assertSvgDecodesTo(String svg, String expected) {
        assertPngDecodesTo(rasterise(svg, 150), expected);
    }

    /** Decodes a PNG with ZXing; fails the test if no QR code is found. */
    public static Result zxing(byte[] png) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(image).as("ImageIO could not read the PNG").isNotNull();
        return zxing(new BufferedImageLuminanceSource(image));
    }

    /** Decodes ARGB pixels (as given to Android's Bitmap) with ZXing. */
    public static Result zxing(int[] argb, int width, int height) {
        return zxing(new RGBLuminanceSource(width, height, argb));
    }

    /**
     * ZXing's camera path (finder-pattern detection) first. Its detector still misses a small share of
     * clean symbols at some scales (a data area that looks like a finder; QrEncoderTest measures that
     * separately), so a miss is retried in ZXing's mode for computer-generated images, which samples the
     * module grid from the image's own geometry: either way the bits come from the rendered pixels.
     */
    private static Result zxing(LuminanceSource source) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
        } catch (NotFoundException e) {
            hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
            try {
                return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
            } catch (ReaderException again) {
                throw new AssertionError("ZXing found no QR code in the image", again);
            }
        } catch (ReaderException e) {
            throw new AssertionError("ZXing could not decode the QR code: " + e, e);
        }
    }

    /** Whether ZXing's camera path (no pure-barcode shortcut) finds and reads exactly {@code text}. */
    public static boolean zxingDetects(byte[] luminance, int width, String text) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        LuminanceSource source = new com.google.zxing.PlanarYUVLuminanceSource(luminance, width, width, 0, 0, width, width, false);
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText().equals(text);
        } catch (ReaderException e) {
            return false;
        }
    }

    /**
     * Decodes a PNG with {@code zbarimg --raw -q -Sbinary}: the symbol's data bytes exactly as encoded
     * (without {@code -Sbinary} zbar re-encodes text it guesses to be in another charset and appends a
     * newline). Reads stdout only: zbarimg prints a harmless D-Bus warning on stderr on this machine.
     */
    public static byte[] zbar(byte[] png) {
        Path file = null;
        try {
            file = Files.createTempFile("hcp-qr-", ".png");
            Files.write(file, png);
            return run(List.of("zbarimg", "--raw", "-q", "-Sbinary", file.toString()), "zbarimg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(file);
        }
    }

    /** Rasterises an SVG with rsvg-convert at the given DPI (used for sizes in mm) and returns the PNG. */
    public static byte[] rasterise(String svg, int dpi) {
        Path in = null;
        Path out = null;
        try {
            in = Files.createTempFile("hcp-qr-", ".svg");
            out = Files.createTempFile("hcp-qr-", ".png");
            Files.write(in, svg.getBytes(StandardCharsets.UTF_8));
            run(List.of("rsvg-convert", "-d", Integer.toString(dpi), "-p", Integer.toString(dpi),
                    "-b", "white", "-o", out.toString(), in.toString()), "rsvg-convert");
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(in);
            deleteQuietly(out);
        }
    }

    private static byte[] run(List<String> command, String tool) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new AssertionError(tool + " is not installed: apt-get install -y zbar-tools librsvg2-bin"
                    + " (.ci/run installs both)", e);
        }
        byte[] stdout;
        try (InputStream in = process.getInputStream()) {
            stdout = in.readAllBytes();
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(tool + " did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + tool, e);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(tool + " failed with exit code " + process.exitValue()
                    + (tool.equals("zbarimg") ? " (4 means: no symbol found)" : ""));
        }
        return stdout;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind does not change the result
            }
        }
    }
}
