package org.haochaping.cli;

import java.util.concurrent.Callable;
import org.haochaping.qrcode.EvaluationPage;
import org.haochaping.qrcode.InvalidFieldException;
import org.haochaping.qrcode.WindowCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hcp qr static}: a window's static code, the same for the same window every time. */
@Command(
        name = "static",
        mixinStandardHelpOptions = true,
        description = {"Writes a window's static code (静态二维码, Art. 10(二)) and prints its text."})
public final class QrStaticCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--area", required = true, paramLabel = "CODE", description = "6- or 12-digit area code (GB/T 2260).")
    String area;

    @Option(names = "--hall", required = true, paramLabel = "CODE", description = "Hall code.")
    String hall;

    @Option(names = "--window", required = true, paramLabel = "CODE", description = "Window code.")
    String window;

    @Option(names = "--department", paramLabel = "CODE", description = "Department's unified social credit code (optional).")
    String department;

    @Option(names = "--base-url", paramLabel = "URL", defaultValue = EvaluationPage.DEFAULT_URL,
            description = "Evaluation page (default: ${DEFAULT-VALUE}).")
    String baseUrl;

    @Mixin
    QrImageOptions image;

    @Override
    public Integer call() throws Exception {
        String text;
        try {
            text = WindowCode.builder().areaCode(area).hallCode(hall).windowCode(window).departmentCode(department)
                    .build().toText(EvaluationPage.of(baseUrl));
        } catch (InvalidFieldException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        image.write(text);
        spec.commandLine().getOut().println(text);
        return 0;
    }
}
