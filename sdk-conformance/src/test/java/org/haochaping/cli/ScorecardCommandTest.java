package org.haochaping.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample file holds the period worked out by hand in sdk-core's ScorecardTest: departments D1 (61.86),
 * D2 (100.00), D3 (47.50); staff S1 and T1 100, S2 70.5, S3 32.5; three online records without hall or staff.
 */
class ScorecardCommandTest {

    private static String sample() throws URISyntaxException {
        return Paths.get(ScorecardCommandTest.class.getResource("/scorecard/sample-statistics.jsonl").toURI()).toString();
    }

    @Test
    void printsTheWholePeriod() throws Exception {
        CliRun run = CliRun.of("scorecard", sample());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().split("\\R");
        assertThat(lines[0]).contains("quality 30 / active 15 / rectification 30 / satisfaction 25")
                .endsWith("active rate basis cases");
        assertThat(lines[1].split("\\s+")).containsExactly("RANK", "KEY", "TOTAL", "QUALITY", "ACTIVE%", "RECTIFIED%",
                "SATISFIED%", "GOOD%", "UNEVALUATED%", "BAD%", "COMPOSITE");
        // Adopted 9 (58 points, 9 cases), "未评" 4 (2 timed out, 2 not adopted), bad 4, rectified 2, satisfied 1:
        // 0.30 x 580/9 + 0.15 x 900/11 + 0.30 x 50 + 0.25 x 50 = 19.333 + 12.273 + 15 + 12.5 = 59.106
        assertThat(lines[2].split("\\s+")).containsExactly("-", "(all)", "13", "64.44", "81.82", "50.00", "50.00",
                "38.46", "30.77", "30.77", "59.11");
    }

    @Test
    void ranksByStaffAsATable() throws Exception {
        CliRun run = CliRun.of("scorecard", "--by", "staff", sample());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().split("\\R");
        assertThat(lines[0]).endsWith("ranked by staff");
        assertThat(lines[2].split("\\s+")).startsWith("1", "S1").endsWith("100.00");
        assertThat(lines[3].split("\\s+")).startsWith("1", "T1").endsWith("100.00");
        assertThat(lines[4].split("\\s+")).startsWith("3", "S2").endsWith("70.50");
        assertThat(lines[5].split("\\s+")).containsExactly("4", "S3", "2", "0.00", "50.00", "0.00", "100.00", "0.00",
                "50.00", "50.00", "32.50");
        assertThat(lines[6]).isEqualTo("3 record(s) without a staff code were left out of the ranking.");
    }

    @Test
    void printsJsonWithOtherWeights() throws Exception {
        CliRun run = CliRun.of("scorecard", "--weights", "25,25,25,25", "--by", "department", "--json", sample());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.at("/weights/serviceQuality").asText()).isEqualTo("25");
        assertThat(root.get("groupBy").asText()).isEqualTo("DEPARTMENT");
        JsonNode entries = root.get("entries");
        assertThat(entries).hasSize(3);
        // D1 with equal weights: (55 + 600/7 + 200/3 + 50) / 4 = 64.35; D3: (50 + 50 + 0 + 100) / 4 = 50.00
        assertThat(entries.get(0).get("key").asText()).isEqualTo("D2");
        assertThat(entries.get(1).get("key").asText()).isEqualTo("D1");
        assertThat(entries.get(1).get("composite").decimalValue()).isEqualByComparingTo("64.35");
        assertThat(entries.get(1).get("rectificationRate").decimalValue()).isEqualByComparingTo("66.67");
        assertThat(entries.get(2).get("composite").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(root.get("activeRateBasis").asText()).isEqualTo("CASES");
        assertThat(run.out()).contains("\"composite\" : 100.00").doesNotContain("E+");
    }

    @Test
    void printsJsonOfTheWholePeriod() throws Exception {
        CliRun run = CliRun.of("scorecard", "--json", sample());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode scores = new ObjectMapper().readTree(run.out()).get("scores");
        assertThat(scores.get("totalEvaluations").asInt()).isEqualTo(13);
        assertThat(scores.get("notAdopted").asInt()).isEqualTo(2);
        assertThat(scores.get("composite").decimalValue()).isEqualByComparingTo("59.11");
    }

    @Test
    void badInputExitsWith2(@TempDir Path dir) throws Exception {
        CliRun weights = CliRun.of("scorecard", "--weights", "30,15,30,20", sample());
        assertThat(weights.exitCode()).isEqualTo(2);
        assertThat(weights.err()).contains("sum to 95").contains("Art. 23");
        assertThat(CliRun.of("scorecard", "--by", "window", sample()).exitCode()).isEqualTo(2);
        CliRun missing = CliRun.of("scorecard", dir.resolve("none.jsonl").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read");
        Path broken = dir.resolve("broken.jsonl");
        Files.writeString(broken, Files.readString(Paths.get(sample())).replace("\"grade\":\"SATISFIED\"", "\"grade\":\"GOOD\""),
                StandardCharsets.UTF_8);
        CliRun bad = CliRun.of("scorecard", broken.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("line 2: ").contains("GOOD").contains("VERY_SATISFIED");
        assertThat(bad.out()).isEmpty();
    }
}
