package org.haochaping.cli;

import org.haochaping.conformance.SamplePayloads;
import org.haochaping.conformance.SamplePayloads.Sample;
import org.haochaping.model.Evaluation;
import org.haochaping.model.Grade;
import org.haochaping.rules.EvaluationHistory;
import org.haochaping.rules.EvaluationPolicy;
import org.haochaping.rules.ValidationException;
import org.haochaping.rules.Violation;
import org.haochaping.wire.PayloadCodec;
import org.haochaping.wire.WireProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code hcp demo}: the main job. Builds a realistic evaluation for every channel and evaluation rule, checks
 * each against the rules, writes and reads it back in both wire profiles, shows a refused payload with its
 * violations, and writes the payload files to an output folder.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the end-to-end demo: sample evaluations for every channel and rule, checked, "
                + "written in both wire profiles and read back.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "hcp-out/demo", paramLabel = "DIR",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--quiet", description = "Print the summary only, not the payloads.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter p = spec.commandLine().getOut();
        EvaluationPolicy policy = EvaluationPolicy.standard();
        PayloadCodec unified = PayloadCodec.of(WireProfile.unified());
        PayloadCodec national = PayloadCodec.of(WireProfile.national());
        List<Evaluation> accepted = new ArrayList<>();
        List<Evaluation> nationalRecords = new ArrayList<>();
        Map<String, EvaluationHistory> histories = new HashMap<>();
        int failures = 0;

        p.println("好差评 SDK demo: one evaluation for every channel (Art. 9-10) and evaluation rule (Art. 11-15)");
        p.println();
        int n = 0;
        for (Sample s : SamplePayloads.all()) {
            n++;
            Evaluation e = s.evaluation();
            p.printf("%2d. %s  [%s]%n", n, s.title(), s.rule());
            List<Violation> violations = new ArrayList<>(policy.violations(e));
            String key = e.caseRecord().caseNo();
            EvaluationHistory history = histories.containsKey(key) ? histories.get(key) : EvaluationHistory.empty();
            violations.addAll(history.violations(e));
            if (!violations.isEmpty()) {
                failures++;
                p.println("    REFUSED (unexpected): " + violations);
                continue;
            }
            histories.put(key, history.with(e));
            accepted.add(e);
            p.printf("    %s %s (%d points), %s, %s%s%n", e.grade().chineseName(),
                    e.grade().isGood() ? "好评" : "差评", e.grade().score(), e.channel().chineseName(),
                    e.channel().cadence().chineseName(),
                    e.grade().isBad() ? " -> opens a bad-review work order (Art. 18)" : "");
            String u = unified.write(e);
            boolean sameU = unified.readEvaluation(u).equals(e);
            String nat;
            boolean sameN;
            try {
                nat = national.write(e);
                sameN = national.readEvaluation(nat).equals(e);
                nationalRecords.add(e);
            } catch (ValidationException notExpressible) {
                nat = "(not expressible: " + notExpressible.violations().get(0) + ")";
                sameN = true;
            }
            p.printf("    unified %d bytes, read back %s; national %s%n", u.getBytes(StandardCharsets.UTF_8).length,
                    sameU ? "identical" : "DIFFERENT",
                    nat.startsWith("(") ? nat : nat.getBytes(StandardCharsets.UTF_8).length + " bytes, read back "
                            + (sameN ? "identical" : "DIFFERENT"));
            if (!sameU || !sameN) {
                failures++;
            }
            if (!quiet) {
                p.println("    national: " + nat);
            }
        }

        p.println();
        p.println("A refused payload: a 差评 with no reason, an indicator of the wrong grade, a bad ID number");
        Evaluation bad = SamplePayloads.all().get(0).evaluation().toBuilder().grade(Grade.VERY_DISSATISFIED)
                .indicators("1201").evaluator(SamplePayloads.all().get(0).evaluation().evaluator().toBuilder()
                        .certificate(org.haochaping.model.CertificateType.RESIDENT_ID_CARD, "120101198506121237")
                        .build()).build();
        for (Violation v : policy.violations(bad)) {
            p.println("    " + v);
        }

        Files.createDirectories(out);
        Path u = out.resolve("evaluations-unified.json");
        Path nat = out.resolve("evaluations-national.json");
        Files.write(u, unified.writePretty(accepted).getBytes(StandardCharsets.UTF_8));
        Files.write(nat, national.writePretty(nationalRecords).getBytes(StandardCharsets.UTF_8));
        p.println();
        p.printf("%d evaluations accepted, %d unexpected failures.%n", accepted.size(), failures);
        p.println("Wrote " + u + " and " + nat);
        p.println("Check them again with: ./hcp validate " + u + " && ./hcp validate --profile national " + nat);
        p.flush();
        return failures == 0 ? 0 : 1;
    }
}
