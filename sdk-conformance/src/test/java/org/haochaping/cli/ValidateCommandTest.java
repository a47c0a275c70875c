package org.haochaping.cli;

import org.haochaping.conformance.SamplePayloads;
import org.haochaping.model.Evaluation;
import org.haochaping.wire.PayloadCodec;
import org.haochaping.wire.WireProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private static List<Evaluation> samples() {
        return SamplePayloads.all().stream().map(SamplePayloads.Sample::evaluation).toList();
    }

    @Test
    void validFilesInBothProfilesExitZeroAndPrintNoViolation() throws IOException {
        Path unified = write("u.json", PayloadCodec.of(WireProfile.unified()).writeAll(samples()));
        Path one = write("one.json", PayloadCodec.of(WireProfile.unified()).write(samples().get(4)));
        // one.json repeats u.json's fifth record: only checked on their own do both pass.
        CliRun run = CliRun.of("validate", "--no-history", unified.toString(), one.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("u.json: valid (" + samples().size() + " evaluations, unified profile)");

        List<Evaluation> national = samples().stream()
                .filter(e -> e.channel() != org.haochaping.model.Channel.SUGGESTION_BOX).toList();
        Path nat = write("n.json", PayloadCodec.of(WireProfile.national()).writeAll(national));
        assertThat(CliRun.of("validate", "--profile", "national", nat.toString()).exitCode()).isZero();
        // The same national file is not a unified payload.
        CliRun wrongProfile = CliRun.of("validate", nat.toString());
        assertThat(wrongProfile.exitCode()).isEqualTo(1);
        assertThat(wrongProfile.out()).contains(nat + ": [0].projectNo: is not a field of this object (Art. 5)");
    }

    @Test
    void evaluationsAreCheckedAgainstTheEarlierOnesAcrossFilesNamingBoth() throws IOException {
        Path unified = write("u.json", PayloadCodec.of(WireProfile.unified()).writeAll(samples()));
        Path one = write("one.json", PayloadCodec.of(WireProfile.unified()).write(samples().get(4)));
        CliRun run = CliRun.of("validate", unified.toString(), one.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(one + ": targets: the staff (服务人员) of visit 1 has already been evaluated "
                + "(一次一评); earlier: " + unified + " [4] (Art. 10, 11)\n");
        assertThat(run.err()).contains("one.json: 1 of 1 invalid");
    }

    @Test
    void aBatchIsEvaluatedOnceAndAnAppendedEvaluationKeepsItsGrade() throws IOException {
        Evaluation batch = samples().get(10);
        Evaluation sameBatchOtherCase = batch.toBuilder().evaluationId("EV-0302")
                .caseRecord(batch.caseRecord().toBuilder().caseNo("TJ2026112600302").build()).build();
        Evaluation original = samples().get(0);
        Evaluation regraded = samples().get(14).toBuilder().grade(org.haochaping.model.Grade.SATISFIED)
                .indicators("1401").build();
        Path f = write("h.json", PayloadCodec.of(WireProfile.unified())
                .writeAll(List.of(batch, sameBatchOtherCase, original, regraded)));
        CliRun run = CliRun.of("validate", f.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(f + ": [1].targets: the batch (批量业务) has already been evaluated once (一次评价); "
                + "earlier: " + f + " [0] (Art. 12)");
        assertThat(run.out()).contains(f + ": [3].grade: an appended evaluation (追加评价) cannot change the grade of the "
                + "evaluation it adds to (非常满意); earlier: " + f + " [2] (Art. 9(四), 11)");
        assertThat(run.err()).contains("2 of 4 invalid");
        assertThat(CliRun.of("validate", "--no-history", f.toString()).exitCode()).isZero();
    }

    @Test
    void violationsAreOneLineEachWithFilePathMessageAndArticle() throws IOException {
        String json = PayloadCodec.of(WireProfile.unified()).write(samples().get(2))   // 不满意 via 津心办
                .replace("\"indicators\":[\"1205\"],", "")
                .replace("\"freeText\":\"页面显示可网办，提交时提示需到窗口\",", "")
                .replace("120101198506121236", "120101198506121237");
        Path f = write("bad.json", json);
        CliRun run = CliRun.of("validate", f.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines().toList()).containsExactlyInAnyOrder(
                f + ": evaluator.certificateNumber: is not a valid 居民身份证号码: check character does not match"
                        + " (GB 11643 MOD 11-2) (Art. 17; GB 11643)",
                f + ": indicators: a 差评 (不满意) of 服务事项 needs a 服务事项 indicator or free text giving the reason"
                        + " (Art. 7)");
        assertThat(run.out()).doesNotContain("120101198506121237");
    }

    @Test
    void arrayElementsAreAddressedByIndex() throws IOException {
        PayloadCodec codec = PayloadCodec.of(WireProfile.unified());
        String second = codec.write(samples().get(4)).replace("\"grade\":\"VERY_SATISFIED\"", "\"grade\":\"GREAT\"");
        Path f = write("arr.json", "[" + codec.write(samples().get(0)) + "," + second + "]");
        CliRun run = CliRun.of("validate", f.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith(f + ": [1].grade: is not one of VERY_SATISFIED");
        assertThat(run.out()).doesNotContain("[0].");
    }

    @Test
    void caseFilesAreValidatedWithKindCase() throws IOException {
        PayloadCodec codec = PayloadCodec.of(WireProfile.unified());
        Path ok = write("case.json", codec.writeCase(samples().get(4).caseRecord()));
        assertThat(CliRun.of("validate", "--kind", "case", ok.toString()).exitCode()).isZero();
        Path bad = write("case-bad.json", codec.writeCase(samples().get(4).caseRecord())
                .replace("\"areaCode\":\"120000\"", "\"areaCode\":\"12000\""));
        CliRun run = CliRun.of("validate", "--kind", "case", bad.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(bad + ": areaCode: is not a 行政区划代码: must be 6 or 12 digits (GB/T 2260)"
                + " (Art. 5; GB/T 2260)");
    }

    @Test
    void malformedJsonExitsTwoWithLineAndColumn() throws IOException {
        Path f = write("broken.json", "{\n  \"grade\": \"SATISFIED\",\n  \"channel\" \"MOBILE_APP\"\n}");
        CliRun run = CliRun.of("validate", f.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).startsWith(f + ": line 3, column 13: not valid JSON");
    }

    @Test
    void unreadableFileExitsTwoAndOtherFilesAreStillChecked() throws IOException {
        Path good = write("good.json", PayloadCodec.of(WireProfile.unified()).write(samples().get(0)));
        CliRun run = CliRun.of("validate", dir.resolve("missing.json").toString(), good.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing.json: cannot read: no such file").contains("good.json: valid");
    }

    @Test
    void notUtf8ExitsTwo() throws IOException {
        Path f = dir.resolve("gbk.json");
        Files.write(f, "{\"freeText\":\"满意\"}".getBytes(java.nio.charset.Charset.forName("GBK")));
        CliRun run = CliRun.of("validate", f.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not UTF-8 text");
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Path f = write("x.json", "{}");
        assertThat(CliRun.of("validate", "--kind", "visit", f.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("validate", "--profile", "provincial", f.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("validate").exitCode()).isEqualTo(2);
    }
}
