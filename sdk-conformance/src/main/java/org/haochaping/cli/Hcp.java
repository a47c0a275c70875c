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
        description = "政务服务\"好差评\" SDK command line: validate payloads, sign, render QR codes, run the conformance kit and the simulated platform.",
        subcommands = {
            CommandLine.HelpCommand.class,
            DemoCommand.class,
            ValidateCommand.class,
            SendCommand.class,
            DeadlineCommand.class,
            DoctorCommand.class,
            RemindCommand.class,
            ScorecardCommand.class,
            KeygenCommand.class,
            SignCommand.class,
            VerifyCommand.class,
            QrCommand.class,
            SimulateCommand.class,
            ConformanceCommand.class,
        })
public final class Hcp {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests and embedding). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line: exit code 2 and a one-line message for unexpected errors. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Hcp());
        cli.setExitCodeExceptionMapper(t -> 2);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("hcp: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
            if (System.getenv("HCP_DEBUG") != null) {
                ex.printStackTrace(commandLine.getErr());
            }
            return 2;
        });
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Hcp.class.getPackage().getImplementationVersion();
            return new String[] {"hcp " + (v == null ? "(development build)" : v)};
        }
    }
}
