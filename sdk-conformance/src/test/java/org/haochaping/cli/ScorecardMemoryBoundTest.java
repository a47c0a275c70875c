package org.haochaping.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.haochaping.scorecard.GroupBy;
import org.haochaping.scorecard.PartialScorecard;
import org.haochaping.scorecard.Ranking;
import org.haochaping.scorecard.ScoreWeights;
import org.haochaping.scorecard.Scorecard;
import org.haochaping.scorecard.ScorecardInput;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the scorecard over 5 million generated records in a JVM of 256 MB heap (its own Surefire
 * execution, -Xmx256m). The records are generated on the fly and streamed: nothing but the tally is kept.
 * The old code needed about 1.4 KB per record (7 GB here).
 */
class ScorecardMemoryBoundTest {

    static final long RECORDS = 5_000_000;

    @Test
    void scoresFiveMillionRecordsIn256Megabytes() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("run with -Xmx256m").isLessThanOrEqualTo(300L << 20);
        long start = System.nanoTime();
        PartialScorecard tally = ScorecardInput.tallyJsonLines(new StatisticsGenerator(RECORDS, 300, 1), GroupBy.DEPARTMENT);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Ranking ranking = new Scorecard(ScoreWeights.DEFAULT).rank(tally);
        System.out.println("scorecard over " + RECORDS + " generated records: " + millis + " ms, "
                + (RECORDS * 1000 / Math.max(1, millis)) + " records/s, heap max " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
        assertThat(tally.records()).isEqualTo(RECORDS);
        assertThat(ranking.entries()).hasSize(300);
        assertThat(ranking.entries()).allMatch(Ranking.Entry::ranked);
        long total = ranking.entries().stream().mapToLong(e -> e.scores().totalEvaluations()).sum();
        // Every record but the work orders is an evaluation or a 未评 case; about 5 % of records are orders.
        assertThat(total).isBetween(RECORDS * 90 / 100, RECORDS);
    }
}
