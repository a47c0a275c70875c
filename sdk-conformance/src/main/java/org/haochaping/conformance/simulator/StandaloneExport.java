package org.haochaping.conformance.simulator;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.haochaping.crypto.CryptoException;
import org.haochaping.crypto.keys.KeyAlgorithm;
import org.haochaping.crypto.keys.PemKeys;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.haochaping.crypto.keys.PublicKeyMaterial;
import org.haochaping.crypto.sign.KeyIds;

/**
 * Writes the simulator as a standalone WireMock layout (WireMock's {@code --root-dir}):
 *
 * <ul>
 *   <li>{@code mappings/hcp-central-platform.json}: the catch-all stub the embedded simulator registers, naming
 *       the transformer {@value PlatformTransformer#NAME};</li>
 *   <li>{@value #PROPERTIES}: the platform key, the registered app, the mode and, when asked for, the faults to
 *       inject ({@code faults}: step ids in order) and the observations file ({@code observations-file}), read by
 *       {@link StandaloneTransformer};</li>
 *   <li>{@code platform-private.pem} (owner-only where the file system allows), {@code app-public.pem};</li>
 *   <li>{@code extensions/README.txt}: how to put the kit's jar on the server's classpath.</li>
 * </ul>
 *
 * <pre>{@code
 * StandaloneExport.builder().platformKey(platformKey, null).app("demo-app", keyId, appPublicKey).writeTo(dir);
 * }</pre>
 */
public final class StandaloneExport {

    /** The properties file in the exported folder. */
    public static final String PROPERTIES = "hcp-simulator.properties";
    /** The mapping file under {@code mappings/}. */
    public static final String MAPPING = "hcp-central-platform.json";

    static final String PLATFORM_PRIVATE_KEY = "platform-private-key";
    static final String PLATFORM_KEY_ID = "platform-key-id";
    static final String APP_ID = "app-id";
    static final String APP_KEY_ID = "app-key-id";
    static final String APP_PUBLIC_KEY = "app-public-key";
    static final String STRICT = "strict";
    static final String NATIONAL_APP = "national-app.";
    static final String FAULTS = "faults";
    static final String OBSERVATIONS_FILE = "observations-file";
    /** The observations file the export names when faults are asked for and no other file is. */
    public static final String DEFAULT_OBSERVATIONS = "observations.json";

    private static final String PLATFORM_KEY_FILE = "platform-private.pem";
    private static final String APP_KEY_FILE = "app-public.pem";

    private final PrivateKeyMaterial platformKey;
    private final String platformKeyId;
    private final String appId;
    private final String appKeyId;
    private final PublicKeyMaterial appKey;
    private final boolean strict;
    private final Map<String, String> nationalApps;
    private final List<FaultSchedule.Step> faults;
    private final String observationsFile;

    private StandaloneExport(Builder b) {
        this.faults = List.copyOf(b.faults);
        this.observationsFile = b.observationsFile != null ? b.observationsFile
                : faults.isEmpty() ? null : DEFAULT_OBSERVATIONS;
        this.platformKey = b.platformKey;
        this.platformKeyId = b.platformKeyId != null ? b.platformKeyId : b.platformKey.publicKey().defaultKeyId();
        this.appId = b.appId;
        this.appKeyId = b.appKeyId;
        this.appKey = b.appKey;
        this.strict = b.strict;
        this.nationalApps = new LinkedHashMap<>(b.nationalApps);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The platform key id the exported server signs its responses under. */
    public String platformKeyId() {
        return platformKeyId;
    }

    /** The observations file the exported server writes (relative to the export's folder unless absolute); or {@code null}. */
    public String observationsFile() {
        return observationsFile;
    }

    /** Writes the layout into {@code dir} (created if missing; the files named above are replaced). */
    public void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("mappings"));
        Files.createDirectories(dir.resolve("extensions"));
        Files.write(dir.resolve("mappings").resolve(MAPPING),
                StubMapping.buildJsonStringFor(SimulatedPlatform.catchAllStub()).getBytes(StandardCharsets.UTF_8));
        Path keyFile = ownerOnly(dir.resolve(PLATFORM_KEY_FILE));
        Files.write(keyFile, platformKey.exportPkcs8Pem().getBytes(StandardCharsets.US_ASCII));
        Files.write(dir.resolve(APP_KEY_FILE), appKey.toPem().getBytes(StandardCharsets.US_ASCII));

