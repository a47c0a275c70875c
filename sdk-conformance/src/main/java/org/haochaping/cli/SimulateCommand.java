package org.haochaping.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.haochaping.conformance.simulator.FaultSchedule;
import org.haochaping.conformance.simulator.SimulatedPlatform;
import org.haochaping.conformance.simulator.StandaloneExport;
import org.haochaping.conformance.simulator.StandaloneTransformer;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hcp simulate}: runs the simulated central platform (docs/simulator.md) until stopped, with one
 * registered app, and prints what a client needs: base URL, platform public key, app id, key id, key file.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Runs the simulated central platform (docs/simulator.md) on this machine until stopped (Ctrl-C or SIGTERM).",
            "",
            "Registers one app. Without --app-key it uses the SM2 key pair app-private.pem / app-public.pem in the --out "
                + "folder, generated on first use; the platform key is kept there the same way (platform-private.pem), "
                + "so clients keep working across restarts.",
            "",
            "Prints, one per line: base-url, platform-public-key, platform-key-id, app-id, app-key-id, app-private-key "
                + "(when the folder holds it), national-app (each), mode.",
            "",
            "Exit code 2 for a usage error, an unreadable key or a port already in use; otherwise it serves until stopped.",
            ""})
final class SimulateCommand implements Callable<Integer> {

    static final String PLATFORM_PRIVATE = "platform-private.pem";
    static final String PLATFORM_PUBLIC = "platform-public.pem";
    static final String APP_PRIVATE = "app-private.pem";
    static final String APP_PUBLIC = "app-public.pem";

    @Spec
    CommandSpec spec;

    @Mixin
    SimulatorSetup setup;

    @Option(names = "--platform-key", paramLabel = "PRIVATE_FILE",
            description = "The platform's SM2 private key (PEM) instead of the one in --out.")
    Path platformKeyFile;

    @Option(names = "--national-apps-file", paramLabel = "FILE",
            description = "Also accept national envelopes (POST /v1/national/evaluations) of the senders in FILE: one "
                    + "APPMARK=APPWORD a line, '#' starts a comment. Keep it owner-only: it holds the app secrets.")
    Path nationalAppsFile;

    @Option(names = "--national-app", paramLabel = "APPMARK=APPWORD", hidden = true,
            description = "Deprecated: the app secret is visible to every user in ps. Use --national-apps-file.")
    List<String> nationalApps = new ArrayList<>();

    @Option(names = "--lenient",
            description = "Serve unsigned requests too and do not require Idempotency-Key (responses are still signed).")
    boolean lenient;

    @Option(names = "--faults", paramLabel = "unified|national|both",
            description = "Inject the faults of 'hcp conformance client' (docs/conformance.md, \"Faults\"): 503, 429 + "
                    + "Retry-After, a lost response, a reset and two tampered answers, each into the next new write of "
                    + "the style (unified writes, national envelopes or both), and write the observations (see "
                    + "--observations). Also in the --export.")
    String faultStyle;

    @Option(names = "--fault-schedule", paramLabel = "FILE",
            description = "Like --faults, with the faults listed in FILE, in order: {\"faults\": [\"fault-503\", "
                    + "\"national-fault-reset\", ...]} (ids of docs/simulator.md, \"Faults and observations from the command line\").")
    Path faultScheduleFile;

    @Option(names = "--observations", paramLabel = "FILE",
            description = "Write the observations (faults injected and the attempts that followed, attempts per "
                    + "idempotency key, re-keyed retries, writes counted twice, every request) as JSON to FILE after every "
                    + "request. Default with faults: observations.json in --out (with --export: in DIR).")
    Path observationsFile;

