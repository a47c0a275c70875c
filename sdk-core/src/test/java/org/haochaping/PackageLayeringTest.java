package org.haochaping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.haochaping.buildtools.ClassFiles;
import org.haochaping.buildtools.ClassInfo;
import org.haochaping.buildtools.Layering;
import org.junit.jupiter.api.Test;

/**
 * The packages of sdk-core in layers (docs/design.md, "Layering"), checked over the compiled classes: a package uses
 * only lower layers and the root, never its own layer or above, and no packages form a cycle. Lowest layer first;
 * a new package must be placed here deliberately (a subpackage belongs to its listed parent).
 */
class PackageLayeringTest {

    static final List<List<String>> LAYERS = Arrays.asList(
            // 0 foundation: personal-data masking, identifier checks (GB 11643, GB 32100, GB/T 2260)
            Arrays.asList(Layering.ROOT, "privacy", "model.id"),
            // 1 values and primitives: the payload model (Art. 6-15), working days, crypto primitives, HTTP attempts
            Arrays.asList("model", "calendar", "crypto", "transport"),
            // 2 derived values: deadlines in working days (Art. 16, 20, 21), key material; the events the client,
            //   the transport's retries and the outbox report (HcpEventListener)
            Arrays.asList("deadline", "crypto.keys", "event"),
            // 3 the rules and their algorithms: evaluation rules (Art. 5-15), bad-review work orders (Art. 16-22),
            //   signatures, field encryption
            Arrays.asList("rules", "badreview", "crypto.sign", "crypto.cipher"),
            // 4 what travels and what is counted: wire profiles, signed messages, the scorecard (Art. 23-26), the
            //   outbox
            Arrays.asList("wire", "crypto.request", "scorecard", "outbox"),
            // 5 built on those: the national envelope, evaluation tracking and reminders (Art. 16)
            Arrays.asList("crypto.envelope", "tracking"),
            // 6 the composition root: the client
            Arrays.asList("client"));

    /**
     * Friend-access bridges (not exported, {@code @InternalApi}): each is installed by the package it serves and lets
     * other SDK packages or the kit reach that package's non-public parts, so it is checked as part of that package.
     */
    static final Map<String, String> BRIDGES = bridges(
            "crypto.internal", "crypto.keys", // Bouncy Castle key parameters for the signers and ciphers
            "wire.internal", "wire", // the JSON trees of the wire profiles, for the client and the kit
            "internal", "client"); // the kit-only switches of the client (ConformanceKitAccess)

    private static Map<String, String> bridges(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void noPackageUsesItsOwnLayerOrAboveAndNoneFormACycle() throws Exception {
        Path classes = Paths.get(HcpException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<ClassInfo> all = ClassFiles.readJarOrDirectory(classes);
        assertThat(all).extracting(ClassInfo::name).contains("org/haochaping/client/HcpClient");
        assertThat(new Layering("org/haochaping", LAYERS, BRIDGES).violations(all)).isEmpty();
    }
}
