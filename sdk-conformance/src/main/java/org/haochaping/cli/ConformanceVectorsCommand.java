package org.haochaping.cli;

import org.haochaping.conformance.kit.ExpectedFailures;
import org.haochaping.conformance.kit.JUnitXmlReport;
import org.haochaping.conformance.kit.VectorFile;
import org.haochaping.conformance.kit.VectorFileException;
import org.haochaping.conformance.kit.VectorReport;
import org.haochaping.conformance.kit.VectorRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hcp conformance vectors}: runs every vector file the kit ships (or those in {@code --vectors DIR})
 * against the SDK and writes {@code report.json}, {@code junit.xml} and {@code summary.txt}. Exit 0 when every
 * case passes (expected deviations included), 1 when one fails, 2 on a usage error or an unreadable file.
 */
@Command(name = "vectors", mixinStandardHelpOptions = true,
        description = {"Run the language-neutral test vectors (payload validity, SM2, SM4, HMAC-SM3, request signing, receipt codes, "
                + "working days, scorecard) against the SDK.",
            "Writes report.json, junit.xml (one testsuite per file, one testcase per tcId) and summary.txt.",
            "Exit 0: every case passed; 1: a case failed; 2: usage error or unreadable vector/expected-failures file."})
final class ConformanceVectorsCommand implements Callable<Integer> {

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "hcp-out/conformance",
            description = "Directory for report.json, junit.xml and summary.txt (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--vectors", paramLabel = "DIR",
            description = "Run the *.json vector files in DIR instead of those shipped in the kit.")
    Path vectorsDir;

    @Option(names = "--expected-failures", paramLabel = "FILE",
            description = "Cases to report as expected deviations, one 'file.json#tcId reason' a line.")
    Path expectedFailuresFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExpectedFailures expected;
        List<VectorFile> files;
        try {
            expected = expectedFailures();
            files = vectorsDir == null ? VectorFile.shipped() : VectorFile.inDirectory(vectorsDir);
        } catch (VectorFileException | IllegalArgumentException e) {
            err.println("hcp conformance vectors: " + e.getMessage());
            return 2;
        }
        boolean terminal = System.console() != null;
        VectorReport report;
        try {
            report = VectorRunner.run(files, expected, (done, total, c) -> {
                if (terminal && (done % 10 == 0 || done == total)) {
                    err.print("\r[" + done + "/" + total + "] " + c.file() + " ");
                    err.flush();
                }
            });
        } catch (VectorFileException e) {
            err.println("hcp conformance vectors: " + e.getMessage());
            return 2;
        }
        if (terminal) {
            err.println();
        }
        String summary = report.summary();
        try {
            Files.createDirectories(reportDir);
            Files.writeString(reportDir.resolve("report.json"), report.toJson());
            Files.writeString(reportDir.resolve("junit.xml"), JUnitXmlReport.toXml(report));
            Files.writeString(reportDir.resolve("summary.txt"), summary);
        } catch (IOException e) {
            err.println("hcp conformance vectors: cannot write the report to " + reportDir + ": " + e);
            return 2;
        }
        out.print(summary);
        out.println("Report: " + reportDir.resolve("summary.txt") + ", " + reportDir.resolve("report.json") + ", "
                + reportDir.resolve("junit.xml"));
        out.flush();
        return report.passed() ? 0 : 1;
    }

    private ExpectedFailures expectedFailures() {
        if (expectedFailuresFile == null) {
            return ExpectedFailures.none();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(expectedFailuresFile);
        } catch (IOException e) {
            throw new IllegalArgumentException(expectedFailuresFile + ": cannot read: " + e.getMessage(), e);
        }
        try {
            return ExpectedFailures.parse(lines);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(expectedFailuresFile + ": " + e.getMessage(), e);
        }
    }
}
