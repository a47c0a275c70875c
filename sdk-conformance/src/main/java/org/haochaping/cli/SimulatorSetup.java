package org.haochaping.cli;

import org.haochaping.conformance.simulator.SimulatedPlatform;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.keys.KeyAlgorithm;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import org.haochaping.crypto.sign.KeyIds;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The options and key setup that {@code hcp simulate} and {@code hcp conformance client} share (a picocli mixin):
 * where the simulated platform listens, the folder that keeps its key and the demo app's key pair across runs, and
 * the app it registers.
 */
final class SimulatorSetup {

    @Option(names = "--port", defaultValue = "8089", paramLabel = "N",
            description = "The port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = SimulatedPlatform.LOOPBACK, paramLabel = "ADDRESS",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--out", defaultValue = "hcp-out/simulator", paramLabel = "DIR",
            description = "Folder of the key files, shared by hcp simulate and hcp conformance client "
                    + "(default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--app-id", defaultValue = "demo-app", paramLabel = "ID",
            description = "The app id to register (default: ${DEFAULT-VALUE}).")
    String appId;

    @Option(names = "--app-key", paramLabel = "PUBLIC_FILE",
            description = "The app's public key (PEM: SM2 or EC P-256) to register instead of the key pair in --out.")
    Path appKey;

    @Option(names = "--app-key-id", paramLabel = "ID",
            description = "The key id the app signs with (default: the key's default id, as hcp keygen prints it).")
    String appKeyId;

    /** The keys ready to start a simulated platform with. */
    static final class Keys {
        final Path dir;
        final PrivateKeyMaterial platformKey;
        final PublicKeyMaterial appPublic;
        /** The kept app private key file, or {@code null} when {@code --app-key} named the app's key. */
        final Path appPrivateFile;
        final String appKeyId;

        Keys(Path dir, PrivateKeyMaterial platformKey, PublicKeyMaterial appPublic, Path appPrivateFile,
                String appKeyId) {
            this.dir = dir;
            this.platformKey = platformKey;
            this.appPublic = appPublic;
            this.appPrivateFile = appPrivateFile;
            this.appKeyId = appKeyId;
        }
    }

    /**
     * Checks the options and prepares the keys: the platform key from {@code platformKeyFile} or kept in {@code --out}
     * (written with its public half), the app's public key from {@code --app-key} or a key pair kept in {@code --out}.
     *
     * @return the keys, or {@code null} after printing why to {@code err} (the command then exits 2)
     */
    Keys prepare(String command, Path platformKeyFile, PrintWriter err) {
        if (port < 0 || port > 65535) {
            err.println(command + ": --port must be 0 to 65535");
            return null;
        }
        if (!KeyIds.isValid(appId) || (appKeyId != null && !KeyIds.isValid(appKeyId))) {
            err.println(command + ": --app-id and --app-key-id must be 1 to 64 characters of A-Z a-z 0-9 . _ : -");
            return null;
        }
        Path dir = out.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            PrivateKeyMaterial platformKey = platformKeyFile != null ? PemKeys.privateKey(platformKeyFile)
                    : SimulateCommand.keptKey(dir.resolve(SimulateCommand.PLATFORM_PRIVATE));
            if (platformKey.algorithm() != KeyAlgorithm.SM2) {
                err.println(command + ": the platform key must be an SM2 key");
                return null;
            }
            Files.write(dir.resolve(SimulateCommand.PLATFORM_PUBLIC),
                    platformKey.publicKey().toPem().getBytes(StandardCharsets.US_ASCII));
            PublicKeyMaterial appPublic;
            Path appPrivateFile = null;
            if (appKey != null) {
                appPublic = PemKeys.publicKey(appKey);
            } else {
                appPrivateFile = dir.resolve(SimulateCommand.APP_PRIVATE);
                appPublic = SimulateCommand.keptKey(appPrivateFile).publicKey();
                Files.write(dir.resolve(SimulateCommand.APP_PUBLIC), appPublic.toPem().getBytes(StandardCharsets.US_ASCII));
            }
            return new Keys(dir, platformKey, appPublic, appPrivateFile,
                    appKeyId != null ? appKeyId : appPublic.defaultKeyId());
        } catch (CryptoException e) {
            err.println(command + ": unusable key: " + e.getMessage());
            return null;
        } catch (IOException e) {
            err.println(command + ": cannot write the key files in " + dir + ": " + e.getMessage());
            return null;
        }
    }
}
