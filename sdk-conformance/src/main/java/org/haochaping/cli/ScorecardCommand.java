package org.haochaping.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.haochaping.scorecard.GroupBy;
import org.haochaping.scorecard.PartialScorecard;
import org.haochaping.scorecard.Scorecard;
import org.haochaping.scorecard.ScorecardInput;
import org.haochaping.scorecard.StatisticsRecordException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hcp scorecard}: the figures of Art. 23–24 from statistics records (JSON lines, see
 * docs/interface-spec.md, "Statistics records"), for the whole file or ranked by a grouping (Art. 25–26).
 * Streams the file (memory bounded by the groups and the bad reviews). Exit 2 for a usage error or an
 * unreadable or invalid file.
 */
@Command(name = "scorecard", mixinStandardHelpOptions = true,
        subcommands = {ScorecardMergeCommand.class, ScorecardSqlCommand.class, ScorecardGenerateCommand.class},
        description = {"Composite score, rates and rankings (Art. 23-26) from statistics records,",
            "one JSON object per line (docs/interface-spec.md, \"Statistics records\").",
            "Composite = (wq*quality + wa*active%% + wr*rectified%% + ws*satisfied%%) / 100,",
            "quality = average score x 10; figures rounded half up to two decimals.",
            "Groups with no adopted evaluation have no composite and are listed unranked."})
final class ScorecardCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScorecardReport report;

    @Option(names = "--by", paramLabel = "department|district|hall|staff", description = "Rank by this grouping.")
    String by;

    @Option(names = "--threads", paramLabel = "N", description = {"Read a file in case order on up to N threads, "
            + "cut at case boundaries (default: the number of processors, here ${DEFAULT-VALUE}); the figures do not change."})
    int threads = Runtime.getRuntime().availableProcessors();

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Statistics records, one JSON object per line.")
    Path file;

    static GroupBy groupBy(CommandSpec spec, String by) {
        if (by == null) {
            return null;
        }
        GroupBy g = GroupBy.fromCliName(by);
        if (g == null) {
            throw new ParameterException(spec.commandLine(), "--by must be department, district, hall or staff, not '" + by + "'");
        }
        return g;
    }

    @Override
    public Integer call() throws IOException {
        if (file == null) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'FILE'");
        }
        Scorecard scorecard = report.scorecard(spec);
        GroupBy groupBy = groupBy(spec, by);
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, not " + threads);
        }
        PartialScorecard tally;
        try {
            tally = ScorecardInput.tallyJsonLines(file, groupBy, threads);
        } catch (StatisticsRecordException e) {
            spec.commandLine().getErr().println("hcp scorecard: " + file + ": " + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            spec.commandLine().getErr().println("hcp scorecard: cannot read " + file + ": no such file");
            return 2;
        } catch (IOException e) {
            spec.commandLine().getErr().println("hcp scorecard: cannot read " + file + ": " + e);
            return 2;
        }
        report.print(tally, scorecard, spec.commandLine().getOut());
        return 0;
    }
}
