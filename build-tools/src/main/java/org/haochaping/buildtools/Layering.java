package org.haochaping.buildtools;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks the package layering of a module over its class files (docs/design.md, "Layering"): packages sit in
 * ordered layers; a package may use the packages of lower layers, its own listed family (the listed package and its
 * subpackages), and nothing of its own layer or above; and no two packages use each other, directly or through
 * others.
 *
 * <p>A package that is not listed belongs to its nearest listed ancestor (a new {@code client.pipeline} is part of
 * {@code client}); a package with no listed ancestor is a violation of its own, so that a new package is placed
 * deliberately.
 *
 * <p>A bridge package ({@code crypto.internal}: the friend access of the pattern OkHttp calls {@code Internal}, which
 * a public package installs so that other SDK packages can reach its non-public parts) may be declared a part of the
 * package it serves: it is then checked and cycle-tested as that package, because the two use each other by design.
 */
public final class Layering {

    /** How the root package ({@code org.haochaping} itself) is written in a layer table. */
    public static final String ROOT = "(root)";

    private final String base;
    private final Map<String, Integer> layerOf = new HashMap<>();
    private final Map<String, String> bridges;

    /**
     * @param basePackage the module's base package in internal form ({@code org/haochaping})
     * @param layers package names relative to the base, dotted ({@code crypto.request}), lowest layer first;
     *     {@link #ROOT} for the base package itself
     */
    public Layering(String basePackage, List<List<String>> layers) {
        this(basePackage, layers, Map.of());
    }

    /**
     * @param bridges bridge package to the package it serves, both relative and dotted
     *     ({@code "crypto.internal" -> "crypto.keys"}); each served package must sit in the layer table
     */
    public Layering(String basePackage, List<List<String>> layers, Map<String, String> bridges) {
        this.base = basePackage;
        this.bridges = Map.copyOf(bridges);
        for (int i = 0; i < layers.size(); i++) {
            for (String p : layers.get(i)) {
                if (layerOf.put(p, i) != null) {
                    throw new IllegalArgumentException(p + " is listed twice");
                }
            }
        }
        for (Map.Entry<String, String> b : this.bridges.entrySet()) {
            if (layerOf.containsKey(b.getKey()) || !layerOf.containsKey(b.getValue())) {
                throw new IllegalArgumentException("bridge " + b.getKey() + " must be unlisted and serve a listed "
                        + "package, not " + b.getValue());
            }
        }
    }

    /** Every violation, sorted: uses of an equal or higher layer, unplaced packages, and package cycles. */
    public List<String> violations(List<ClassInfo> classes) {
        Set<String> out = new TreeSet<>();
        Map<String, Set<String>> graph = new TreeMap<>();
        for (ClassInfo c : classes) {
            String from = relative(c.packageName());
            if (from == null) {
                continue;
            }
            graph.computeIfAbsent(from, k -> new TreeSet<>());
            String fromEntry = entry(from);
            if (fromEntry == null) {
                out.add("package " + from + " is in no layer: place it in the layer table (and docs/design.md)");
                continue;
            }
            for (String ref : c.references()) {
                String to = relative(ref.substring(0, Math.max(0, ref.lastIndexOf('/'))));
                if (to == null || to.equals(from)) {
                    continue;
                }
                graph.get(from).add(to);
                String toEntry = entry(to);
                if (toEntry == null || toEntry.equals(fromEntry) || to.equals(ROOT)) {
                    continue;
                }
                if (layerOf.get(toEntry) >= layerOf.get(fromEntry)) {
                    out.add(c.binaryName() + " uses " + ref.replace('/', '.') + ": " + from + " (layer "
                            + layerOf.get(fromEntry) + ") may not depend on " + to + " (layer "
                            + layerOf.get(toEntry) + ")");
                }
            }
        }
        for (List<String> cycle : cycles(graph)) {
            out.add("package cycle: " + String.join(" -> ", cycle));
        }
        return List.copyOf(out);
    }

    /** The package's name relative to the base, dotted; {@link #ROOT} for the base; {@code null} outside it. */
    private String relative(String internalPackage) {
        if (internalPackage.equals(base)) {
            return ROOT;
        }
        if (!internalPackage.startsWith(base + "/")) {
            return null;
        }
        String pkg = internalPackage.substring(base.length() + 1).replace('/', '.');
        return bridges.getOrDefault(pkg, pkg);
    }

    private String entry(String pkg) {
        if (pkg.equals(ROOT)) {
            return layerOf.containsKey(ROOT) ? ROOT : null;
        }
        for (String p = pkg; ; p = p.substring(0, p.lastIndexOf('.'))) {
            if (layerOf.containsKey(p)) {
                return p;
            }
            if (p.indexOf('.') < 0) {
                return null;
            }
        }
    }

    /** Strongly connected components with more than one package (Tarjan), each sorted, with its first repeated. */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, onStack, out, counter);
            }
        }
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<List<String>> out,
            int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                component.sort(null);
                component.add(component.get(0));
                out.add(component);
            }
        }
    }
}
