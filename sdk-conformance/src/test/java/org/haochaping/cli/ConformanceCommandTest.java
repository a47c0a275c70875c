package org.haochaping.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.haochaping.conformance.kit.VectorFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConformanceCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String shipped(String name) throws IOException {
        try (InputStream in = VectorFile.class.getResourceAsStream("/vectors/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Copies of every shipped file, with the ciphertext of sm4_test.json tcId 1 (a valid GCM case) changed. */
    private Path corruptedVectors() throws IOException {
        Path vectors = Files.createDirectories(dir.resolve("vectors"));
        for (String name : VectorFile.SHIPPED) {
            Files.writeString(vectors.resolve(name), shipped(name));
        }
        JsonNode sm4 = JSON.readTree(shipped("sm4_test.json"));
        ObjectNode first = (ObjectNode) sm4.at("/testGroups/0/tests/0");
        assertThat(first.get("tcId").asInt()).isEqualTo(1);
        assertThat(first.get("result").asText()).isEqualTo("valid");
        String ct = first.get("ct").asText();
        first.put("ct", (ct.charAt(0) == '0' ? "1" : "0") + ct.substring(1));
        Files.writeString(vectors.resolve("sm4_test.json"), JSON.writeValueAsString(sm4));
        return vectors;
    }

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void everyShippedVectorPassesAndTheThreeReportsAreWritten() throws IOException {
        Path report = dir.resolve("out");
        CliRun run = CliRun.of("conformance", "vectors", "--report", report.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        int total = VectorFile.shipped().stream().mapToInt(f -> f.cases().size()).sum();
        assertThat(run.out()).contains("Conformance vectors: " + total + " cases in " + VectorFile.SHIPPED.size() + " files: " + total + " passed, 0 failed")
                .contains("PASS");
        assertThat(report.resolve("report.json")).isRegularFile();
        assertThat(report.resolve("junit.xml")).isRegularFile();
        assertThat(run.out()).startsWith(Files.readString(report.resolve("summary.txt")));
        JsonNode json = JSON.readTree(report.resolve("report.json").toFile());
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("cases")).hasSize(total);
        JsonNode first = json.get("cases").get(0);
        assertThat(first.get("file").asText()).isEqualTo("payload_validity_unified.json");
        assertThat(first.get("tcId").asInt()).isEqualTo(1);
        assertThat(first.get("section").asText()).startsWith("Art.");
        assertThat(first.get("expected").asText()).isEqualTo("valid");
        assertThat(first.get("actual").asText()).isEqualTo("valid");
        assertThat(first.get("status").asText()).isEqualTo("PASSED");
    }

    @Test
    void junitXmlHasOneSuitePerFileAndOneCasePerTcId() throws Exception {
        Path report = dir.resolve("out");
        assertThat(CliRun.of("conformance", "vectors", "--report", report.toString()).exitCode()).isZero();
        Element root = xml(report.resolve("junit.xml")).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        NodeList suites = root.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(VectorFile.SHIPPED.size());
        int total = 0;
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            String file = suite.getAttribute("name");
            int expected = JSON.readTree(shipped(file)).get("numberOfTests").asInt();
            assertThat(suite.getAttribute("tests")).as(file).isEqualTo(Integer.toString(expected));
            assertThat(suite.getElementsByTagName("testcase").getLength()).as(file).isEqualTo(expected);
            assertThat(suite.getAttribute("failures")).isEqualTo("0");
            assertThat(((Element) suite.getElementsByTagName("testcase").item(0)).getAttribute("name")).startsWith("tcId 1: ");
            total += expected;
        }
        assertThat(root.getAttribute("tests")).isEqualTo(Integer.toString(total));
        assertThat(root.getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void aCorruptedVectorFailsWithExitOneNamingTheCase() throws Exception {
        Path report = dir.resolve("out");
        CliRun run = CliRun.of("conformance", "vectors", "--vectors", corruptedVectors().toString(),
                "--report", report.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED sm4_test.json#1: RFC 8998 A.1 SM4-GCM example")
                .contains("expected valid, actual invalid (DECRYPTION_FAILED)").contains("FAIL: 1 case did not");
        Document junit = xml(report.resolve("junit.xml"));
        NodeList failures = junit.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(1);
        Element testcase = (Element) failures.item(0).getParentNode();
        assertThat(testcase.getAttribute("name")).startsWith("tcId 1: ");
        assertThat(((Element) testcase.getParentNode()).getAttribute("name")).isEqualTo("sm4_test.json");
        assertThat(((Element) testcase.getParentNode()).getAttribute("failures")).isEqualTo("1");
        assertThat(junit.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        JsonNode json = JSON.readTree(report.resolve("report.json").toFile());
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.at("/totals/failed").asInt()).isEqualTo(1);
    }

    /** Copies of every shipped file, with one field of one case of {@code file} changed by {@code change}. */
    private Path vectorsWithOneCaseChanged(String file, int group, int test, int tcId,
            java.util.function.Consumer<ObjectNode> change) throws IOException {
        Path vectors = Files.createDirectories(dir.resolve("changed"));
        for (String name : VectorFile.SHIPPED) {
            Files.writeString(vectors.resolve(name), shipped(name));
        }
        JsonNode doc = JSON.readTree(shipped(file));
        ObjectNode target = (ObjectNode) doc.at("/testGroups/" + group + "/tests/" + test);
        assertThat(target.get("tcId").asInt()).isEqualTo(tcId);
        change.accept(target);
        Files.writeString(vectors.resolve(file), JSON.writeValueAsString(doc));
        return vectors;
    }

    private static CliRun runFailingOnce(Path vectors, String caseId, String... reasons) {
        CliRun run = CliRun.of("conformance", "vectors", "--vectors", vectors.toString(), "--report",
                vectors.resolveSibling("out").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED " + caseId + ":").contains(reasons).contains("FAIL: 1 case did not");
        return run;
    }

    @Test
    void aChangedCanonicalStringFailsTheRequestSigningCaseAtStageOne() throws IOException {
        Path vectors = vectorsWithOneCaseChanged("request_signing_test.json", 0, 3, 4,
                t -> t.put("canonicalString", t.get("canonicalString").asText().replace("a&b=2", "b=2&a")));
        runFailingOnce(vectors, "request_signing_test.json#4", "stage 1: the canonical string differs");
    }

    @Test
    void aValidRequestSigningCaseWithAnotherCasesSignatureFailsAtStageThree() throws IOException {
        String other = JSON.readTree(shipped("request_signing_test.json")).at("/testGroups/0/tests/1/signature").asText();
        Path vectors = vectorsWithOneCaseChanged("request_signing_test.json", 0, 0, 1, t -> t.put("signature", other));
        runFailingOnce(vectors, "request_signing_test.json#1",
                "stage 3: expected valid, but the request was refused", "actual invalid (SIGNATURE_INVALID)");
    }

    @Test
    void aReceiptCodeWithAChangedDigitFailsByTcId() throws IOException {
        Path vectors = vectorsWithOneCaseChanged("receipt_code_test.json", 0, 0, 1, t -> {
            String text = t.get("text").asText();
            int last = text.length() - 1;
            t.put("text", text.substring(0, last) + (text.charAt(last) == '0' ? '1' : '0'));
        });
        runFailingOnce(vectors, "receipt_code_test.json#1", "expected valid, but the code was refused",
                "actual invalid (");
    }

    @Test
    void aReceiptCodeExpectedWithOtherFieldsFailsByTcId() throws IOException {
        Path vectors = vectorsWithOneCaseChanged("receipt_code_test.json", 0, 0, 1,
                t -> ((ObjectNode) t.get("decoded")).put("staffNumber", "0232"));
        runFailingOnce(vectors, "receipt_code_test.json#1", "accepted, but decoded differently: staffNumber 0231 instead of 0232");
    }

    @Test
    void aWorkingDayCountOffByOneFailsByTcId() throws IOException {
        // tcId 16: one working day after 2024-09-30 is 2024-10-08; a calendar that ignored the holiday gives 10-01
        Path vectors = vectorsWithOneCaseChanged("working_days_test.json", 0, 15, 16,
                t -> t.put("expected", "2024-10-01"));
        runFailingOnce(vectors, "working_days_test.json#16", "expected 2024-10-01, the SDK gave 2024-10-08");
    }

    @Test
    void aDeadlineExpectedToBeRefusedButComputedFailsByTcId() throws IOException {
        Path vectors = vectorsWithOneCaseChanged("working_days_test.json", 1, 0, 28, t -> t.put("result", "invalid"));
        runFailingOnce(vectors, "working_days_test.json#28", "expected DATE_NOT_COVERED, but the SDK answered");
    }

    @Test
    void anArt16DecisionChangedFailsByTcId() throws IOException {
        // tcId 4: the window of a case completed 2026-09-30 ends with Oct 13 (National Day, make-up Saturday Oct 10);
        // a tracker that ignored the make-up Saturday would mark it 未评 a day later
        Path vectors = vectorsWithOneCaseChanged("art16_tracker_test.json", 0, 3, 4,
                t -> ((ObjectNode) t.get("expected").get(0)).put("due", "2026-10-15T00:00:00+08:00"));
        runFailingOnce(vectors, "art16_tracker_test.json#4",
                "the SDK gave [C2 MARK_UNEVALUATED 2026-10-14T00:00:00+08:00]");
    }

    @Test
    void aScorecardFigureChangedFailsByTcId() throws IOException {
        // tcId 5: 61/8 = 7.625 rounds half up to 7.63; a half-even implementation would give 7.62
        Path vectors = vectorsWithOneCaseChanged("scorecard_test.json", 0, 4, 5,
                t -> ((ObjectNode) t.get("expected")).put("averageScore", "7.62"));
        runFailingOnce(vectors, "scorecard_test.json#5", "scored differently: averageScore 7.63 instead of 7.62");
    }

    @Test
    void anExpectedFailureIsReportedAsADeviationNotAFailure() throws Exception {
        Path list = dir.resolve("expected.txt");
        Files.writeString(list, "# known deviations\nsm4_test.json#1 ciphertext changed on purpose\n"
                + "hmac_sm3_test.json#1 listed but passes\n");
        Path report = dir.resolve("out");
        CliRun run = CliRun.of("conformance", "vectors", "--vectors", corruptedVectors().toString(),
                "--expected-failures", list.toString(), "--report", report.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("EXPECTED DEVIATION sm4_test.json#1")
                .contains("listed as expected: ciphertext changed on purpose")
                .contains("Listed as expected failures but passed (remove them from the list): hmac_sm3_test.json#1")
                .contains("0 failed, 1 expected deviation");
        Document junit = xml(report.resolve("junit.xml"));
        assertThat(junit.getElementsByTagName("failure").getLength()).isZero();
        assertThat(junit.getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(((Element) junit.getElementsByTagName("skipped").item(0)).getAttribute("message"))
                .startsWith("expected deviation: ciphertext changed on purpose");
        JsonNode json = JSON.readTree(report.resolve("report.json").toFile());
        assertThat(json.at("/totals/expectedDeviations").asInt()).isEqualTo(1);
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "sm4_test.json#1\n");
        CliRun badList = CliRun.of("conformance", "vectors", "--expected-failures", bad.toString(),
                "--report", dir.resolve("out").toString());
        assertThat(badList.exitCode()).isEqualTo(2);
        assertThat(badList.err()).contains("bad.txt: line 1:");

        Path vectors = Files.createDirectories(dir.resolve("odd"));
        Files.writeString(vectors.resolve("x.json"), "{\"algorithm\": \"MD5\", \"testGroups\": []}");
        CliRun unknown = CliRun.of("conformance", "vectors", "--vectors", vectors.toString(),
                "--report", dir.resolve("out").toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("x.json: unknown algorithm 'MD5'");

        Files.writeString(vectors.resolve("x.json"), "{\"algorithm\": ");
        assertThat(CliRun.of("conformance", "vectors", "--vectors", vectors.toString(),
                "--report", dir.resolve("out").toString()).err()).contains("x.json: not JSON");

        assertThat(CliRun.of("conformance").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("conformance", "vectors", "--bogus").exitCode()).isEqualTo(2);
    }
}
