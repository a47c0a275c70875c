package org.haochaping.android.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Android gate fails the build. Runs a throw-away reactor ({@code src/test/gate}) with the same Maven and
 * local repository as this build: its modules inherit the gate from the real parent pom, one uses only allowed
 * APIs, the others deliberately use {@code java.awt}/{@code javax.imageio}, a Java 11 method and
 * {@code java.net.http}. One Maven run with {@code --fail-at-end}, offline in effect once the outer build has
 * resolved the same plugins (about 15 s on two cores).
 */
class GateCanFailTest {

    private static String log;
    private static int exitCode;

    @BeforeAll
    static void runTheThrowAwayBuild() throws IOException, InterruptedException {
        Path template = SdkModules.SDK_ANDROID_COMPAT.moduleDir().resolve("src/test/gate");
        Path project = SdkModules.SDK_ANDROID_COMPAT.moduleDir().resolve("target/gate-it");
        deleteRecursively(project);
        copy(template, project, SdkModules.requiredProperty("hcp.project.version"));

        Path mavenHome = Paths.get(SdkModules.requiredProperty("hcp.maven.home"));
        boolean windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
        Path mvn = mavenHome.resolve("bin").resolve(windows ? "mvn.cmd" : "mvn");
        Path logFile = project.resolve("build.log");
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "--fail-at-end",
                "-Dmaven.repo.local=" + SdkModules.requiredProperty("hcp.maven.repo.local"), "process-classes"));
        Process process = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the throw-away build did not finish in 5 minutes; see " + logFile);
        }
        exitCode = process.exitValue();
        log = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
    }

    @Test
    void buildFailsAndAModuleWithAllowedApisPasses() {
        assertThat(exitCode).as("exit code of the throw-away build\n%s", tail()).isNotZero();
        assertThat(log).as(tail()).containsPattern("gate-clean \\.+ SUCCESS");
        assertThat(log).as(tail()).containsPattern("animal-sniffer-maven-plugin:[^:]+:check \\(java-8\\) @ gate-clean");
        assertThat(log).as(tail())
                .containsPattern("animal-sniffer-maven-plugin:[^:]+:check \\(android-api-26\\) @ gate-clean");
    }

    @Test
    void awtAndImageIoFailTheAndroidApi26Check() {
        assertThat(log).as(tail()).containsPattern("gate-awt \\.+ FAILURE");
        assertThat(log).as(tail()).containsPattern(
                "DrawsWithAwt\\.java:\\d+: Undefined reference: java\\.awt\\.image\\.BufferedImage");
        assertThat(log).as(tail()).containsPattern(
                "DrawsWithAwt\\.java:\\d+: Undefined reference: .*javax\\.imageio\\.ImageIO\\.write");
        assertThat(log).as(tail()).contains("check (android-api-26) on project gate-awt: Signature errors found");
    }

    @Test
    void aJava11MethodFailsTheJava8Check() {
        assertThat(log).as(tail()).containsPattern("gate-java11-api \\.+ FAILURE");
        assertThat(log).as(tail()).containsPattern(
                "RepeatsStrings\\.java:\\d+: Undefined reference: String String\\.repeat\\(int\\)");
        assertThat(log).as(tail()).contains("check (java-8) on project gate-java11-api: Signature errors found");
    }

    @Test
    void javaNetHttpDoesNotEvenCompileAtRelease8() {
        assertThat(log).as(tail()).containsPattern("gate-net-http \\.+ FAILURE");
        assertThat(log).as(tail()).contains("package java.net.http does not exist");
        assertThat(log).as(tail()).containsPattern("maven-compiler-plugin:[^:]+:compile \\(default-compile\\) on project gate-net-http");
    }

    private static String tail() {
        String[] lines = log.split("\n");
        StringBuilder tail = new StringBuilder("last lines of target/gate-it/build.log:\n");
        for (int i = Math.max(0, lines.length - 60); i < lines.length; i++) {
            tail.append(lines[i]).append('\n');
        }
        return tail.toString();
    }

    private static void copy(Path from, Path to, String version) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (source.getFileName().toString().equals("pom.xml")) {
                    String pom = new String(Files.readAllBytes(source), StandardCharsets.UTF_8);
                    Files.write(target, pom.replace("@hcp.version@", version).getBytes(StandardCharsets.UTF_8));
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
