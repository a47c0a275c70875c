package org.haochaping.android.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * sdk-core stays small enough for a terminal app: at most 300 KB (docs/android.md, "Sizes"). Its dependencies are
 * far larger, but R8 keeps only what the SDK reaches; sdk-core itself is all kept.
 */
class SdkJarSizeTest {

    private static final long SDK_CORE_LIMIT_BYTES = 300 * 1024;

    @Test
    void sdkCoreJarIsAtMost300Kilobytes() throws IOException {
        Path jar = SdkModules.SDK_CORE.jar();
        Assumptions.assumeTrue(Files.isRegularFile(jar), () -> jar + " is built by 'mvn package' or later");
        assertThat(Files.size(jar)).as("size of %s in bytes", jar.getFileName()).isLessThanOrEqualTo(SDK_CORE_LIMIT_BYTES);
    }
}
