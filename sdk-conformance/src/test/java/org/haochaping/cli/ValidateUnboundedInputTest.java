package org.haochaping.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, defect 6, at the command line: {@code hcp validate} read input of any size ({@code validate /dev/zero}
 * ran out of memory) and reported 10^6 duplicate {@code targets} as valid. A resource limit is exit 2 with one line
 * naming the limit, never a stack trace and never exit 1.
 */
class ValidateUnboundedInputTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    @Test
    void anEndlessDeviceIsReadOnlyUpToTheByteLimit() {
        Path zero = Paths.get("/dev/zero");
        CliRun run = CliRun.of("validate", "--max-bytes", "1048576", zero.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEqualTo(zero + ": payload is larger than 1048576 bytes (limit maxInputBytes)\n");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");

        CliRun defaults = CliRun.of("validate", zero.toString());
        assertThat(defaults.exitCode()).isEqualTo(2);
        assertThat(defaults.out()).contains("larger than 16777216 bytes (limit maxInputBytes)");
    }

    @Test
    void aMillionEmptyObjectsAreExitTwoAtTheRecordLimit() throws IOException {
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 1_000_000; i++) {
            many.append(i == 0 ? "{}" : ",{}");
        }
        Path file = write("many.json", many.append(']').toString());
        CliRun run = CliRun.of("validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEqualTo(file + ": line 1, column " + (2 + 10_000 * 3)
                + ": more than 10000 records (limit maxRecords)\n");
        assertThat(CliRun.of("validate", "--max-records", "2", write("three.json", "[{},{},{}]").toString()).out())
                .contains("more than 2 records (limit maxRecords)");
    }

    @Test
    void aMillionDuplicateTargetsAreExitTwoAndAFewAreAViolation() throws IOException {
        StringBuilder targets = new StringBuilder();
        for (int i = 0; i < 1_000_000; i++) {
            targets.append(i == 0 ? "" : ",").append("\"SERVICE_STAFF\"");
        }
        Path flood = write("flood.json", "{\"targets\":[" + targets + "]}");
        CliRun run = CliRun.of("validate", flood.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains(flood + ": line 1, column ")
                .endsWith(": an array of more than 256 elements (limit maxArrayLength)\n");

        Path twice = write("twice.json", "{\"targets\":[\"SERVICE_STAFF\",\"SERVICE_STAFF\"]}");
        CliRun duplicate = CliRun.of("validate", twice.toString());
        assertThat(duplicate.exitCode()).isEqualTo(1);
        assertThat(duplicate.out()).contains(twice + ": targets[1]: SERVICE_STAFF is listed twice (Art. 6)");
    }

    @Test
    void nestingBeyondTheLimitIsExitTwo() throws IOException {
        Path deep = write("deep.json", "[".repeat(5000) + "]".repeat(5000));
        CliRun run = CliRun.of("validate", deep.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).endsWith(": nested deeper than 16 levels (limit maxDepth)\n");
    }
}
