package org.haochaping.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scorecard's additions (issues 12 and 15): the active-rate basis, units with nothing to score, contradictory
 * input, partial tallies and merge, SQL, and the HTML page rendered by headless Chromium (Debian's chromium).
 */
class ScorecardCommandMoreTest {

    private static String sample() throws Exception {
        return Paths.get(ScorecardCommandMoreTest.class.getResource("/scorecard/sample-statistics.jsonl").toURI()).toString();
    }

    private static final String E1 = "{\"kind\":\"evaluation\",\"evaluationId\":\"E1\",\"caseNo\":\"C1\",\"deptCode\":\"D1\","
            + "\"areaCode\":\"120101\",\"grade\":\"SATISFIED\",\"evaluatedAt\":\"2024-10-08T10:00:00+08:00\"}\n";
    private static final String E2 = "{\"kind\":\"evaluation\",\"evaluationId\":\"E2\",\"caseNo\":\"C1\",\"deptCode\":\"D1\","
            + "\"areaCode\":\"120101\",\"grade\":\"SATISFIED\",\"evaluatedAt\":\"2024-10-09T10:00:00+08:00\"}\n";
    private static final String U1 = "{\"kind\":\"unevaluated\",\"caseNo\":\"C1\",\"deptCode\":\"D1\",\"areaCode\":\"120101\","
            + "\"completedAt\":\"2024-09-27T16:00:00+08:00\"}\n";
    private static final String U2 = U1.replace("C1", "C2").replace("D1", "D2");

    @Test
    void printsTheActiveRateBasisAndHonoursIt(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("two-visits.jsonl");
        Files.writeString(f, E1 + E2 + U2.replace("D2", "D1"));
        CliRun cases = CliRun.of("scorecard", f.toString());
        assertThat(cases.out()).contains("active rate basis cases");
        assertThat(cases.out().split("\\R")[2].split("\\s+")[4]).isEqualTo("50.00");   // 1 case of 2
        CliRun literal = CliRun.of("scorecard", "--active-rate-basis", "literal", "--json", f.toString());
        JsonNode root = new ObjectMapper().readTree(literal.out());
        assertThat(root.get("activeRateBasis").asText()).isEqualTo("LITERAL");
        assertThat(root.at("/scores/activeEvaluationRate").decimalValue()).isEqualByComparingTo("33.33"); // 1 / (2 + 1)
        CliRun wrong = CliRun.of("scorecard", "--active-rate-basis", "mixed", f.toString());
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("cases, literal or evaluations");
    }

    @Test
    void listsUnitsWithNothingToScoreUnrankedAndSaysSoForAnEmptyInput(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("silent.jsonl");
        Files.writeString(f, E1 + U2);
        CliRun run = CliRun.of("scorecard", "--by", "department", f.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().split("\\R");
        assertThat(lines[2].split("\\s+")).startsWith("1", "D1").endsWith("100.00");
        assertThat(lines[3].split("\\s+")).startsWith("-", "D2").endsWith("-");
        assertThat(run.out()).contains("1 group(s) with no adopted evaluation have nothing to score and are listed unranked.");
        JsonNode json = new ObjectMapper().readTree(CliRun.of("scorecard", "--by", "department", "--json", f.toString()).out());
        assertThat(json.at("/entries/1/rank").isNull()).isTrue();
        assertThat(json.at("/entries/1/composite").isNull()).isTrue();

        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "\n");
        CliRun none = CliRun.of("scorecard", empty.toString());
        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).contains("No records: nothing to score.");
        assertThat(CliRun.of("scorecard", "--json", empty.toString()).out()).contains("\"note\" : \"no records: nothing to score\"");
    }

    @Test
    void refusesContradictoryInputWithBothLines(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("contradiction.jsonl");
        Files.writeString(f, U2 + E1 + U1);   // not in case order: the sorted path finds it too
        CliRun run = CliRun.of("scorecard", f.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("case C1 is both evaluated (line 2) and marked 未评 (line 3)");
        Files.writeString(f, U1 + E2.replace("C1", "C0") + U1);
        CliRun twice = CliRun.of("scorecard", "--by", "staff", f.toString());
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains("case C1 is marked 未评 twice (lines 1 and 3)");
        assertThat(twice.out()).isEmpty();
    }

    @Test
    void mergesPartialTalliesExactly(@TempDir Path dir) throws Exception {
        // Split the sample by department (whole cases with their orders), tally apart, merge: the whole's figures.
        java.util.List<String> lines = Files.readAllLines(Paths.get(sample()));
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            boolean d1 = l.contains("\"D1\"") || l.matches(".*\"evaluationId\":\"E\\d\".*");
            (d1 ? a : b).append(l).append('\n');
        }
        Path pa = dir.resolve("a.jsonl");
        Path pb = dir.resolve("b.jsonl");
        Files.writeString(pa, a);
        Files.writeString(pb, b);
        for (String[] by : new String[][] {{}, {"--by", "staff"}}) {
            Path partA = dir.resolve("a.part" + by.length);
            Path partB = dir.resolve("b.part" + by.length);
            assertThat(CliRun.of(concat(by, "--partial", partA.toString(), pa.toString())).exitCode()).isZero();
            assertThat(CliRun.of(concat(by, "--partial", partB.toString(), pb.toString())).exitCode()).isZero();
            CliRun merged = CliRun.of(concat(new String[] {"scorecard", "merge", "--json"}, partB.toString(), partA.toString()));
            CliRun whole = CliRun.of(concat(by, "--json", sample()));
            assertThat(merged.exitCode()).as(merged.err()).isZero();
            assertThat(merged.out()).isEqualTo(whole.out());
        }
        CliRun unlike = CliRun.of("scorecard", "merge", dir.resolve("a.part0").toString(), dir.resolve("b.part2").toString());
        assertThat(unlike.exitCode()).isEqualTo(2);
        assertThat(unlike.err()).contains("like with like");
    }

    private static String[] concat(String[] by, String... rest) {
        String[] head = by.length > 0 && by[0].equals("scorecard") ? by : concat2(new String[] {"scorecard"}, by);
        return concat2(head, rest);
    }

    private static String[] concat2(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void printsTheSqlOfEachDialect() throws Exception {
        for (String d : new String[] {"postgresql", "mysql", "duckdb", "spark"}) {
            CliRun run = CliRun.of("scorecard", "sql", "--dialect", d, "--by", "hall", "--weights", "30,12.5,32.5,25");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("dialect " + d).contains("FROM hcp_statistics").contains("hall_code")
                    .contains("AS composite");
        }
        assertThat(CliRun.of("scorecard", "sql", "--dialect", "postgresql").out()).contains("DIV(");
        assertThat(CliRun.of("scorecard", "sql", "--dialect", "duckdb", "--create-table").out()).contains("CREATE TABLE hcp_statistics");
        CliRun bad = CliRun.of("scorecard", "sql", "--dialect", "oracle");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("postgresql, mysql, duckdb or spark");
    }

    @Test
    void writesASelfContainedPageThatChromiumRenders(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("scorecard.html");
        CliRun run = CliRun.of("scorecard", "--by", "staff", "--active-rate-basis", "evaluations", "--html", page.toString(), sample());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(page, StandardCharsets.UTF_8);
        // Content: the ranking, a chart per figure, the weights and the basis; nothing fetched from elsewhere.
        assertThat(html).contains("<table id=\"ranking\">").contains("<td>S1</td>").contains("<td>S3</td>")
                .contains("id=\"chart-composite\"").contains("id=\"chart-activeEvaluationRate\"").contains("id=\"chart-badRate\"")
                .contains("quality 30 / active 15 / rectification 30 / satisfaction 25")
                .contains("<b id=\"basis\">evaluations</b>");
        assertThat(html).doesNotContain("https://", "<script", "<link", "url(", "src=")
                .contains("http://www.w3.org/2000/svg"); // the SVG namespace name only, never fetched
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http");

        Path png = dir.resolve("scorecard.png");
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        Process p = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=900,1400", "--screenshot=" + png, page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(Files.exists(png)).as(Files.readString(dir.resolve("chromium.log"))).isTrue();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
        // The bars are drawn: count the pixels of the bar colour #2f6fb0.
        long bar = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == 0x2f6fb0) {
                    bar++;
                }
            }
        }
        assertThat(bar).as("bar pixels").isGreaterThan(5000);
    }
}
