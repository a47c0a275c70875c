package org.haochaping.android.gate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.codehaus.mojo.animal_sniffer.ClassListBuilder;
import org.codehaus.mojo.animal_sniffer.Clazz;
import org.codehaus.mojo.animal_sniffer.SignatureChecker;
import org.codehaus.mojo.animal_sniffer.logging.Logger;

/**
 * Checks jars against an animal-sniffer signature with the checker that animal-sniffer-maven-plugin runs, so
 * that the SDK's dependencies are held to the same Java 8 / Android API 26 signatures as the SDK's own classes.
 *
 * <p>Two differences from the plugin, both stricter or explained:
 * <ul>
 *   <li>{@code @IgnoreJRERequirement} in a dependency is not honoured: its authors wrote it for Java versions,
 *       not for Android API levels.</li>
 *   <li>{@code META-INF/} entries (multi-release variants for Java 9+, {@code module-info}) are skipped, as
 *       the plugin also does: Android never loads them, and a Java 8 JVM ignores them.</li>
 * </ul>
 */
final class SignatureScan {

    private static final String UNDEFINED = "Undefined reference: ";

    /** One reference the signature does not have: found in {@code originClass}, e.g. {@code javax.naming.Context}. */
    record Finding(String signatureId, String jar, String originClass, String reference) {

        /** The referenced type or member without return type and parameters, e.g. {@code java.lang.String.repeat}. */
        String target() {
            String head = reference;
            int parenthesis = head.indexOf('(');
            if (parenthesis >= 0) {
                head = head.substring(0, parenthesis);
            }
            return head.substring(head.lastIndexOf(' ') + 1);
        }

        @Override
        public String toString() {
            return signatureId + " " + originClass + " -> " + reference + " (" + jar + ")";
        }
    }

    private final String signatureId;
    private final Map<String, Clazz> signature;

    SignatureScan(String signatureId, Path signatureFile) {
        this.signatureId = signatureId;
        try (InputStream in = Files.newInputStream(signatureFile)) {
            this.signature = SignatureChecker.loadClasses(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read signature " + signatureFile, e);
        }
    }

    /**
     * True when the signature has the type, given as animal-sniffer prints it: nested types with '.'
     * ({@code org.conscrypt.Conscrypt.Version}), so each '.' from the right may stand for '$'.
     */
    boolean hasType(String sourceName) {
        String internal = sourceName.replace('.', '/');
        while (true) {
            if (signature.containsKey(internal)) {
                return true;
            }
            int slash = internal.lastIndexOf('/');
            if (slash < 0) {
                return false;
            }
            internal = internal.substring(0, slash) + '$' + internal.substring(slash + 1);
        }
    }

    /** Internal names ({@code a/b/C}) of all classes in the given jars and directories. */
    static Set<String> classesIn(List<Path> classpath) {
        ClassListBuilder builder = new ClassListBuilder(SILENT);
        try {
            for (Path entry : classpath) {
                builder.process(entry.toFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return builder.getPackages();
    }

    /**
     * Checks every class of {@code jar}. References to {@code knownClasses} (the rest of the closure) are not
     * findings: those classes travel with the SDK.
     */
    List<Finding> check(Path jar, Set<String> knownClasses) throws IOException {
        List<Finding> findings = new ArrayList<>();
        // One checker per jar: building one copies the signature and the known classes. The checker reports
        // synchronously while it reads a class, so each batch of references belongs to the class just read.
        String jarName = jar.getFileName().toString();
        CollectingLogger logger = new CollectingLogger();
        JarEntryChecker checker = new JarEntryChecker(signature, knownClasses, logger);
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            List<JarEntry> entries = Collections.list(jarFile.entries());
            entries.sort((a, b) -> a.getName().compareTo(b.getName()));
            for (JarEntry entry : entries) {
                String name = entry.getName();
                if (entry.isDirectory() || !name.endsWith(".class") || name.startsWith("META-INF/")
                        || name.endsWith("module-info.class")) {
                    continue;
                }
                String originClass = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                logger.references.clear();
                try (InputStream in = jarFile.getInputStream(entry)) {
                    checker.check(name, in);
                }
                for (String reference : logger.references) {
                    findings.add(new Finding(signatureId, jarName, originClass, reference));
                }
            }
        }
        return findings;
    }

    /** Exposes the checker's per-class-file entry point and honours no suppression annotation. */
    private static final class JarEntryChecker extends SignatureChecker {
        JarEntryChecker(Map<String, Clazz> signature, Set<String> knownClasses, Logger logger) throws IOException {
            super(signature, knownClasses, logger);
            setSourcePath(Collections.emptyList());
            setAnnotationTypes(Collections.emptyList());
        }

        void check(String name, InputStream classFile) throws IOException {
            process(name, classFile);
        }
    }

    private static final class CollectingLogger implements Logger {
        final Set<String> references = new TreeSet<>();

        @Override
        public void error(String message) {
            int at = message.indexOf(UNDEFINED);
            if (at < 0) {
                throw new IllegalStateException("unexpected checker message: " + message);
            }
            references.add(message.substring(at + UNDEFINED.length()).trim());
        }

        @Override
        public void error(String message, Throwable t) {
            throw new IllegalStateException(message, t);
        }

        @Override
        public void info(String message) {
        }

        @Override
        public void info(String message, Throwable t) {
        }

        @Override
        public void debug(String message) {
        }

        @Override
        public void debug(String message, Throwable t) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void warn(String message, Throwable t) {
        }
    }

    private static final Logger SILENT = new CollectingLogger();
}
