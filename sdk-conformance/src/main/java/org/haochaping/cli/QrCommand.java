package org.haochaping.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hcp qr}: the QR codes of Art. 10(二) — static window codes and signed receipt codes. */
@Command(
        name = "qr",
        mixinStandardHelpOptions = true,
        description = "Static window codes and signed, expiring receipt codes (Art. 10(二)).",
        subcommands = {QrStaticCommand.class, QrDynamicCommand.class, QrVerifyCommand.class})
public final class QrCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
