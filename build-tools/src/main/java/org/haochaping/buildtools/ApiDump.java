package org.haochaping.buildtools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The API dump of one SDK module, checked in the build (docs/api-policy.md). Reads the module's compiled classes,
 * renders their public API ({@link ApiSurface}) and compares it with the checked-in file {@code api/<module>.api}:
 * a difference fails the build with the diff and the command that regenerates the file, so that every change to the
 * public surface is a visible, deliberate diff in review. Also fails when the API exposes internal API.
 *
 * <p>Run by exec-maven-plugin in the {@code verify} phase of every SDK module (the parent POM's {@code api-dump}
 * execution). Arguments: {@code --module NAME --classes DIR --dump FILE [--update true]}.
 */
public final class ApiDump {

    /** The one command that regenerates every SDK module's dump. */
    public static final String REGENERATE = ".ci/api-dump";

    private ApiDump() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        String module = options.get("--module");
        Path classes = Path.of(options.get("--classes"));
        Path dumpFile = Path.of(options.get("--dump"));
        boolean update = Boolean.parseBoolean(options.getOrDefault("--update", "false"));
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ApiSurface surface = new ApiSurface(ClassFiles.readDirectory(classes),
                name -> ClassFiles.readResource(loader, name));
        String message = check(module, surface, dumpFile, update);
        if (message != null) {
            throw new IllegalStateException(message);
        }
    }

    /**
     * Compares (or with {@code update} writes) the dump.
     *
     * @return {@code null} when the module passes, else what failed and how to fix it
     */
    static String check(String module, ApiSurface surface, Path dumpFile, boolean update) throws IOException {
        List<String> leaks = surface.leaks();
        if (!leaks.isEmpty()) {
            return module + ": the public API exposes internal API (@InternalApi or an internal package); make the "
                    + "member internal too, or the type public API:\n  " + String.join("\n  ", leaks);
        }
        String actual = surface.dump();
        if (update) {
            Files.createDirectories(dumpFile.toAbsolutePath().getParent());
            Files.writeString(dumpFile, actual, StandardCharsets.UTF_8);
            System.out.println("[api-dump] " + module + ": wrote " + dumpFile);
            return null;
        }
        if (!Files.exists(dumpFile)) {
            return module + ": no API dump at " + dumpFile + "; create it with: " + REGENERATE;
        }
        String expected = Files.readString(dumpFile, StandardCharsets.UTF_8);
        if (expected.equals(actual)) {
            System.out.println("[api-dump] " + module + ": public API matches " + dumpFile);
            return null;
        }
        return module + ": the public API differs from " + dumpFile + " (- in the file, + in the classes):\n"
                + diff(expected, actual)
                + "If the change is deliberate, regenerate the dump and commit it with a CHANGELOG entry "
                + "(docs/api-policy.md):\n  " + REGENERATE;
    }

    /** The lines only in {@code expected} (-) and only in {@code actual} (+), each under its type's header. */
    static String diff(String expected, String actual) {
        List<String> a = List.of(expected.split("\n", -1));
        List<String> b = List.of(actual.split("\n", -1));
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        StringBuilder out = new StringBuilder();
        String header = null;
        String printedHeader = null;
        int i = 0;
        int j = 0;
        List<String> pending = new ArrayList<>();
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                if (!a.get(i).startsWith(" ") && a.get(i).endsWith("{")) {
                    header = a.get(i);
                }
                i++;
                j++;
                continue;
            }
            if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                pending.add("+ " + b.get(j++));
            } else {
                pending.add("- " + a.get(i++));
            }
            if (header != null && !header.equals(printedHeader) && pending.stream().allMatch(l -> l.startsWith("+     ")
                    || l.startsWith("-     "))) {
                out.append("  ").append(header).append('\n');
                printedHeader = header;
            }
            for (String line : pending) {
                out.append("  ").append(line).append('\n');
            }
            pending.clear();
        }
        return out.toString();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            out.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--module", "--classes", "--dump")) {
            if (!out.containsKey(required)) {
                throw new IllegalArgumentException("missing " + required
                        + " (usage: --module NAME --classes DIR --dump FILE [--update true])");
            }
        }
        return out;
    }
}
