package org.haochaping.android.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SDK's runtime dependency closure, as Maven resolved it for sdk-android-compat (which depends on the other
 * two SDK modules and on okhttp-jvm), and what the two gate signatures say about it. The build writes the
 * inputs to {@code android.gate.dir}: {@code runtime-classpath.txt} and the two signature files.
 */
final class DependencyClosure {

    /** Signature ids, named like the animal-sniffer executions in the parent pom, and their files. */
    static final Map<String, String> SIGNATURES;

    static {
        Map<String, String> signatures = new LinkedHashMap<>();
        signatures.put("java-8", "java18.signature");
        signatures.put("android-api-26", "gummy-bears-api-26.signature");
        SIGNATURES = Collections.unmodifiableMap(signatures);
    }

    private static final Map<String, SignatureScan> SCANS = new LinkedHashMap<>();
    private static List<SignatureScan.Finding> findings;

    private DependencyClosure() {
    }

    static Path gateDir() {
        return Paths.get(SdkModules.requiredProperty("android.gate.dir"));
    }

    /** Every runtime classpath entry: the SDK's own modules and the third-party jars. */
    static List<Path> runtimeClasspath() {
        Path file = gateDir().resolve("runtime-classpath.txt");
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
            return Arrays.stream(text.split(java.io.File.pathSeparator))
                    .filter(s -> !s.isEmpty())
                    .map(s -> Paths.get(s).toAbsolutePath().normalize())
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (written by maven-dependency-plugin)", e);
        }
    }

    /** The third-party jars: everything outside this repository. The SDK's own classes are checked by the plugin. */
    static List<Path> dependencyJars() {
        Path root = SdkModules.rootDir();
        return runtimeClasspath().stream().filter(p -> !p.startsWith(root)).collect(Collectors.toList());
    }

    /** The loaded signature {@code java-8} or {@code android-api-26}. */
    static synchronized SignatureScan signature(String id) {
        String file = SIGNATURES.get(id);
        if (file == null) {
            throw new IllegalArgumentException("no signature " + id + ", only " + SIGNATURES.keySet());
        }
        return SCANS.computeIfAbsent(id, key -> new SignatureScan(key, gateDir().resolve(file)));
    }

    /** All findings of both signatures over all dependency jars; computed once per test JVM (a few seconds). */
    static synchronized List<SignatureScan.Finding> findings() {
        if (findings == null) {
            Set<String> known = SignatureScan.classesIn(runtimeClasspath());
            List<SignatureScan.Finding> all = new ArrayList<>();
            for (Map.Entry<String, String> signature : SIGNATURES.entrySet()) {
                SignatureScan scan = signature(signature.getKey());
                for (Path jar : dependencyJars()) {
                    try {
                        all.addAll(scan.check(jar, known));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot check " + jar, e);
                    }
                }
            }
            findings = Collections.unmodifiableList(all);
        }
        return findings;
    }
}
