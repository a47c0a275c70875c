package org.haochaping.cli;

import org.haochaping.conformance.kit.JUnitXmlReport;
import org.haochaping.conformance.kit.server.ServerConformance;
import org.haochaping.conformance.kit.server.ServerReport;
import org.haochaping.conformance.kit.server.UnreachableTargetException;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import org.haochaping.crypto.sign.Sm2Signer;
import org.haochaping.crypto.sign.Sm2Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code hcp conformance server}: checks a central platform's answers (docs/interface-spec.md sections 4 and 5)
 * by playing a well-behaved and a misbehaving client against it, and writes {@code report.json},
 * {@code junit.xml} and {@code summary.txt}. Exit 0 when every check passes, 1 when one fails, 2 on a usage
 * error, an unreadable key or a target that does not answer.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = {"Check a central 好差评 platform: signed responses, error codes, idempotency, refusal of "
                + "invalid payloads (interface-spec sections 4 and 5).",
            "It submits a few 差评 under fresh case numbers (each opens a work order): point it at a test platform.",
            "Writes report.json, junit.xml (one testcase per check) and summary.txt.",
            "Exit 0: every check passed; 1: a check failed; 2: usage error, unreadable key, unreachable target."})
final class ConformanceServerCommand implements Callable<Integer> {

    @Option(names = "--target", required = true, paramLabel = "URL", description = "The platform's base URL.")
    String target;

    @Option(names = "--key", required = true, paramLabel = "PRIVATE_FILE",
            description = "The registered app's SM2 private key (PEM) that signs the requests.")
    Path key;

    @Option(names = "--platform-key", required = true, paramLabel = "PUBLIC_FILE",
            description = "The platform's SM2 public key (PEM) that must verify every answer.")
    Path platformKey;

    @Option(names = "--app-id", defaultValue = "demo-app", paramLabel = "ID",
            description = "The app id the platform registered with --key (default ${DEFAULT-VALUE}, as "
                    + "'hcp simulate' registers).")
    String appId;

    @Option(names = "--key-id", paramLabel = "ID",
            description = "The key id the platform knows the app key by (default: derived from the public key).")
    String keyId;

    @Option(names = "--platform-key-id", paramLabel = "ID",
            description = "The platform's key id (default: derived from its public key).")
    String platformKeyId;

    @Option(names = "--national-app-mark", paramLabel = "MARK",
            description = "Also check the national endpoint (5.7) as this sender: re-spelled envelope replays must be "
                    + "refused. Its appWord comes from --national-app-word-file or HCP_APP_WORD.")
    String nationalAppMark;

    @Option(names = "--national-app-word-file", paramLabel = "FILE",
            description = "A file whose first line is the national sender's appWord (the app secret).")
    Path nationalAppWordFile;

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "hcp-out/conformance/server",
            description = "Directory for report.json, junit.xml and summary.txt (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServerConformance conformance;
        try {
            PrivateKeyMaterial appKey = PemKeys.privateKey(key);
            PublicKeyMaterial platform = PemKeys.publicKey(platformKey);
            conformance = new ServerConformance(target, appId,
                    Sm2Signer.builder(appKey).keyId(keyId != null ? keyId : appKey.publicKey().defaultKeyId()).build(),
                    Sm2Verifier.builder().key(platformKeyId != null ? platformKeyId : platform.defaultKeyId(), platform)
                            .build());
            if (nationalAppMark != null) {
                String word = SecretInput.read(null, null, nationalAppWordFile, "HCP_APP_WORD", "hcp conformance server", err);
                if (word == null) {
                    err.println("hcp conformance server: --national-app-mark needs --national-app-word-file or HCP_APP_WORD");
                    return 2;
                }
                conformance.nationalApp(nationalAppMark, word, platform);
            }
        } catch (IOException | RuntimeException e) {
            err.println("hcp conformance server: " + e.getMessage());
            return 2;
        }
        ServerReport report;
        try {
            report = conformance.run();
        } catch (UnreachableTargetException e) {
            err.println("hcp conformance server: " + e.getMessage());
            return 2;
        }
        String summary = report.summary();
        try {
            Files.createDirectories(reportDir);
            Files.writeString(reportDir.resolve("report.json"), report.toJson());
            Files.writeString(reportDir.resolve("junit.xml"), JUnitXmlReport.toXml(report));
            Files.writeString(reportDir.resolve("summary.txt"), summary);
        } catch (IOException e) {
            err.println("hcp conformance server: cannot write the report to " + reportDir + ": " + e);
            return 2;
        }
        out.print(summary);
        out.println("Report: " + reportDir.resolve("summary.txt") + ", " + reportDir.resolve("report.json") + ", "
                + reportDir.resolve("junit.xml"));
        out.flush();
        return report.passed() ? 0 : 1;
    }
}
