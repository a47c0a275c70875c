package org.haochaping.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hcp} command line. Exit codes: 0 success, 1 a check failed (invalid payload, bad
 * signature, ...), 2 usage error or unreadable input.
 */
@Command(
        name = "hcp",
        mixinStandardHelpOptions = true,
        versionProvider = Hcp.Version.class,
        description = "政务服务\"好差评\" SDK command line: validate payloads, sign, render QR codes, run the conformance kit.",
        subcommands = {
            CommandLine.HelpCommand.class,
            QrCommand.class,
        })
public final class Hcp {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests and embedding). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Hcp());
        cli.setExitCodeExceptionMapper(t -> 2);
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Hcp.class.getPackage().getImplementationVersion();
            return new String[] {"hcp " + (v == null ? "(development build)" : v)};
        }
    }
}