    @Option(names = "--export", paramLabel = "DIR",
            description = "Do not serve: write a standalone WireMock layout (mappings/, hcp-simulator.properties, key files, "
                + "extensions/README.txt) of this simulator into DIR and exit (docs/simulator.md, \"Standalone WireMock\").")
    Path export;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SimulatorSetup.Keys keys = setup.prepare("hcp simulate", platformKeyFile, err);
        if (keys == null) {
            return 2;
        }
        SimulatedPlatform.Builder builder = SimulatedPlatform.builder().port(setup.port).bindAddress(setup.bind).strict(!lenient);
        for (String app : nationalApps) {
            int eq = app.indexOf('=');
            if (eq < 1 || eq == app.length() - 1) {
                err.println("hcp simulate: --national-app takes APPMARK=APPWORD");
                return 2;
            }
        }
        if (!nationalApps.isEmpty()) {
            err.println("hcp simulate: warning: --national-app puts the app secret on the command line, where other users"
                    + " of this machine can read it (ps); use --national-apps-file instead");
        }
        if (nationalAppsFile != null) {
            try {
                nationalApps.addAll(nationalAppsIn(nationalAppsFile));
            } catch (IOException | IllegalArgumentException e) {
                err.println("hcp simulate: " + nationalAppsFile + ": " + e.getMessage());
                return 2;
            }
        }
        for (String app : nationalApps) {
            int eq = app.indexOf('=');
            builder.registerNationalApp(app.substring(0, eq), app.substring(eq + 1));
        }
        List<FaultSchedule.Step> faultSteps;
        try {
            faultSteps = faultSteps();
        } catch (IOException | IllegalArgumentException e) {
            err.println("hcp simulate: " + e.getMessage());
            return 2;
        }
        Path dir = keys.dir;
        PrivateKeyMaterial platformKey = keys.platformKey;
        PublicKeyMaterial appPublic = keys.appPublic;
        Path appPrivateFile = keys.appPrivateFile;
        String keyId = keys.appKeyId;
        if (export != null) {
            return export(stdout, err, platformKey, keyId, appPublic, faultSteps);
        }
        Path observations = observationsFile != null ? observationsFile.toAbsolutePath()
                : faultSteps.isEmpty() ? null : dir.resolve(StandaloneExport.DEFAULT_OBSERVATIONS).toAbsolutePath();
        builder.faultSchedule(faultSteps.isEmpty() ? null : FaultSchedule.of(faultSteps)).observationsFile(observations);
        SimulatedPlatform platform;
        try {
            platform = builder.platformKey(platformKey).registerApp(setup.appId, keyId, appPublic).start();
        } catch (IllegalArgumentException e) {
            err.println("hcp simulate: " + e.getMessage());
            return 2;
        } catch (IllegalStateException e) {
            err.println("hcp simulate: " + e.getMessage());
            return 2;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.stop();
            stdout.println("stopped");
            stdout.flush();
            stopped.countDown();
        }, "hcp-simulate-stop"));
        stdout.println("hcp simulate: the simulated central platform is serving (docs/simulator.md)");
        stdout.println("base-url: " + platform.baseUrl());
        stdout.println("platform-public-key: " + dir.resolve(PLATFORM_PUBLIC));
        stdout.println("platform-key-id: " + platform.platformKeyId());
        stdout.println("app-id: " + setup.appId);
        stdout.println("app-key-id: " + keyId);
        if (appPrivateFile != null) {
            stdout.println("app-private-key: " + appPrivateFile);
        }
        for (String app : nationalApps) {
            stdout.println("national-app: " + app.substring(0, app.indexOf('=')));
        }
        stdout.println("mode: " + (lenient ? "lenient" : "strict"));
        if (!faultSteps.isEmpty()) {
            stdout.println("faults: " + String.join(", ", faultSteps.stream().map(FaultSchedule.Step::id).toList()));
        }
        if (observations != null) {
            stdout.println("observations: " + observations);
        }
        stdout.println("Stop with Ctrl-C.");
        stdout.flush();
        stopped.await();
        return 0;
    }

    /** The steps of --faults or --fault-schedule; empty for none. */
    private List<FaultSchedule.Step> faultSteps() throws IOException {
        if (faultStyle != null && faultScheduleFile != null) {
            throw new IllegalArgumentException("--faults and --fault-schedule exclude each other");
        }
        if (faultStyle != null) {
            switch (faultStyle) {
                case "unified": return FaultSchedule.standard().steps();
                case "national": return FaultSchedule.national().steps();
                case "both": return FaultSchedule.both().steps();
                default: throw new IllegalArgumentException("--faults takes unified, national or both, not '" + faultStyle + "'");
            }
        }
        if (faultScheduleFile == null) {
            return List.of();
        }
        if (Files.size(faultScheduleFile) > SecretInput.MAX_FILE_BYTES) {
            throw new IOException(faultScheduleFile + ": larger than " + SecretInput.MAX_FILE_BYTES + " bytes");
        }
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(faultScheduleFile.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(faultScheduleFile + " is not JSON: " + e.getOriginalMessage());
        }
        com.fasterxml.jackson.databind.JsonNode ids = root == null ? null : root.get("faults");
        if (ids == null || !ids.isArray()) {
            throw new IllegalArgumentException(faultScheduleFile + ": faults must be an array of fault ids, e.g. "
                    + "{\"faults\": [\"fault-503\", \"fault-lost-response\"]}");
        }
        List<FaultSchedule.Step> steps = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode id : ids) {
            steps.add(FaultSchedule.Step.byId(id.asText()));
        }
        try {
            FaultSchedule.of(steps);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(faultScheduleFile + ": " + e.getMessage());
        }
        return steps;
    }

    private int export(PrintWriter stdout, PrintWriter err, PrivateKeyMaterial platformKey, String keyId,
            PublicKeyMaterial appPublic, List<FaultSchedule.Step> faultSteps) {
        Path target = export.toAbsolutePath().normalize();
        StandaloneExport.Builder b = StandaloneExport.builder().platformKey(platformKey, null).strict(!lenient);
        if (!faultSteps.isEmpty()) {
            b.faults(faultSteps);
        }
        if (observationsFile != null) {
            b.observationsFile(observationsFile.toString());
        }
        for (String app : nationalApps) {
            int eq = app.indexOf('=');
            b.nationalApp(app.substring(0, eq), app.substring(eq + 1));
        }
        StandaloneExport written;
        try {
            written = b.app(setup.appId, keyId, appPublic).writeTo(target);
        } catch (IllegalArgumentException e) {
            err.println("hcp simulate: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("hcp simulate: cannot write the export in " + target + ": " + e.getMessage());
            return 2;
        }
        stdout.println("hcp simulate: wrote a standalone WireMock layout (docs/simulator.md, \"Standalone WireMock\")");
        stdout.println("root-dir: " + target);
        stdout.println("mapping: " + target.resolve("mappings").resolve(StandaloneExport.MAPPING));
        stdout.println("config: " + target.resolve(StandaloneExport.PROPERTIES));
        stdout.println("extension: " + StandaloneTransformer.class.getName());
        stdout.println("platform-key-id: " + written.platformKeyId());
        stdout.println("app-id: " + setup.appId);
        stdout.println("app-key-id: " + keyId);
        if (!faultSteps.isEmpty()) {
            stdout.println("faults: " + String.join(", ", faultSteps.stream().map(FaultSchedule.Step::id).toList()));
        }
        if (written.observationsFile() != null) {
            stdout.println("observations: " + target.resolve(written.observationsFile()));
        }
        stdout.println("run: cd " + target + " && java -cp extensions/hcp.jar wiremock.Run --root-dir . --port " + setup.port
                + " --extensions " + StandaloneTransformer.class.getName() + "   (copy hcp.jar to extensions/ first; see extensions/README.txt)");
        stdout.flush();
        return 0;
    }

    /** The {@code APPMARK=APPWORD} lines of a national apps file (comments and blank lines skipped). */
    static List<String> nationalAppsIn(Path file) throws IOException {
        if (Files.size(file) > SecretInput.MAX_FILE_BYTES) {
            throw new IOException("larger than " + SecretInput.MAX_FILE_BYTES + " bytes");
        }
        List<String> apps = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8)) {
            n++;
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int eq = t.indexOf('=');
            if (eq < 1 || eq == t.length() - 1) {
                throw new IllegalArgumentException("line " + n + " is not APPMARK=APPWORD");
            }
            apps.add(t);
        }
        return apps;
    }

    /** The SM2 key in {@code file}, generated and written there (owner-only) on first use. */
    static PrivateKeyMaterial keptKey(Path file) throws IOException {
        if (Files.exists(file)) {
            return PemKeys.privateKey(file);
        }
        PrivateKeyMaterial key = PrivateKeyMaterial.generateSm2();
        KeygenCommand.writeNew(file, key.exportPkcs8Pem(), true);
        return key;
    }
}
