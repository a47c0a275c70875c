package org.haochaping.buildtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dump renders exactly the public, non-internal API; the leak check finds internal types in its signatures. */
class ApiSurfaceTest {

    @TempDir
    static Path dir;

    static ApiSurface surface;

    @BeforeAll
    static void compile() throws Exception {
        Path classes = Fixtures.compile(dir, Map.of(
                "org/haochaping/InternalApi.java", Fixtures.INTERNAL_API,
                "org/haochaping/fx/Hidden.java", """
                        package org.haochaping.fx;
                        @org.haochaping.InternalApi
                        public final class Hidden { public static class Inner {} }
                        """,
                "org/haochaping/fx/internal/Plumbing.java", """
                        package org.haochaping.fx.internal;
                        public final class Plumbing {}
                        """,
                "org/haochaping/fx/Shown.java", """
                        package org.haochaping.fx;
                        import java.util.*;
                        public final class Shown implements Comparable<Shown> {
                            public static final int LIMIT = 3;
                            public Shown() {}
                            public Hidden leak() { return null; }
                            public List<Hidden.Inner> leakInTypeArgument() { return null; }
                            @org.haochaping.InternalApi public Hidden kitOnly() { return null; }
                            public static <T extends Comparable<T>> List<T> sort(Collection<? extends T> in,
                                    String... more) throws java.io.IOException { return null; }
                            protected void unreachable() {}
                            void packagePrivate() {}
                            public int compareTo(Shown o) { return 0; }
                            public static final class Nested {}
                            private static final class Secret { public void x() {} }
                        }
                        """,
                "org/haochaping/fx/Spi.java", """
                        package org.haochaping.fx;
                        public interface Spi {
                            void a() throws Exception;
                            default void b() {}
                            static Spi of() { return null; }
                        }
                        """,
                "org/haochaping/fx/Base.java", """
                        package org.haochaping.fx;
                        @Deprecated
                        public abstract class Base extends org.haochaping.fx.internal.PlumbingBase {
                            protected abstract void hook();
                            protected final void fixed() {}
                            public enum Mode { ON, OFF }
                        }
                        """,
                "org/haochaping/fx/internal/PlumbingBase.java", """
                        package org.haochaping.fx.internal;
                        public abstract class PlumbingBase {}
                        """,
                "org/haochaping/fx/Hidden2.java", """
                        package org.haochaping.fx;
                        class PackagePrivate { public void x() {} public static class Pub {} }
                        """));
        surface = new ApiSurface(ClassFiles.readDirectory(classes), name -> null);
    }

    @Test
    void dumpsPublicTypesAndMembersAsSortedJavaText() {
        assertThat(surface.dump()).contains("""
                public final class org.haochaping.fx.Shown implements java.lang.Comparable<org.haochaping.fx.Shown> {
                    public Shown()
                    public int compareTo(org.haochaping.fx.Shown)
                    public java.util.List<org.haochaping.fx.Hidden$Inner> leakInTypeArgument()
                    public org.haochaping.fx.Hidden leak()
                    public static <T extends java.lang.Comparable<T>> java.util.List<T> sort(\
                java.util.Collection<? extends T>, java.lang.String...) throws java.io.IOException
                    public static final int LIMIT
                }
                """)
                .contains("""
                        public interface org.haochaping.fx.Spi {
                            public default void b()
                            public static org.haochaping.fx.Spi of()
                            public void a() throws java.lang.Exception
                        }
                        """)
                .contains("public static final class org.haochaping.fx.Shown$Nested {\n    public Shown$Nested()\n}")
                .contains("""
                        @Deprecated public abstract class org.haochaping.fx.Base extends \
                        org.haochaping.fx.internal.PlumbingBase {
                            protected abstract void hook()
                            protected final void fixed()
                            public Base()
                        }
                        """)
                .contains("public enum org.haochaping.fx.Base$Mode {");
    }

    @Test
    void leavesOutInternalNonPublicAndUnreachableApi() {
        String dump = surface.dump();
        assertThat(dump).doesNotContain("Hidden {", "Hidden$Inner {", "class org.haochaping.fx.internal.", "kitOnly", "unreachable",
                "packagePrivate", "Secret", "PackagePrivate", "bridge");
        assertThat(dump).as("the bridge compareTo(Object) is synthetic").doesNotContain("compareTo(java.lang.Object)");
    }

    @Test
    void findsEveryInternalTypeTheApiExposes() {
        assertThat(surface.leaks()).containsExactly(
                "org.haochaping.fx.Base extends or implements internal org.haochaping.fx.internal.PlumbingBase",
                "org.haochaping.fx.Shown.leak exposes internal org.haochaping.fx.Hidden",
                "org.haochaping.fx.Shown.leakInTypeArgument exposes internal org.haochaping.fx.Hidden$Inner");
    }

    @Test
    void internalMeansMarkedInAnInternalPackageOrNestedInOne() {
        assertThat(surface.isInternal("org/haochaping/fx/Hidden")).isTrue();
        assertThat(surface.isInternal("org/haochaping/fx/Hidden$Inner")).isTrue();
        assertThat(surface.isInternal("org/haochaping/fx/internal/Plumbing")).isTrue();
        assertThat(surface.isInternal("org/haochaping/fx/Shown")).isFalse();
        assertThat(surface.isInternal("org/haochaping/fx/Shown$Nested")).isFalse();
    }
}
