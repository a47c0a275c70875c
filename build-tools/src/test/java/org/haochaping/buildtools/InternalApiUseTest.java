package org.haochaping.buildtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Code that must stay on the public API (the examples) is caught using an internal type or member. */
class InternalApiUseTest {

    @TempDir
    Path dir;

    @Test
    void findsInternalTypesAndMembersUsedFromAnotherPackage() throws Exception {
        Path sdk = Fixtures.compile(dir.resolve("sdk"), Map.of(
                "org/haochaping/InternalApi.java", Fixtures.INTERNAL_API,
                "org/haochaping/fx/Builder.java", """
                        package org.haochaping.fx;
                        public final class Builder {
                            public Builder timeout(int s) { return this; }
                            @org.haochaping.InternalApi public Builder sleeper(Object s) { return this; }
                        }
                        """,
                "org/haochaping/fx/Sm3.java", """
                        package org.haochaping.fx;
                        @org.haochaping.InternalApi
                        public final class Sm3 { public static byte[] digest(byte[] b) { return b; } }
                        """));
        Path app = Fixtures.compile(dir.resolve("app"), Map.of("org/haochaping/examples/App.java", """
                package org.haochaping.examples;
                import org.haochaping.fx.*;
                public class App {
                    static void good() { new Builder_().go(); }
                    static void bad() { org.haochaping.fx.Sm3.digest(new byte[0]); }
                    static class Builder_ { void go() { } }
                    static Object sleeper(org.haochaping.fx.Builder b) { return b.timeout(1).sleeper(null); }
                }
                """), sdk);
        Map<String, ClassInfo> byName = new HashMap<>();
        ClassFiles.readDirectory(sdk).forEach(c -> byName.put(c.name(), c));
        List<String> uses = InternalApiUse.find(ClassFiles.readDirectory(app), byName::get);
        assertThat(uses).containsExactly(
                "org.haochaping.examples.App uses internal member org.haochaping.fx.Builder#sleeper",
                "org.haochaping.examples.App uses internal type org.haochaping.fx.Sm3");
    }
}
