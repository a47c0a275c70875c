package org.haochaping.cli;

import org.haochaping.wire.PayloadCodec;
import org.haochaping.wire.WireProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {

    @Test
    void demoAcceptsEverySampleAndWritesFilesThatValidate(@TempDir Path out) throws IOException {
        CliRun run = CliRun.of("demo", "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("15 evaluations accepted, 0 unexpected failures.")
                .doesNotContain("DIFFERENT")
                .contains("窗口评价器").contains("批量业务").contains("联合审批").contains("主题业务")
                .contains("indicators[0]: 1201 is a 不满意 indicator but the grade is 非常不满意 (Art. 7)");
        Path unified = out.resolve("evaluations-unified.json");
        Path national = out.resolve("evaluations-national.json");
        assertThat(PayloadCodec.of(WireProfile.unified())
                .decodeEvaluations(Files.readString(unified, StandardCharsets.UTF_8)))
                .hasSize(15).allMatch(d -> d.isValid());
        assertThat(CliRun.of("validate", "--profile", "national", national.toString()).exitCode()).isZero();
    }
}
