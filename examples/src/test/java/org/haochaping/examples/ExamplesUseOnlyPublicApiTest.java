package org.haochaping.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.haochaping.HcpException;
import org.haochaping.buildtools.ApiSurface;
import org.haochaping.buildtools.ClassFiles;
import org.haochaping.buildtools.ClassInfo;
import org.haochaping.buildtools.InternalApiUse;
import org.haochaping.qrcode.render.ArgbImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What users copy stays on the public API (docs/api-policy.md): the examples' classes use no type or member marked
 * {@code @InternalApi} (read from their class files), and the READMEs' code names no internal type.
 */
class ExamplesUseOnlyPublicApiTest {

    private static final Pattern CODE_BLOCK = Pattern.compile("```\\w*\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theExamplesUseNoInternalApi() throws Exception {
        List<ClassInfo> examples = ClassFiles.readJarOrDirectory(location(DepartmentSystem.class));
        assertThat(examples).extracting(ClassInfo::simpleName).contains("DepartmentSystem", "SelfServiceTerminal");
        ClassLoader loader = getClass().getClassLoader();
        assertThat(InternalApiUse.find(examples, name -> ClassFiles.readResource(loader, name))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "README.zh-CN.md", "examples/README.md"})
    void theReadmesNameNoInternalType(String readme) throws Exception {
        Set<String> internal = internalTypeNames();
        assertThat(internal).as("the check knows the SDK's internal types").contains("Sm3", "CanonicalMessage");
        String text = new String(Files.readAllBytes(root().resolve(readme)), StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        Matcher block = CODE_BLOCK.matcher(text);
        while (block.find()) {
            for (String name : internal) {
                if (Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(block.group(1)).find()) {
                    found.add(name);
                }
            }
        }
        assertThat(found).as(readme + " uses internal API in its code").isEmpty();
    }

    /** Simple names of every internal type of the SDK modules the examples use (sdk-core, sdk-qrcode). */
    private static Set<String> internalTypeNames() throws URISyntaxException {
        Set<String> names = new TreeSet<>();
        for (Class<?> anchor : new Class<?>[] {HcpException.class, ArgbImage.class}) {
            List<ClassInfo> classes = ClassFiles.readJarOrDirectory(location(anchor));
            ApiSurface module = new ApiSurface(classes, name -> null);
            for (ClassInfo c : classes) {
                if (module.isInternal(c.name()) && !c.local() && (c.access() & 1) != 0) {
                    names.add(c.simpleName());
                }
            }
        }
        return names;
    }

    private static Path location(Class<?> type) throws URISyntaxException {
        return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Path root() {
        return Paths.get(System.getProperty("hcp.root.dir", ".."));
    }
}
