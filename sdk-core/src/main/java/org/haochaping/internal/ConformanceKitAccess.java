package org.haochaping.internal;

import org.haochaping.client.HcpClient;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Switches for the conformance kit alone, which plays misbehaving clients against a platform; no production client
 * has them. Not API: this package may change or go in any release without notice.
 */
public final class ConformanceKitAccess {

    private static volatile Consumer<HcpClient.Builder> ruleCheckOff;

    private ConformanceKitAccess() {
    }

    /**
     * The builder, set to send evaluations and cases without checking them by the rules first, so that the platform
     * under test meets records that break them (and its refusals can be checked).
     */
    public static HcpClient.Builder withoutRuleChecks(HcpClient.Builder builder) {
        Objects.requireNonNull(builder, "builder");
        // The builder's class initialiser has installed the switch: an instance exists.
        ruleCheckOff.accept(builder);
        return builder;
    }

    /**
     * Called once, by {@code HcpClient.Builder}'s class initialiser, with the switch it alone can flip.
     *
     * @throws IllegalStateException on any later call
     */
    public static synchronized void install(Consumer<HcpClient.Builder> switchOff) {
        if (ruleCheckOff != null) {
            throw new IllegalStateException("installed already");
        }
        ruleCheckOff = Objects.requireNonNull(switchOff, "switchOff");
    }
}
