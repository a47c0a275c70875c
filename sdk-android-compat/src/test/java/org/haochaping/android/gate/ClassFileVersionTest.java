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

    /** The packaged jars of the modules built before this one; a multi-release section would also be a finding. */
    @ParameterizedTest
    @EnumSource(value = SdkModules.class, names = {"SDK_CORE", "SDK_QRCODE"})
    void packagedJarHoldsOnlyJava8Classes(SdkModules module) throws IOException {
        Path jar = module.jar();
        Assumptions.assumeTrue(Files.isRegularFile(jar),
                () -> jar + " is built by 'mvn package' or later; compiledClassesAreJava8 covers 'mvn test'");
        List<String> wrong = new ArrayList<>();
        int classes = 0;
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(jarFile.entries())) {
                if (entry.getName().startsWith("META-INF/versions/")) {
                    wrong.add(entry.getName() + " is a multi-release entry");
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