        Properties p = new Properties();
        p.setProperty(PLATFORM_PRIVATE_KEY, PLATFORM_KEY_FILE);
        p.setProperty(PLATFORM_KEY_ID, platformKeyId);
        p.setProperty(APP_ID, appId);
        p.setProperty(APP_KEY_ID, appKeyId);
        p.setProperty(APP_PUBLIC_KEY, APP_KEY_FILE);
        p.setProperty(STRICT, Boolean.toString(strict));
        for (Map.Entry<String, String> app : nationalApps.entrySet()) {
            p.setProperty(NATIONAL_APP + app.getKey(), app.getValue());
        }
        if (!faults.isEmpty()) {
            p.setProperty(FAULTS, String.join(",", faults.stream().map(FaultSchedule.Step::id).toList()));
        }
        if (observationsFile != null) {
            p.setProperty(OBSERVATIONS_FILE, observationsFile);
        }
        // owner-only before anything is written: it holds the national apps' secrets (appWord)
        try (Writer w = Files.newBufferedWriter(ownerOnly(dir.resolve(PROPERTIES)), StandardCharsets.UTF_8)) {
            p.store(w, "hcp simulator for the standalone WireMock server (docs/simulator.md); key files relative to this file");
        }
        Files.write(dir.resolve("extensions").resolve("README.txt"), readme().getBytes(StandardCharsets.UTF_8));
    }

    /** A new, empty file only its owner can read and write (on POSIX file systems). */
    private static Path ownerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createFile(file); // Windows: the folder's ACL applies
        }
    }

    private static String readme() {
        String ext = StandaloneTransformer.class.getName();
        return String.join("\n",
                "The simulated central platform computes and signs every response in Java: the standalone WireMock",
                "server needs the kit's jar (sdk-conformance/target/hcp.jar, which also holds WireMock 3) and the",
                "extension " + ext + ".",
                "",
                "Run from the exported folder (the one holding mappings/ and " + PROPERTIES + "):",
                "",
                "  java -cp extensions/hcp.jar wiremock.Run --root-dir . --port 8089 \\",
                "       --extensions " + ext,
                "",
                "or with WireMock's own standalone jar, the kit's jar beside it on the classpath:",
                "",
                "  java -Dhcp.simulator.config=" + PROPERTIES + " \\",
                "       -cp wiremock-standalone-3.13.2.jar:extensions/hcp.jar wiremock.Run --root-dir . --port 8089 \\",
                "       --extensions " + ext,
                "",
                "Copy hcp.jar into this folder first. The extension reads the file named by -D" + StandaloneTransformer.CONFIG_PROPERTY,
                "or, without it, " + PROPERTIES + " in the working directory.",
                "");
    }

    /**
     * The builder of the simulator {@code file} describes, as {@link #writeTo} writes it; key files resolve
     * against the file's folder.
     */
    static SimulatedPlatform.Builder read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("hcp simulator: cannot read " + file.toAbsolutePath()
                    + " (set -D" + StandaloneTransformer.CONFIG_PROPERTY + " to the exported " + PROPERTIES + "): " + e.getMessage(), e);
        }
        Path base = file.toAbsolutePath().getParent();
        try {
            PrivateKeyMaterial platformKey = PemKeys.privateKey(base.resolve(required(p, file, PLATFORM_PRIVATE_KEY)));
            PublicKeyMaterial appKey = PemKeys.publicKey(base.resolve(required(p, file, APP_PUBLIC_KEY)));
            SimulatedPlatform.Builder b = SimulatedPlatform.builder()
                    .platformKey(platformKey, p.getProperty(PLATFORM_KEY_ID))
                    .registerApp(required(p, file, APP_ID), required(p, file, APP_KEY_ID), appKey)
                    .strict(!"false".equalsIgnoreCase(p.getProperty(STRICT, "true").trim()));
            for (String name : p.stringPropertyNames()) {
                if (name.startsWith(NATIONAL_APP)) {
                    b.registerNationalApp(name.substring(NATIONAL_APP.length()), p.getProperty(name));
                }
            }
            String faults = p.getProperty(FAULTS, "").trim();
            if (!faults.isEmpty()) {
                List<FaultSchedule.Step> steps = new ArrayList<>();
                for (String id : faults.split(",")) {
                    steps.add(FaultSchedule.Step.byId(id.trim()));
                }
                b.faultSchedule(FaultSchedule.of(steps));
            }
            String observations = p.getProperty(OBSERVATIONS_FILE, "").trim();
            if (!observations.isEmpty()) {
                b.observationsFile(base.resolve(observations));
            }
            return b;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("hcp simulator: " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        } catch (CryptoException e) {
            throw new IllegalStateException("hcp simulator: unusable key file named in " + file.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    private static String required(Properties p, Path file, String name) {
        String value = p.getProperty(name);
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalStateException("hcp simulator: " + file.toAbsolutePath() + " has no " + name);
        }
        return value.trim();
    }

    /** Settings of a {@link StandaloneExport}. */
    public static final class Builder {
        private PrivateKeyMaterial platformKey;
        private String platformKeyId;
        private String appId;
        private String appKeyId;
        private PublicKeyMaterial appKey;
        private boolean strict = true;
        private final Map<String, String> nationalApps = new LinkedHashMap<>();
        private final List<FaultSchedule.Step> faults = new ArrayList<>();
        private String observationsFile;

        private Builder() {
        }

        /**
         * The faults the exported server injects, each into the next new write of its style, in this order (the
         * schedule of {@code hcp conformance client}: {@link FaultSchedule#standard()}, {@link FaultSchedule#national()}
         * or {@link FaultSchedule#both()}, or any of their steps once each); default none.
         */
        public Builder faults(List<FaultSchedule.Step> steps) {
            FaultSchedule.of(steps);   // each at most once, at least one
            this.faults.clear();
            this.faults.addAll(steps);
            return this;
        }

        /**
         * Where the exported server writes its observations (docs/simulator.md, "Faults and observations from the
         * command line"), relative to the export's folder unless absolute; default {@value StandaloneExport#DEFAULT_OBSERVATIONS} when faults are
         * set, else none.
         */
        public Builder observationsFile(String file) {
            if (file == null || file.trim().isEmpty()) {
                throw new IllegalArgumentException("the observations file is a path");
            }
            this.observationsFile = file.trim();
            return this;
        }

        /** The platform's SM2 key and key id ({@code null}: the key's default id). */
        public Builder platformKey(PrivateKeyMaterial key, String keyId) {
            if (key == null || key.algorithm() != KeyAlgorithm.SM2) {
                throw new CryptoException(CryptoException.Reason.KEY_UNUSABLE, "the platform key must be an SM2 private key");
            }
            this.platformKey = key;
            this.platformKeyId = keyId == null ? null : KeyIds.require(keyId);
            return this;
        }

        /** The one registered app: its id, key id and SM2 (or EC P-256) public key. */
        public Builder app(String appId, String keyId, PublicKeyMaterial publicKey) {
            SimulatedPlatform.verifierFor(keyId, publicKey);
            this.appId = KeyIds.require(appId);
            this.appKeyId = keyId;
            this.appKey = publicKey;
            return this;
        }

        /** See {@link SimulatedPlatform.Builder#strict(boolean)}; default {@code true}. */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** Also accept national envelopes of {@code appMark} (5.7). */
        public Builder nationalApp(String appMark, String appWord) {
            if (appMark == null || appMark.isEmpty() || appWord == null || appWord.isEmpty()) {
                throw new IllegalArgumentException("appMark and appWord are required");
            }
            nationalApps.put(appMark, appWord);
            return this;
        }

        public StandaloneExport build() {
            if (platformKey == null || appId == null) {
                throw new IllegalStateException("a platform key and an app are required");
            }
            return new StandaloneExport(this);
        }

        /** Builds and writes into {@code dir}. */
        public StandaloneExport writeTo(Path dir) throws IOException {
            StandaloneExport export = build();
            export.writeTo(dir);
            return export;
        }
    }
}
