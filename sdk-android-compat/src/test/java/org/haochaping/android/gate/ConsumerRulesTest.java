package org.haochaping.android.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each SDK jar carries its consumer R8/ProGuard rules at {@code META-INF/proguard/<artifactId>.pro}, where the
 * Android Gradle plugin picks them up, and the {@code -dontwarn} rules silence exactly the classes that the
 * Android gate finds missing in the dependencies: R8 stops an app's build on a missing class otherwise.
 */
class ConsumerRulesTest {

    private static final Set<String> KNOWN_OPTIONS = Set.of("-keep", "-keepclassmembers", "-keepclasseswithmembers",
            "-keepnames", "-keepclassmembernames", "-keepattributes", "-dontwarn", "-if");

    static String resourceName(SdkModules module) {
        return "META-INF/proguard/" + module.artifactId() + ".pro";
    }

    /** The rules as the test classpath sees them: the sibling modules' jars (or classes) and this module's classes. */
    static String rules(SdkModules module) throws IOException {
        List<URL> found = Collections.list(ConsumerRulesTest.class.getClassLoader().getResources(resourceName(module)));
        assertThat(found).as("%s on the classpath", resourceName(module)).hasSize(1);
        assertThat(found.get(0).toString()).as("where %s comes from", resourceName(module))
                .contains("/" + module.artifactId() + "/target/");
        try (InputStream in = found.get(0).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @EnumSource(SdkModules.class)
    void rulesAreWellFormedAndCoverTheModulesOwnPackage(SdkModules module) throws IOException {
        List<String> statements = statements(rules(module));
        assertThat(statements).isNotEmpty();
        for (String statement : statements) {
            String option = statement.split("\\s+", 2)[0];
            assertThat(KNOWN_OPTIONS).as("option of: %s", statement).contains(option);
            assertThat(count(statement, '{')).as("braces in: %s", statement).isEqualTo(count(statement, '}'));
        }
        String ownPackage = module == SdkModules.SDK_CORE ? "org.haochaping.**"
                : module == SdkModules.SDK_QRCODE ? "org.haochaping.qrcode.**" : "org.haochaping.android.**";
        assertThat(statements).anyMatch(s -> s.startsWith("-keepclassmembers class") && s.contains(ownPackage)
                && s.contains("@com.fasterxml.jackson.annotation.JsonCreator"));
    }

    /** The packaged jars of sdk-core and sdk-qrcode hold the file; sdk-android-compat's is packed from target/classes. */
    @ParameterizedTest
    @EnumSource(value = SdkModules.class, names = {"SDK_CORE", "SDK_QRCODE"})
    void packagedJarHoldsTheRules(SdkModules module) throws IOException {
        Path jar = module.jar();
        Assumptions.assumeTrue(Files.isRegularFile(jar), () -> jar + " is built by 'mvn package' or later");
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            assertThat(jarFile.getEntry(resourceName(module))).as("%s in %s", resourceName(module), jar).isNotNull();
        }
    }

    @Test
    void ownRulesArePackedFromTheClassesDirectory() {
        Path rules = SdkModules.SDK_ANDROID_COMPAT.classesDir().resolve(resourceName(SdkModules.SDK_ANDROID_COMPAT));
        assertThat(rules).isRegularFile();
    }

    @Test
    void dontwarnRulesSilenceExactlyTheMissingClassesTheGateFound() throws IOException {
        Map<String, Pattern> dontwarn = new LinkedHashMap<>();
        for (SdkModules module : SdkModules.values()) {
            for (String statement : statements(rules(module))) {
                if (statement.startsWith("-dontwarn ")) {
                    String pattern = statement.substring("-dontwarn ".length()).trim();
                    dontwarn.put(module.artifactId() + ": " + pattern, proguardClassPattern(pattern));
                }
            }
        }
        SignatureScan android = DependencyClosure.signature("android-api-26");
        Set<String> missingClasses = new TreeSet<>();
        for (SignatureScan.Finding finding : DependencyClosure.findings()) {
            if (finding.signatureId().equals("android-api-26")) {
                String type = referencedType(finding);
                if (!android.hasType(type)) {
                    missingClasses.add(type);
                }
            }
        }
        assertThat(missingClasses).as("classes missing on Android that the dependencies name").isNotEmpty();

        List<String> unsilenced = missingClasses.stream()
                .filter(type -> dontwarn.values().stream().noneMatch(p -> p.matcher(type).matches()))
                .collect(Collectors.toList());
        assertThat(unsilenced).as("missing classes with no -dontwarn rule: R8 would stop the app's build").isEmpty();

        List<String> needless = dontwarn.entrySet().stream()
                .filter(rule -> missingClasses.stream().noneMatch(type -> rule.getValue().matcher(type).matches()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toList());
        assertThat(needless).as("-dontwarn rules that silence nothing the gate found: they could hide real problems")
                .isEmpty();
    }

    /** The type a finding refers to: the finding itself for a type, the owner for a field or method. */
    static String referencedType(SignatureScan.Finding finding) {
        String reference = finding.reference();
        String target = finding.target();
        boolean isType = reference.indexOf(' ') < 0 && reference.indexOf('(') < 0;
        return isType ? target : target.substring(0, target.lastIndexOf('.'));
    }

    /** A ProGuard class-name pattern as a regex over dotted names (nested classes with '.', as animal-sniffer writes them). */
    static Pattern proguardClassPattern(String pattern) {
        StringBuilder regex = new StringBuilder();
        String p = pattern.replace('$', '.');
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' && i + 1 < p.length() && p.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^.]*");
            } else if (c == '?') {
                regex.append("[^.]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** Statements without comments, each from its option to the next option (a block may span lines). */
    static List<String> statements(String rules) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : rules.split("\n")) {
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("-") && count(current, '{') == count(current, '}')) {
                if (current.length() > 0) {
                    statements.add(current.toString());
                }
                current = new StringBuilder(text);
            } else {
                assertThat(current.length()).as("text before the first option: %s", text).isPositive();
                current.append(' ').append(text);
            }
        }
        if (current.length() > 0) {
            statements.add(current.toString());
        }
        return statements;
    }

    private static int count(CharSequence text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }
}
