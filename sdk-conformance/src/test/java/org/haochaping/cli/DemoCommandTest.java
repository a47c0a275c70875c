package org.haochaping.cli;

import org.haochaping.qrcode.testing.Decoders;
import org.haochaping.wire.PayloadCodec;
import org.haochaping.wire.WireProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The main job, run as a user runs it: every step happens, and what it writes is real. */
class DemoCommandTest {

    @Test
    void aDayAtTheHallRunsEndToEndAndWritesWhatItSays(@TempDir Path out) throws IOException {
        CliRun run = CliRun.of("demo", "--out", out.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("0 unexpected outcomes")
                .doesNotContain("UNEXPECTED")
                .contains("1. The department systems report their cases")
                .contains("13 cases: 13 accepted")
                .contains("批量业务").contains("联合审批").contains("主题业务").contains("12345 热线")
                .contains("network back: outbox drained true, platform counted 3 (each once)")
                .contains("signature verified")
                .contains("indicators[0]: 1201 is a 不满意 indicator but the grade is 非常不满意 (Art. 7)")
                .contains("→ FOLLOWED_UP (回访: 满意)")
                .contains("INVALIDATED (appeal upheld: counts as 未评, Art. 21)")
                .contains("13 duplicates, 0 new")
                .contains("2026-09-30T16:30:00+08:00 remind TJ2026092900101 (")
                .contains("【天津政务】您在")
                .contains("TJ2026092900102 marked 未评 (window ended 2026-10-12T23:59:59+08:00")
                .contains("agrees: TJ2026092900102 is 未评 there, TJ2026092900101 is not")
                .contains("composite ")
                .contains("18 evaluations counted by the platform, 3 work orders");

        assertThat(Files.readString(out.resolve("report.txt"), StandardCharsets.UTF_8)).isEqualTo(run.out());
        String windowText = "https://zwfw.tj.gov.cn/hcp/e?a=120000&h=TJZWFW-01&w=A12";
        Decoders.assertPngDecodesTo(Files.readAllBytes(out.resolve("window-A12.png")), windowText);
        Decoders.assertSvgDecodesTo(Files.readString(out.resolve("window-A12.svg")), windowText);
        byte[] receipt = Files.readAllBytes(out.resolve("receipt-TJ2026112600101.png"));
        assertThat(new String(Decoders.zbar(receipt), StandardCharsets.UTF_8)).startsWith("https://zwfw.tj.gov.cn/hcp/e?r=");
        assertThat(PayloadCodec.of(WireProfile.unified())
                .decodeEvaluations(Files.readString(out.resolve("evaluations-unified.json"))))
                .hasSize(15).allMatch(d -> d.isValid());
        assertThat(CliRun.of("validate", "--profile", "national", out.resolve("evaluations-national.json").toString())
                .exitCode()).isZero();
    }

    /** The demo keeps running on any date: on 2027-03-01 every deadline it starts counts provisional 2027 days. */
    @Test
    void theDemoRunsOnADateBeyondTheBundledArrangements(@TempDir Path out) throws Exception {
        java.io.StringWriter text = new java.io.StringWriter();
        java.time.Clock march2027 = java.time.Clock.fixed(java.time.Instant.parse("2027-03-01T02:00:00Z"), java.time.ZoneOffset.UTC);
        int failures = new org.haochaping.conformance.demo.HallDay(new java.io.PrintWriter(text), out, march2027).run();
        assertThat(failures).as(text.toString()).isZero();
        assertThat(text.toString()).contains("expires 2027-03-08T15:59:59Z");
    }
}
