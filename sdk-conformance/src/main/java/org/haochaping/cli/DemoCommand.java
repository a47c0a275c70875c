package org.haochaping.cli;

import org.haochaping.conformance.demo.HallDay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code hcp demo}: the main job. A day at a service hall against an embedded simulated central platform, through
 * the SDK's client, outbox, QR codes, work orders and scorecard ({@link HallDay}). Exit 0 when everything happened
 * as the rules say, 1 otherwise.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the end-to-end demo: a day at a service hall against an embedded simulated central "
                + "platform. Writes QR images, payloads and report.txt to the output folder.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "hcp-out/demo", paramLabel = "DIR",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return new HallDay(spec.commandLine().getOut(), out).run() == 0 ? 0 : 1;
    }
}
