package org.haochaping.buildtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles small Java sources with the JDK's compiler, so the checks run on real class files. */
final class Fixtures {

    static final String INTERNAL_API = """
            package org.haochaping;
            import java.lang.annotation.*;
            @Retention(RetentionPolicy.CLASS)
            public @interface InternalApi {}
            """;

    private Fixtures() {
    }

    /** Compiles {@code sources} (file path to text) into {@code dir}/classes; returns that directory. */
    static Path compile(Path dir, Map<String, String> sources, Path... classpath) throws IOException {
        Path src = dir.resolve("src");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17"));
        if (classpath.length > 0) {
            args.add("-classpath");
            args.add(String.join(java.io.File.pathSeparator, java.util.Arrays.stream(classpath).map(Path::toString)
                    .toList()));
        }
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        int rc = javac.getTask(errors, null, null, args.subList(0, args.size()).stream()
                .filter(a -> !a.endsWith(".java")).toList(), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjectsFromStrings(
                        args.stream().filter(a -> a.endsWith(".java")).toList())).call() ? 0 : 1;
        assertThat(rc).as("javac: %s", errors).isZero();
        return classes;
    }
}
