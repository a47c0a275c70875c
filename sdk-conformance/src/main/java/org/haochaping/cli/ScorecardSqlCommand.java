package org.haochaping.cli;

import java.util.concurrent.Callable;
import org.haochaping.scorecard.ScorecardSql;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hcp scorecard sql --dialect postgresql|mysql|duckdb|spark}: prints the scorecard as one SQL query
 * over the statistics table (docs/interface-spec.md §2), with the same figures and rounding as
 * {@code hcp scorecard}.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Print the scorecard as SQL over a statistics table (one row per record, the columns of",
            "docs/interface-spec.md section 2): same figures and rounding as hcp scorecard."})
final class ScorecardSqlCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScorecardReport report;

    @Option(names = "--dialect", required = true, paramLabel = "postgresql|mysql|duckdb|spark", description = "SQL dialect.")
    String dialect;

    @Option(names = "--by", paramLabel = "department|district|hall|staff", description = "Rank by this grouping.")
    String by;

    @Option(names = "--table", paramLabel = "NAME", defaultValue = ScorecardSql.DEFAULT_TABLE,
            description = "The statistics table (default ${DEFAULT-VALUE}).")
    String table;

    @Option(names = "--create-table", description = "Print the CREATE TABLE statement of the statistics table instead.")
    boolean createTable;

    @Override
    public Integer call() {
        ScorecardSql.Dialect d = ScorecardSql.Dialect.fromCliName(dialect);
        if (d == null) {
            throw new ParameterException(spec.commandLine(), "--dialect must be postgresql, mysql, duckdb or spark, not '" + dialect + "'");
        }
        var scorecard = report.scorecard(spec);
        String sql;
        try {
            sql = createTable ? ScorecardSql.createTable(d, table) + ";"
                    : ScorecardSql.query(d, ScorecardCommand.groupBy(spec, by), scorecard.weights(),
                            scorecard.activeRateBasis(), table);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        spec.commandLine().getOut().println(sql);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
