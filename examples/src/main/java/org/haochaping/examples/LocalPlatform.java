package org.haochaping.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

import org.haochaping.client.HcpClient;
import org.haochaping.conformance.simulator.AppCredentials;
import org.haochaping.conformance.simulator.SimulatedPlatform;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.transport.RetryPolicy;

/**
 * The one piece of setup the examples share: a central 好差评 platform to talk to. In production the province
 * gives you its base URL, your app id and the platform's public key, and you hold your own SM2 private key; here
 * the kit's embedded {@link SimulatedPlatform} plays the platform on a local port and hands out a fresh app.
 * Everything else in the examples is the SDK's public API, as a department system would call it.
 */
final class LocalPlatform implements AutoCloseable {

    /** Where the examples write their files (PNG, SVG, the terminal's outbox). */
    static final Path OUTPUT = Paths.get("hcp-out", "examples");

    private final SimulatedPlatform simulator;
    private final AppCredentials app;

    private LocalPlatform(String appId) {
        this.simulator = SimulatedPlatform.start();
        this.app = simulator.newApp(appId);
    }

    /** Starts a simulated platform on a free local port and registers {@code appId} with a fresh SM2 key. */
    static LocalPlatform start(String appId) {
        return new LocalPlatform(appId);
    }

    /**
     * An {@link HcpClient} builder with what the province would give you: base URL, app id, your signer and the
     * platform's verifier (every response is signed). Short retry pauses so the examples finish quickly.
     */
    HcpClient.Builder client() {
        return HcpClient.builder()
                .baseUrl(simulator.baseUrl())
                .appId(app.appId())
                .signer(app.signer())
                .platformVerifier(Sm2Verifier.builder().key(simulator.platformKeyId(), simulator.platformPublicKey())
                        .build())
                .retryPolicy(RetryPolicy.builder().maxRetries(3).initialBackoff(Duration.ofMillis(20))
                        .maxBackoff(Duration.ofMillis(200)).build());
    }

    /** The simulator itself, for what only a test bench can do: cut the network, count what arrived. */
    SimulatedPlatform simulator() {
        return simulator;
    }

    /** {@link #OUTPUT}, created if missing. */
    static Path outputFolder() throws java.io.IOException {
        return Files.createDirectories(OUTPUT);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
