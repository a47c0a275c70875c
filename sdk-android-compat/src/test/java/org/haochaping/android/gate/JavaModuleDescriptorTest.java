package org.haochaping.android.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java module descriptors of the SDK modules ({@code src/main/java9/module-info.java}, compiled into
 * {@code META-INF/versions/9}) keep up with the sources: the module is named as the jar's {@code Automatic-Module-Name}
 * always said (renaming a module breaks every {@code requires}), every package with a public type is exported unless
 * it is an {@code ...internal...} package, no internal package is exported to everyone, and a package holding only
 * resources is opened (else neither the module's own class-loader look-ups nor an application can read them). A new
 * package that a merge brings in fails here until the descriptor names it. Reads sources, so it runs in
 * {@code mvn test}; {@code .ci/consumer} runs the compiled descriptors on the module path.
 */
class JavaModuleDescriptorTest {

    private static final Pattern PUBLIC_TOP_LEVEL_TYPE = Pattern.compile(
            "^public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|interface|enum|@interface|record)\\s",
            Pattern.MULTILINE);

    @ParameterizedTest
    @ValueSource(strings = {"sdk-core", "sdk-qrcode", "sdk-android-compat", "sdk-jdbc"})
    void descriptorMatchesTheSources(String artifactId) throws IOException {
        Path module = SdkModules.rootDir().resolve(artifactId);
        Path descriptor = module.resolve("src/main/java9/module-info.java");
        assertThat(descriptor).as("module descriptor of %s", artifactId).isRegularFile();
        String source = withoutComments(read(descriptor));

        Matcher name = Pattern.compile("\\bmodule\\s+([\\w.]+)\\s*\\{").matcher(source);
        assertThat(name.find()).as("module declaration in %s", descriptor).isTrue();
        Matcher automatic = Pattern.compile("<automatic.module.name>([^<]+)</automatic.module.name>")
                .matcher(read(module.resolve("pom.xml")));
        assertThat(automatic.find()).as("automatic.module.name in %s/pom.xml", artifactId).isTrue();
        assertThat(name.group(1)).as("module name of %s", artifactId).isEqualTo(automatic.group(1));

        Set<String> exported = directives(source, "exports");
        Set<String> publicPackages = packagesWithPublicTypes(module.resolve("src/main/java"));
        Set<String> api = publicPackages.stream().filter(p -> !isInternal(p)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(exported).as("packages %s exports (every package with public types but internal ones)", artifactId)
                .isEqualTo(api);
        assertThat(exported).as("internal packages %s exports to everyone", artifactId).noneMatch(JavaModuleDescriptorTest::isInternal);

        Set<String> resourceOnly = resourcePackages(module.resolve("src/main/resources"));
        resourceOnly.removeAll(packagesWithSources(module.resolve("src/main/java")));
        assertThat(directives(source, "opens")).as("packages of %s that hold only resources are opened", artifactId)
                .containsAll(resourceOnly);
    }

    private static boolean isInternal(String pkg) {
        return ("." + pkg + ".").contains(".internal.");
    }

    /** Package names after {@code directive} without a {@code to} clause. */
    private static Set<String> directives(String source, String directive) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\b" + directive + "\\s+([\\w.]+)\\s*;").matcher(source);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Set<String> packagesWithPublicTypes(Path sources) {
        return javaFiles(sources).stream()
                .filter(f -> PUBLIC_TOP_LEVEL_TYPE.matcher(withoutComments(read(f))).find())
                .map(f -> packageOf(sources, f.getParent()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> packagesWithSources(Path sources) {
        return javaFiles(sources).stream().map(f -> packageOf(sources, f.getParent()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Directories under {@code resources} (outside META-INF) that hold a file, as package names. */
    private static Set<String> resourcePackages(Path resources) throws IOException {
        Set<String> packages = new TreeSet<>();
        if (!Files.isDirectory(resources)) {
            return packages;
        }
        try (Stream<Path> files = Files.walk(resources)) {
            files.filter(Files::isRegularFile)
                    .map(Path::getParent)
                    .filter(dir -> !dir.equals(resources) && !resources.relativize(dir).startsWith("META-INF"))
                    .forEach(dir -> packages.add(packageOf(resources, dir)));
        }
        return packages;
    }

    private static Set<Path> javaFiles(Path sources) {
        return SdkModules.filesEndingWith(sources, ".java").stream().collect(Collectors.toSet());
    }

    private static String packageOf(Path root, Path dir) {
        return root.relativize(dir).toString().replace('\\', '/').replace('/', '.');
    }

    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
