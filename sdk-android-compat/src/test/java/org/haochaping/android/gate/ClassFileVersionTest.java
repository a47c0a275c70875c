package org.haochaping.android.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every class the SDK ships is Java 8 bytecode (class-file major version 52), so that D8 on an Android build
 * and a Java 8 JVM accept it. Reads the class-file header bytes; loading the classes would prove nothing, since
 * the JVM running the tests is newer.
 */
class ClassFileVersionTest {

    private static final int JAVA_8_MAJOR = 52;
    private static final int JAVA_9_MAJOR = 53;
    private static final String MODULE_DESCRIPTOR = "META-INF/versions/9/module-info.class";

    @ParameterizedTest
    @EnumSource(SdkModules.class)
    void compiledClassesAreJava8(SdkModules module) throws IOException {
        List<Path> classFiles = module.classFiles();
        if (module.hasMainSources()) {
            assertThat(classFiles).as("%s has sources but no classes in %s", module.artifactId(), module.classesDir())
                    .isNotEmpty();
        }
        List<String> wrong = new ArrayList<>();
        for (Path classFile : classFiles) {
            try (InputStream in = Files.newInputStream(classFile)) {
                int major = majorVersion(in);
                if (major != JAVA_8_MAJOR) {
                    wrong.add(module.classesDir().relativize(classFile) + " has major version " + major);
                }
            }
        }
        assertThat(wrong).as("classes of %s that are not Java 8 bytecode", module.artifactId()).isEmpty();
    }

    /**
     * The multi-release section ({@code META-INF/versions/}) holds the Java module descriptor and nothing else:
     * Android and Java 8 never read it, so a class there would be code that only newer JVMs run. It is compiled in
     * prepare-package, so {@code mvn test} may not have it yet.
     */
    @ParameterizedTest
    @EnumSource(SdkModules.class)
    void multiReleaseSectionHoldsOnlyTheModuleDescriptor(SdkModules module) {
        assertThat(module.multiReleaseFiles()).as("multi-release files of %s", module.artifactId())
                .isSubsetOf(MODULE_DESCRIPTOR);
    }

    /**
     * The packaged jars of the modules built before this one: Java 8 classes, plus the Java module descriptor at
     * release 9 in the multi-release section (the only entry Android and Java 8 skip).
     */
    @ParameterizedTest
    @EnumSource(value = SdkModules.class, names = {"SDK_CORE", "SDK_QRCODE"})
    void packagedJarHoldsOnlyJava8Classes(SdkModules module) throws IOException {
        Path jar = module.jar();
        Assumptions.assumeTrue(Files.isRegularFile(jar),
                () -> jar + " is built by 'mvn package' or later; compiledClassesAreJava8 covers 'mvn test'");
        List<String> wrong = new ArrayList<>();
        int classes = 0;
        int descriptors = 0;
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(jarFile.entries())) {
                if (entry.getName().startsWith("META-INF/versions/")) {
                    if (entry.getName().equals(MODULE_DESCRIPTOR)) {
                        descriptors++;
                        try (InputStream in = jarFile.getInputStream(entry)) {
                            assertThat(majorVersion(in)).as("%s in %s", MODULE_DESCRIPTOR, jar).isEqualTo(JAVA_9_MAJOR);
                        }
                    } else if (!entry.isDirectory()) {
                        wrong.add(entry.getName() + " is a multi-release entry other than the module descriptor");
                    }
                    continue;
                }
                if (!entry.getName().endsWith(".class")) {
                    continue;
                }
                classes++;
                try (InputStream in = jarFile.getInputStream(entry)) {
                    int major = majorVersion(in);
                    if (major != JAVA_8_MAJOR) {
                        wrong.add(entry.getName() + " has major version " + major);
                    }
                }
            }
        }
        if (module.hasMainSources()) {
            assertThat(classes).as("classes in %s", jar).isPositive();
        }
        assertThat(wrong).as("entries of %s that are not Java 8 bytecode", jar.getFileName()).isEmpty();
        assertThat(descriptors).as("%s in %s", MODULE_DESCRIPTOR, jar.getFileName()).isEqualTo(1);
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            assertThat(jarFile.getManifest().getMainAttributes().getValue("Multi-Release"))
                    .as("Multi-Release in the manifest of %s", jar.getFileName()).isEqualTo("true");
        }
    }

    /** Class file header: u4 magic 0xCAFEBABE, u2 minor_version, u2 major_version (JVMS 4.1). */
    static int majorVersion(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        int magic = in.readInt();
        if (magic != 0xCAFEBABE) {
            throw new IOException("not a class file, magic " + Integer.toHexString(magic));
        }
        in.readUnsignedShort();
        return in.readUnsignedShort();
    }
}
