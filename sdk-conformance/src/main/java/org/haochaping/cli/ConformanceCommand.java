package org.haochaping.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hcp conformance}: the conformance kit's runs: the language-neutral vectors, the client session, the server checks. */
@Command(
        name = "conformance",
        mixinStandardHelpOptions = true,
        description = "Run the conformance kit: the language-neutral test vectors against the SDK, play the central "
                + "platform for a client system, or check a central platform's answers.",
        subcommands = {ConformanceVectorsCommand.class, ConformanceClientCommand.class, ConformanceServerCommand.class})
public final class ConformanceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
