package org.haochaping.android.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's runtime dependency closure (OkHttp, Okio, Kotlin standard library, Jackson, Bouncy Castle, ZXing
 * core, SLF4J API) against the same Java 8 and Android API 26 signatures as the SDK's own classes. Every finding
 * must be explained in {@code android-gate/dependency-findings.txt} (and docs/android.md); nothing is switched off.
 */
class AndroidApiDependencyClosureTest {

    @Test
    void closureHoldsEveryRuntimeDependencyOfTheSdk() {
        List<String> jars = DependencyClosure.dependencyJars().stream()
                .map(p -> p.getFileName().toString())
                .collect(Collectors.toList());
        for (String expected : List.of("okhttp-jvm-", "okio-jvm-", "kotlin-stdlib-", "jackson-databind-",
                "jackson-core-", "jackson-annotations-", "bcprov-jdk18on-", "core-", "slf4j-api-")) {
            assertThat(jars).as("runtime closure").anyMatch(name -> name.startsWith(expected));
        }
        assertThat(DependencyClosure.dependencyJars()).allMatch(Files::isRegularFile);
    }

    @Test
    void everyFindingInTheDependenciesIsExplained() {
        List<ExplainedFindings.Explanation> explanations = ExplainedFindings.load();
        List<SignatureScan.Finding> unexplained = DependencyClosure.findings().stream()
                .filter(f -> explanations.stream().noneMatch(e -> e.explains(f)))
                .collect(Collectors.toList());
        assertThat(unexplained)
                .as("references outside Java 8 / Android API 26 in the SDK's dependencies that %s does not explain;"
                        + " find out whether the SDK can reach them on Android, then explain them there and in"
                        + " docs/android.md, or stop using the dependency", ExplainedFindings.RESOURCE)
                .isEmpty();
    }

    @Test
    void everyExplanationStillExplainsAFinding() {
        List<SignatureScan.Finding> findings = DependencyClosure.findings();
        List<ExplainedFindings.Explanation> stale = ExplainedFindings.load().stream()
                .filter(e -> findings.stream().noneMatch(e::explains))
                .collect(Collectors.toList());
        assertThat(stale).as("explanations that match no finding any more: delete them here and in docs/android.md")
                .isEmpty();
    }

    /** The scan reports what it must: a dependency that uses AWT fails Android API 26 but not Java 8. */
    @Test
    void scanReportsAnAwtUseInADependency(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("uses-awt.jar");
        String entry = UsesAwt.class.getName().replace('.', '/') + ".class";
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(entry);
                OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jarOut = new JarOutputStream(out)) {
            jarOut.putNextEntry(new JarEntry(entry));
            in.transferTo(jarOut);
            jarOut.closeEntry();
        }

        List<SignatureScan.Finding> android = DependencyClosure.signature("android-api-26").check(jar, Set.of());
        List<SignatureScan.Finding> java8 = DependencyClosure.signature("java-8").check(jar, Set.of());

        assertThat(android).extracting(SignatureScan.Finding::target)
                .contains("java.awt.Color", "java.awt.Color.<init>", "java.awt.Color.getRGB");
        assertThat(android).allMatch(f -> f.originClass().equals(UsesAwt.class.getName()));
        assertThat(java8).isEmpty();
    }

    /** Never run on Android: compiled so that the scan has something to find. */
    static final class UsesAwt {
        int red() {
            return new java.awt.Color(255, 0, 0).getRGB();
        }
    }
}
