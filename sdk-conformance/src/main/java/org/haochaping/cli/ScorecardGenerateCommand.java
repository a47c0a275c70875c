package org.haochaping.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hcp scorecard generate}: synthetic statistics records for benchmarks (docs/BENCHMARKS.md), in case
 * order, deterministic for a seed. Not real data: for timing and memory only.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write synthetic statistics records (JSON lines, in case order) for benchmarks.",
            "The distribution is documented in docs/BENCHMARKS.md."})
final class ScorecardGenerateCommand implements Callable<Integer> {

    @Option(names = "--records", required = true, paramLabel = "N", description = "How many records (lines).")
    long records;

    @Option(names = "--departments", defaultValue = "300", paramLabel = "N", description = "Departments (default ${DEFAULT-VALUE}).")
    int departments;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        try (StatisticsGenerator in = new StatisticsGenerator(records, departments, seed);
             Writer w = out == null ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
                     : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            in.transferTo(w);
        }
        return 0;
    }
}
