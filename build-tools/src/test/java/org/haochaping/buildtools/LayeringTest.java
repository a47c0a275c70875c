package org.haochaping.buildtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layering check finds upward and sideways uses, unplaced packages and cycles, and accepts a clean tree. */
class LayeringTest {

    @TempDir
    Path dir;

    private static final List<List<String>> LAYERS = List.of(
            List.of(Layering.ROOT, "model"),
            List.of("rules", "wire"),
            List.of("client"));

    private List<ClassInfo> compile(Map<String, String> sources) throws Exception {
        return ClassFiles.readDirectory(Fixtures.compile(dir, sources));
    }

    @Test
    void acceptsUsesOfLowerLayersTheRootAndTheOwnFamily() throws Exception {
        List<ClassInfo> classes = compile(Map.of(
                "org/haochaping/Root.java", "package org.haochaping; public class Root {}",
                "org/haochaping/model/M.java", "package org.haochaping.model; public class M { org.haochaping.Root r; }",
                "org/haochaping/rules/R.java", "package org.haochaping.rules; public class R { org.haochaping.model.M m; }",
                "org/haochaping/client/C.java", "package org.haochaping.client; public class C { "
                        + "org.haochaping.rules.R r; org.haochaping.client.pipeline.P p; }",
                "org/haochaping/client/pipeline/P.java", "package org.haochaping.client.pipeline; public class P { "
                        + "org.haochaping.wire.W w; }",
                "org/haochaping/wire/W.java", "package org.haochaping.wire; public class W { "
                        + "org.haochaping.model.M m; }"));
        assertThat(new Layering("org/haochaping", LAYERS).violations(classes)).isEmpty();
    }

    @Test
    void refusesUpwardAndSidewaysUsesUnplacedPackagesAndCycles() throws Exception {
        List<ClassInfo> classes = compile(Map.of(
                "org/haochaping/model/M.java", "package org.haochaping.model; public class M { "
                        + "static Object up() { return new org.haochaping.client.C(); } }",
                "org/haochaping/rules/R.java", "package org.haochaping.rules; public class R { "
                        + "org.haochaping.wire.W w; }",
                "org/haochaping/wire/W.java", "package org.haochaping.wire; public class W {}",
                "org/haochaping/client/C.java", "package org.haochaping.client; public class C { "
                        + "org.haochaping.model.M m; }",
                "org/haochaping/extra/X.java", "package org.haochaping.extra; public class X {}"));
        assertThat(new Layering("org/haochaping", LAYERS).violations(classes)).containsExactly(
                "org.haochaping.model.M uses org.haochaping.client.C: model (layer 0) may not depend on client "
                        + "(layer 2)",
                "org.haochaping.rules.R uses org.haochaping.wire.W: rules (layer 1) may not depend on wire (layer 1)",
                "package cycle: client -> model -> client",
                "package extra is in no layer: place it in the layer table (and docs/design.md)");
    }

    @Test
    void aDeclaredBridgeIsPartOfThePackageItServes() throws Exception {
        List<ClassInfo> classes = compile(Map.of(
                "org/haochaping/wire/W.java", "package org.haochaping.wire; public class W { "
                        + "static { org.haochaping.wire.internal.Bridge.install(new W()); } }",
                "org/haochaping/wire/internal/Bridge.java", "package org.haochaping.wire.internal; public class Bridge {"
                        + " public static void install(org.haochaping.wire.W w) {} }",
                "org/haochaping/client/C.java", "package org.haochaping.client; public class C { "
                        + "org.haochaping.wire.internal.Bridge b; }"));
        assertThat(new Layering("org/haochaping", LAYERS).violations(classes))
                .containsExactly("package cycle: wire -> wire.internal -> wire");
        assertThat(new Layering("org/haochaping", LAYERS, Map.of("wire.internal", "wire")).violations(classes))
                .isEmpty();
    }
}
