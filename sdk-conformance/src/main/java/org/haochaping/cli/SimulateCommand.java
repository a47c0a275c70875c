package org.haochaping.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

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
        Path dir = keys.dir;
        PrivateKeyMaterial platformKey = keys.platformKey;
        PublicKeyMaterial appPublic = keys.appPublic;
        Path appPrivateFile = keys.appPrivateFile;
        String keyId = keys.appKeyId;
        if (export != null) {
            return export(stdout, err, platformKey, keyId, appPublic);
        }
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
        stdout.println("Stop with Ctrl-C.");
        stdout.flush();
        stopped.await();
        return 0;
    }

    private int export(PrintWriter stdout, PrintWriter err, PrivateKeyMaterial platformKey, String keyId,
            PublicKeyMaterial appPublic) {
        Path target = export.toAbsolutePath().normalize();
        StandaloneExport.Builder b = StandaloneExport.builder().platformKey(platformKey, null).strict(!lenient);
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
