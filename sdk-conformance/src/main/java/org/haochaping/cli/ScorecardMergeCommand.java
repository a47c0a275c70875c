package org.haochaping.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.haochaping.scorecard.PartialScorecard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hcp scorecard merge PART...}: the figures of several partial tallies together (written by
 * {@code hcp scorecard --partial}); exact, in any order. Exit 2 for unreadable, invalid or unlike parts.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merge partial tallies (hcp scorecard --partial FILE) of shards holding whole cases",
            "(a day, a district, a file) and print the figures, as hcp scorecard does."})
final class ScorecardMergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScorecardReport report;

    @Parameters(paramLabel = "PART", arity = "1..*", description = "Partial tallies, all of the same grouping.")
    List<Path> parts;

    @Override
    public Integer call() throws IOException {
        var scorecard = report.scorecard(spec);
        PartialScorecard sum = null;
        for (Path part : parts) {
            try (Reader in = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                PartialScorecard p = PartialScorecard.readJson(in);
                sum = sum == null ? p : sum.merge(p);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("hcp scorecard merge: " + part + ": " + e.getMessage());
                return 2;
            } catch (IOException e) {
                spec.commandLine().getErr().println("hcp scorecard merge: cannot read " + part + ": " + e);
                return 2;
            }
        }
        report.print(sum, scorecard, spec.commandLine().getOut());
        return 0;
    }
}
