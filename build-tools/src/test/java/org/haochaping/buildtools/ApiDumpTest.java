package org.haochaping.buildtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build check: a missing or different dump fails with the diff and the command; update writes it. */
class ApiDumpTest {

    @TempDir
    Path dir;

    private ApiSurface compile(String name, String body) throws Exception {
        Path classes = Fixtures.compile(dir.resolve(name), Map.of(
                "org/haochaping/InternalApi.java", Fixtures.INTERNAL_API,
                "org/haochaping/fx/Client.java", "package org.haochaping.fx;\npublic final class Client {\n" + body
                        + "\n}\n",
                "org/haochaping/fx/Kit.java", "package org.haochaping.fx;\n@org.haochaping.InternalApi\n"
                        + "public final class Kit {}\n"));
        return new ApiSurface(ClassFiles.readDirectory(classes), n -> null);
    }

    @Test
    void missingDumpFailsAndNamesTheCommand() throws Exception {
        String message = ApiDump.check("m", compile("a", "public void send() {}"), dir.resolve("m.api"), false);
        assertThat(message).contains("no API dump").contains(".ci/api-dump");
    }

    @Test
    void updateWritesTheDumpThatTheCheckThenAccepts() throws Exception {
        ApiSurface surface = compile("a", "public void send() {}");
        Path dump = dir.resolve("api/m.api");
        assertThat(ApiDump.check("m", surface, dump, true)).isNull();
        assertThat(Files.readString(dump)).contains("public void send()");
        assertThat(ApiDump.check("m", surface, dump, false)).isNull();
    }

    @Test
    void aChangedApiFailsWithTheDiffUnderItsTypeAndTheCommand() throws Exception {
        Path dump = dir.resolve("m.api");
        ApiDump.check("m", compile("a", "public void send() {}\npublic void close() {}"), dump, true);
        String message = ApiDump.check("m", compile("b", "public void send(String to) {}\npublic void close() {}"),
                dump, false);
        assertThat(message)
                .contains("public final class org.haochaping.fx.Client {")
                .contains("-     public void send()")
                .contains("+     public void send(java.lang.String)")
                .doesNotContain("close()")
                .endsWith(".ci/api-dump");
    }

    @Test
    void internalApiIsNotPartOfTheDumpSoChangingItPasses() throws Exception {
        Path dump = dir.resolve("m.api");
        ApiDump.check("m", compile("a", "public void send() {}"), dump, true);
        assertThat(ApiDump.check("m", compile("b",
                "public void send() {}\n@org.haochaping.InternalApi public void kitSwitch(boolean on) {}"), dump, false))
                .isNull();
    }

    @Test
    void aLeakFailsEvenWhenUpdating() throws Exception {
        String message = ApiDump.check("m", compile("a", "public Kit kit() { return null; }"), dir.resolve("m.api"),
                true);
        assertThat(message).contains("exposes internal API").contains("org.haochaping.fx.Client.kit exposes internal "
                + "org.haochaping.fx.Kit");
        assertThat(dir.resolve("m.api")).doesNotExist();
    }
}
