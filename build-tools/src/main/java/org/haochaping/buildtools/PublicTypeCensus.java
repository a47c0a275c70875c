package org.haochaping.buildtools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;

/**
 * Counts the public types of each SDK module and those no other package uses (docs/api-policy.md, "Counting").
 *
 * <p>A public type is a class, interface, enum or annotation whose effective access is public: a top-level public
 * type, or a public/protected member type of one. It is <em>used elsewhere</em> when a class file outside its own
 * package (in any module: the SDK modules, the kit, the starter, the examples, the benchmarks; main code only) names
 * it. Internal API ({@code @InternalApi}) is counted apart.
 *
 * <p>Usage: {@code PublicTypeCensus module=classesDir... -- otherClassesDir...}; prints one table row per module and,
 * with {@code -v}, the unused types.
 */
public final class PublicTypeCensus {

    private PublicTypeCensus() {
    }

    public static void main(String[] args) {
        Map<String, Path> modules = new LinkedHashMap<>();
        List<Path> others = new ArrayList<>();
        boolean verbose = false;
        boolean afterSeparator = false;
        for (String arg : args) {
            if (arg.equals("-v")) {
                verbose = true;
            } else if (arg.equals("--")) {
                afterSeparator = true;
            } else if (afterSeparator) {
                others.add(Path.of(arg));
            } else {
                int eq = arg.indexOf('=');
                modules.put(arg.substring(0, eq), Path.of(arg.substring(eq + 1)));
            }
        }
        Map<String, List<ClassInfo>> byModule = new LinkedHashMap<>();
        List<ClassInfo> everything = new ArrayList<>();
        for (Map.Entry<String, Path> e : modules.entrySet()) {
            List<ClassInfo> classes = ClassFiles.readDirectory(e.getValue());
            byModule.put(e.getKey(), classes);
            everything.addAll(classes);
        }
        for (Path other : others) {
            if (Files.isDirectory(other)) {
                everything.addAll(ClassFiles.readDirectory(other));
            }
        }
        Map<String, Set<String>> usedFromPackages = new HashMap<>();
        for (ClassInfo c : everything) {
            for (String ref : c.references()) {
                usedFromPackages.computeIfAbsent(ref, k -> new TreeSet<>()).add(c.packageName());
            }
        }
        System.out.println("| module | public types (top-level) | public types (with nested) | of them internal API "
                + "| public API types (dump) | used by no other package |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, List<ClassInfo>> e : byModule.entrySet()) {
            ApiSurface surface = new ApiSurface(e.getValue(), name -> null);
            int publicTypes = 0;
            int topLevel = 0;
            int internal = 0;
            List<String> unused = new ArrayList<>();
            for (ClassInfo c : e.getValue()) {
                if (!isPublic(c, e.getValue())) {
                    continue;
                }
                publicTypes++;
                if (c.outerName() == null) {
                    topLevel++;
                }
                if (surface.isInternal(c.name())) {
                    internal++;
                }
                Set<String> users = new TreeSet<>(usedFromPackages.getOrDefault(c.name(), Set.of()));
                users.remove(c.packageName());
                if (users.isEmpty()) {
                    unused.add(c.binaryName());
                }
            }
            System.out.printf("| %s | %d | %d | %d | %d | %d |%n", e.getKey(), topLevel, publicTypes, internal,
                    surface.apiTypes().size(), unused.size());
            if (verbose) {
                unused.forEach(u -> System.out.println("    unused elsewhere: " + u));
            }
        }
    }

    private static boolean isPublic(ClassInfo c, List<ClassInfo> module) {
        if (c.local() || (c.access() & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) == 0) {
            return false;
        }
        if (c.outerName() == null) {
            return (c.access() & Opcodes.ACC_PUBLIC) != 0;
        }
        return module.stream().filter(o -> o.name().equals(c.outerName())).findFirst()
                .map(o -> isPublic(o, module)).orElse(false);
    }
}
