package org.haochaping.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.haochaping.model.CaseRecord;
import org.haochaping.model.CaseStatus;
import org.haochaping.model.Channel;
import org.haochaping.model.Evaluation;
import org.haochaping.model.EvaluationStage;
import org.haochaping.model.Grade;
import org.haochaping.model.HandlingMode;
import org.haochaping.model.Target;
import org.haochaping.wire.PayloadCodec;
import org.haochaping.wire.WireProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemindCommandTest {

    private static final PayloadCodec UNIFIED = PayloadCodec.of(WireProfile.named("unified"));

    @TempDir
    Path dir;

    private static CaseRecord completed(String caseNo, String completedAt) {
        OffsetDateTime done = OffsetDateTime.parse(completedAt + "+08:00");
        return CaseRecord.builder().caseNo(caseNo).item("11120000000123456100012011700001", "企业设立登记")
                .department("111200000001234561", "天津市市场监督管理委员会").areaCode("120000")
                .hallAndWindow("TJZWFW-01", "A12").staff("S1024", "李四").status(CaseStatus.COMPLETED)
                .acceptedAt(done.minusHours(1)).completedAt(done).handlingMode(HandlingMode.WINDOW).build();
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private Path cases() throws Exception {
        // JSON lines: one case object per line.
        return write("cases.jsonl", String.join("\n",
                UNIFIED.writeCase(completed("TJ001", "2026-09-30T10:00:00")),
                UNIFIED.writeCase(completed("TJ002", "2026-10-12T09:00:00")),
                UNIFIED.writeCase(completed("TJ003", "2026-10-12T09:30:00")),
                UNIFIED.writeCase(completed("TJ004", "2026-10-13T08:00:00"))) + "\n");
    }

    private Path evaluations() throws Exception {
        CaseRecord c = completed("TJ003", "2026-10-12T09:30:00");
        Evaluation e = Evaluation.builder().caseRecord(c).targets(Target.SERVICE_ITEM, Target.SERVICE_STAFF)
                .channel(Channel.WINDOW_EVALUATOR).grade(Grade.SATISFIED).stage(EvaluationStage.AT_COMPLETION)
                .staffNo("S1024").evaluatedAt(OffsetDateTime.parse("2026-10-12T09:35:00+08:00")).build();
        return write("evaluations.json", UNIFIED.writeAll(Arrays.asList(e)));
    }

    @Test
    void printsOneLinePerCaseAndActionEarliestFirst() throws Exception {
        Path reminded = write("reminded.txt", "TJ002\n");

        CliRun run = CliRun.of("remind", "--cases", cases().toString(), "--evaluations", evaluations().toString(),
                "--reminded", reminded.toString(), "--at", "2026-10-14T08:00:00");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // TJ001: completed Sep 30, National Day and the make-up Saturday Oct 10: window ended Oct 13.
        // TJ002 was reminded; TJ003 was evaluated; TJ004 is due its reminder exactly 24 hours after completion.
        assertThat(run.out()).isEqualTo(String.join(System.lineSeparator(),
                "TJ001 MARK_UNEVALUATED 2026-10-14T00:00:00+08:00",
                "TJ004 REMIND 2026-10-14T08:00:00+08:00", ""));
    }

    @Test
    void jsonGivesCaseActionDueAndProvisional() throws Exception {
        CliRun run = CliRun.of("remind", "--cases", cases().toString(), "--at", "2026-10-13T09:00:00+08:00", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode array = new ObjectMapper().readTree(run.out());
        // TJ003 and TJ004 are not yet 24 hours past completion.
        assertThat(array).hasSize(2);
        assertThat(array.get(0).get("caseNo").asText()).isEqualTo("TJ001");
        assertThat(array.get(0).get("action").asText()).isEqualTo("REMIND");
        assertThat(array.get(0).get("due").asText()).isEqualTo("2026-10-01T10:00:00+08:00");
        assertThat(array.get(0).get("provisional").asBoolean()).isFalse();
        assertThat(array.get(1).get("caseNo").asText()).isEqualTo("TJ002");
        assertThat(array.get(1).get("due").asText()).isEqualTo("2026-10-13T09:00:00+08:00");
    }

    @Test
    void anArrayOfCasesIsReadToo() throws Exception {
        Path file = write("cases.json", "[" + UNIFIED.writeCase(completed("TJ009", "2026-11-02T10:00:00")) + "]");

        CliRun run = CliRun.of("remind", "--cases", file.toString(), "--at", "2026-11-03T10:00:00+08:00");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().trim()).isEqualTo("TJ009 REMIND 2026-11-03T10:00:00+08:00");
    }

    @Test
    void aWindowReachingIntoAYearWithoutItsArrangementIsFlaggedProvisional() throws Exception {
        Path file = write("december.jsonl", UNIFIED.writeCase(completed("TJ010", "2026-12-28T10:00:00")) + "\n"
                + UNIFIED.writeCase(completed("TJ011", "2026-12-01T10:00:00")) + "\n");

        CliRun run = CliRun.of("remind", "--cases", file.toString(), "--at", "2027-01-06T00:00:00+08:00", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode array = new ObjectMapper().readTree(run.out());
        assertThat(array.get(0).get("caseNo").asText()).isEqualTo("TJ011");
        assertThat(array.get(0).get("provisional").asBoolean()).isFalse();
        assertThat(array.get(1).get("caseNo").asText()).isEqualTo("TJ010");
        assertThat(array.get(1).get("action").asText()).isEqualTo("MARK_UNEVALUATED");
        assertThat(array.get(1).get("due").asText()).isEqualTo("2027-01-06T00:00:00+08:00");
        assertThat(array.get(1).get("provisional").asBoolean()).isTrue();
    }

    @Test
    void unreadableInputExitsTwoNamingTheFile() throws Exception {
        Path file = write("broken.json", "{\"caseNo\": ");

        CliRun run = CliRun.of("remind", "--cases", file.toString(), "--at", "2026-11-03T10:00:00+08:00");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("broken.json");
    }
}
