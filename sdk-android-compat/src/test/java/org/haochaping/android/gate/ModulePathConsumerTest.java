package org.haochaping.android.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer on the module path (issue 16, point 5): a small named module that {@code requires org.haochaping.qrcode}
 * (and through it {@code org.haochaping.core}) is compiled with {@code --module-path} against the packaged SDK jars and
 * the rest of the runtime closure, then run with {@code java --module-path ... -m}: it generates an SM2 key, writes and
 * reads it as PEM, signs and verifies, checks and encodes an evaluation with Jackson behind the wire profile, and
 * encodes and renders a window QR code. A package it needs that the SDK does not export fails the compile; a package
 * the SDK keeps to itself ({@code org.haochaping.crypto.internal}) must fail it. The packaged jars exist from
 * {@code mvn package} on (in a reactor build, before this module's tests); {@code .ci/consumer} does the same with the
 * staged artifacts and the README's programs, sdk-jdbc and sdk-android-compat included.
 */
class ModulePathConsumerTest {

    private static final String MODULE_INFO = String.join("\n",
            "module consumer {",
            "    requires org.haochaping.qrcode;",
            "}");

    private static final String MAIN = String.join("\n",
            "package consumer;",
            "",
            "import java.nio.charset.StandardCharsets;",
            "import java.time.OffsetDateTime;",
            "import org.haochaping.crypto.keys.PemKeys;",
            "import org.haochaping.crypto.keys.PrivateKeyMaterial;",
            "import org.haochaping.crypto.sign.Sm2Signer;",
            "import org.haochaping.crypto.sign.Sm2Verifier;",
            "import org.haochaping.model.*;",
            "import org.haochaping.qrcode.EvaluationPage;",
            "import org.haochaping.qrcode.WindowCode;",
            "import org.haochaping.qrcode.render.QrEncoder;",
            "import org.haochaping.qrcode.render.QrMatrix;",
            "import org.haochaping.qrcode.render.SvgRenderer;",
            "import org.haochaping.rules.EvaluationPolicy;",
            "import org.haochaping.wire.PayloadCodec;",
            "import org.haochaping.wire.WireProfile;",
            "",
            "public class Main {",
            "    public static void main(String[] args) {",
            "        PrivateKeyMaterial key = PemKeys.privateKey(PrivateKeyMaterial.generateSm2().exportPkcs8Pem());",
            "        byte[] message = \"好差评\".getBytes(StandardCharsets.UTF_8);",
            "        byte[] signature = Sm2Signer.builder(key).build().sign(message);",
            "        boolean verified = Sm2Verifier.builder().key(\"k\", key.publicKey()).build().verify(\"k\", message, signature);",
            "        System.out.println(\"sm2 verified: \" + verified);",
            "",
            "        CaseRecord c = CaseRecord.builder().caseNo(\"TJ2026112600101\")",
            "                .item(\"11120000000123456100012011700001\", \"企业设立登记\")",
            "                .department(\"111200000001234561\", \"天津市市场监督管理委员会\").areaCode(\"120000\")",
            "                .hallAndWindow(\"TJZWFW-01\", \"A12\").staff(\"S1024\", \"李四\").status(CaseStatus.COMPLETED)",
            "                .acceptedAt(OffsetDateTime.parse(\"2026-11-26T09:05:00+08:00\"))",
            "                .completedAt(OffsetDateTime.parse(\"2026-11-26T09:40:00+08:00\"))",
            "                .handlingMode(HandlingMode.WINDOW).build();",
            "        Evaluation e = Evaluation.builder().caseRecord(c).targets(Target.SERVICE_STAFF)",
            "                .channel(Channel.WINDOW_EVALUATOR).grade(Grade.DISSATISFIED).indicators(\"2201\")",
            "                .stage(EvaluationStage.AT_COMPLETION)",
            "                .evaluatedAt(OffsetDateTime.parse(\"2026-11-26T09:41:00+08:00\")).staffNo(\"S1024\")",
            "                .evaluator(Evaluator.builder().name(\"张三\")",
            "                        .certificate(CertificateType.RESIDENT_ID_CARD, \"120101198506121236\").build())",
            "                .build();",
            "        EvaluationPolicy.standard().check(e);",
            "        String json = PayloadCodec.of(WireProfile.unified()).write(e);",
            "        System.out.println(\"payload read back: \" + PayloadCodec.of(WireProfile.unified()).readEvaluation(json).equals(e));",
            "",
            "        String text = WindowCode.builder().areaCode(\"120000\").hallCode(\"TJZWFW-01\").windowCode(\"A12\").build()",
            "                .toText(EvaluationPage.DEFAULT);",
            "        QrMatrix matrix = QrEncoder.builder().build().encode(text);",
            "        System.out.println(\"qr: \" + text + \", svg \" + SvgRenderer.builder().build().render(matrix).contains(\"<svg\"));",
            "        System.out.println(\"modules: \" + Sm2Signer.class.getModule().getName() + \" \" + QrEncoder.class.getModule().getName());",
            "    }",
            "}");

    private static final String REACHES_INSIDE = String.join("\n",
            "package consumer;",
            "",
            "public class ReachesInside {",
            "    Object key = org.haochaping.crypto.internal.BouncyCastleKeys.parameters(",
            "            org.haochaping.crypto.keys.PrivateKeyMaterial.generateSm2());",
            "}");

    @TempDir
    Path work;

    private List<String> modulePath;

    @BeforeEach
    void modulePath() throws IOException {
        Path listing = Paths.get(SdkModules.requiredProperty("android.gate.dir")).resolve("runtime-classpath.txt");
        modulePath = Arrays.stream(new String(Files.readAllBytes(listing), StandardCharsets.UTF_8).trim()
                        .split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .collect(Collectors.toList());
        for (SdkModules sdk : new SdkModules[] {SdkModules.SDK_CORE, SdkModules.SDK_QRCODE}) {
            Assumptions.assumeTrue(modulePath.stream().anyMatch(e -> e.endsWith(".jar") && e.contains(sdk.artifactId())),
                    () -> sdk.artifactId() + " is on the class path as classes, not as its packaged jar with the module "
                            + "descriptor: run by 'mvn verify' (and .ci/consumer)");
        }
    }

    @Test
    void namedModuleUsesTheSdkOnTheModulePath() throws Exception {
        Path out = compile("Main", MAIN);
        List<String> command = new ArrayList<>(Arrays.asList(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", String.join(File.pathSeparator, modulePath) + File.pathSeparator + out,
                "-m", "consumer/consumer.Main"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = readAll(process.getInputStream());
        // Generous: a loaded 2-core machine starts a JVM and loads Bouncy Castle and Jackson in a few seconds.
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("consumer finished").isTrue();
        assertThat(process.exitValue()).as("exit code of the consumer; its output:%n%s", output).isZero();
        assertThat(output).contains("sm2 verified: true", "payload read back: true",
                "a=120000&h=TJZWFW-01&w=A12, svg true", "modules: org.haochaping.core org.haochaping.qrcode");
    }

    @Test
    void aPackageTheSdkDoesNotExportDoesNotCompile() throws Exception {
        StringWriter diagnostics = new StringWriter();
        boolean compiled = tryCompile("ReachesInside", REACHES_INSIDE, diagnostics);
        assertThat(compiled).as("code outside the SDK compiled against org.haochaping.crypto.internal").isFalse();
        assertThat(diagnostics.toString())
                .contains("package org.haochaping.crypto.internal is declared in module org.haochaping.core, which does not export it");
    }

    private Path compile(String className, String source) throws IOException {
        StringWriter diagnostics = new StringWriter();
        assertThat(tryCompile(className, source, diagnostics)).as("compiles on the module path:%n%s", diagnostics).isTrue();
        return work.resolve("out");
    }

    private boolean tryCompile(String className, String source, StringWriter diagnostics) throws IOException {
        Path src = work.resolve("src");
        Files.createDirectories(src.resolve("consumer"));
        Files.write(src.resolve("module-info.java"), MODULE_INFO.getBytes(StandardCharsets.UTF_8));
        Path file = src.resolve("consumer").resolve(className + ".java");
        Files.write(file, source.getBytes(StandardCharsets.UTF_8));
        Path out = Files.createDirectories(work.resolve("out"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> options = Arrays.asList("-encoding", "UTF-8", "-d", out.toString(),
                "--module-path", String.join(File.pathSeparator, modulePath));
        List<String> args = new ArrayList<>(options);
        args.add(src.resolve("module-info.java").toString());
        args.add(file.toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = javac.run(null, err, err, args.toArray(new String[0]));
        diagnostics.write(new String(err.toByteArray(), StandardCharsets.UTF_8));
        return exit == 0;
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        for (int n; (n = in.read(chunk)) > 0; ) {
            buffer.write(chunk, 0, n);
        }
        return new String(buffer.toByteArray(), StandardCharsets.UTF_8);
    }
}
