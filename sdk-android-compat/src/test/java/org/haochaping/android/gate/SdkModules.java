package org.haochaping.android.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The three SDK modules that must run on Android 8.0 (API 26) and Java 8, found through the reactor's layout:
 * the build passes the repository root as {@code hcp.root.dir}. Their compiled classes are read from disk, never
 * loaded, so the JVM that runs the tests cannot hide a wrong class-file version.
 */
public enum SdkModules {
    SDK_CORE("sdk-core"),
    SDK_QRCODE("sdk-qrcode"),
    SDK_ANDROID_COMPAT("sdk-android-compat");

    private final String artifactId;

    SdkModules(String artifactId) {
        this.artifactId = artifactId;
    }

    public String artifactId() {
        return artifactId;
    }

    /** The repository root (the parent pom's directory). */
    public static Path rootDir() {
        return Paths.get(requiredProperty("hcp.root.dir")).toAbsolutePath().normalize();
    }

    public Path moduleDir() {
        return rootDir().resolve(artifactId);
    }

    /** {@code target/classes}: what the jar plugin packs. */
    public Path classesDir() {
        return moduleDir().resolve("target").resolve("classes");
    }

    /** The module's jar, which exists once the module has been packaged (in a reactor build, before this module's tests). */
    public Path jar() {
        return moduleDir().resolve("target").resolve(artifactId + "-" + requiredProperty("hcp.project.version") + ".jar");
    }

    /** True when the module has main Java sources, so that an empty classes directory would be a broken build. */
    public boolean hasMainSources() {
        Path sources = moduleDir().resolve("src").resolve("main").resolve("java");
        return !filesEndingWith(sources, ".java").isEmpty();
    }

    /**
     * The class files under the module's {@code target/classes} that Android and Java 8 load: all but the
     * multi-release section ({@code META-INF/versions/}), which holds the Java module descriptor only (see
     * {@link #multiReleaseFiles()}).
     */
    public List<Path> classFiles() {
        Path multiRelease = multiReleaseDir();
        return filesEndingWith(classesDir(), ".class").stream()
                .filter(p -> !p.startsWith(multiRelease))
                .collect(Collectors.toList());
    }

    /** Everything in the multi-release section of {@code target/classes}, as paths relative to it. */
    public List<String> multiReleaseFiles() {
        return filesEndingWith(multiReleaseDir(), "").stream()
                .map(p -> classesDir().relativize(p).toString().replace('\\', '/'))
                .collect(Collectors.toList());
    }

    private Path multiReleaseDir() {
        return classesDir().resolve("META-INF").resolve("versions");
    }

    static List<Path> filesEndingWith(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("System property " + name
                    + " is not set: run the tests through Maven (the sdk-android-compat pom passes it to Surefire)");
        }
        return value;
    }
}
