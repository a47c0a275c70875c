package org.haochaping.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.haochaping.conformance.simulator.SimulatedPlatform;
import org.haochaping.crypto.keys.PrivateKeyMaterial;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The READMEs' Java blocks, exactly as written: each block is a complete source file (imports included), the blocks
 * of one README compile together at {@code --release 8} against the SDK, and every {@code main} runs against a
 * simulated central platform with the arguments {@code ./hcp simulate} prints (base URL, app id, app private key
 * file, platform public key file). A {@code // prints: TEXT} comment is a promise: the run's output must contain
 * TEXT. So a snippet that stops compiling, fails, or prints something else than its comment says fails the build.
 */
class ReadmeSnippetsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("public class (\\w+)");
    private static final Pattern PRINTS = Pattern.compile("// prints: (.+)");

    /** Class name to source, in the order the README shows them. */
    static Map<String, String> javaBlocks(String readme) throws IOException {
        String text = new String(Files.readAllBytes(root().resolve(readme)), StandardCharsets.UTF_8);
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher m = JAVA_BLOCK.matcher(text);
        while (m.find()) {
            Matcher name = CLASS_NAME.matcher(m.group(1));
            assertThat(name.find()).as(readme + ": a Java block without a public class:%n%s", m.group(1)).isTrue();
            assertThat(blocks.put(name.group(1), m.group(1))).as(readme + ": two blocks declare " + name.group(1))
                    .isNull();
        }
        return blocks;
    }

    private static Path root() {
        return Paths.get(System.getProperty("hcp.root.dir", ".."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "README.zh-CN.md"})
    void everyJavaBlockCompilesAtJava8AndRunsAgainstTheSimulator(String readme, @TempDir Path dir) throws Exception {
        Map<String, String> blocks = javaBlocks(readme);
        assertThat(blocks).as(readme).containsKeys("EvaluateACase", "SendEvaluations", "OfflineTerminal",
                "WindowQrCode");
        Path src = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> javacArgs = new ArrayList<>(Arrays.asList("--release", "8", "-encoding", "UTF-8",
                "-Xlint:all,-options", "-Werror", "-classpath", testClassPath(), "-d", classes.toString()));
        for (Map.Entry<String, String> block : blocks.entrySet()) {
            Path file = src.resolve(block.getKey() + ".java");
            Files.write(file, block.getValue().getBytes(StandardCharsets.UTF_8));
            javacArgs.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javac.run(null, null, err, javacArgs.toArray(new String[0]));
        diagnostics.append(err.toString(StandardCharsets.UTF_8.name()));
        assertThat(rc).as(readme + " does not compile as written:%n%s", diagnostics).isZero();

        // The simulator as `./hcp simulate` runs it: its key pair for the app in files, the platform key in a file.
        PrivateKeyMaterial appKey = PrivateKeyMaterial.generateSm2();
        Path appKeyFile = Files.write(dir.resolve("app-private.pem"),
                appKey.exportPkcs8Pem().getBytes(StandardCharsets.US_ASCII));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            for (Map.Entry<String, String> block : blocks.entrySet()) {
                try (SimulatedPlatform platform = SimulatedPlatform.start()) {
                    platform.registerApp("demo-app", appKey.publicKey().defaultKeyId(), appKey.publicKey());
                    Path platformKeyFile = Files.write(dir.resolve("platform-public.pem"),
                            platform.platformPublicKey().toPem().getBytes(StandardCharsets.US_ASCII));
                    String[] args = {platform.baseUrl(), "demo-app", appKeyFile.toString(), platformKeyFile.toString()};
                    String out = runMain(loader.loadClass(block.getKey()), args);
                    Matcher promise = PRINTS.matcher(block.getValue());
                    while (promise.find()) {
                        assertThat(out).as(readme + " " + block.getKey() + " output").contains(promise.group(1).trim());
                    }
                    assertThat(out).as("personal data in the output").doesNotContain("120101198506121236");
                }
            }
        }
    }

    private static String runMain(Class<?> type, String[] args) throws Exception {
        Method main = type.getMethod("main", String[].class);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8.name()));
        try {
            main.invoke(null, (Object) args);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8.name());
        original.print(out);
        return out;
    }

    /** The real test class path (Surefire runs tests from a manifest-only jar and says so in this property). */
    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        assertThat(cp).contains("sdk-core").contains(File.pathSeparator);
        return cp;
    }
}
