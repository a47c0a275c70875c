package org.haochaping.examples.department;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The kit's simulated central platform as a user runs it: {@code hcp simulate} from the kit's command-line jar, in a
 * process of its own (its WireMock needs Jetty 11; this application's Spring Boot manages Jetty 12). It registers the
 * app, writes the keys to a folder and prints where they are, which this class reads.
 */
final class SimulatorProcess implements AutoCloseable {

    private final Process process;
    private final Map<String, String> printed;
    private final List<String> output = new ArrayList<>();

    private SimulatorProcess(Process process, Map<String, String> printed) {
        this.process = process;
        this.printed = printed;
    }

    /** Starts {@code hcp simulate --port 0} for {@code appId}, keys in {@code out}; waits until it serves. */
    static SimulatorProcess start(String appId, Path out) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-jar", hcpJar().toString(), "simulate", "--port", "0",
                "--out", out.toString(), "--app-id", appId).redirectErrorStream(true);
        Process process = pb.start();
        Map<String, String> printed = new HashMap<>();
        SimulatorProcess simulator = new SimulatorProcess(process, printed);
        CompletableFuture<Void> serving = new CompletableFuture<>();
        Thread reader = new Thread(() -> simulator.read(serving), "hcp-simulate-output");
        reader.setDaemon(true);
        reader.start();
        try {
            serving.get(3, TimeUnit.MINUTES); // a JVM start on a loaded machine; no timing is asserted
        } catch (Exception notServing) {
            process.destroyForcibly();
            throw new IllegalStateException("hcp simulate did not start; it printed: " + simulator.output, notServing);
        }
        return simulator;
    }

    private void read(CompletableFuture<Void> serving) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
                int colon = line.indexOf(": ");
                if (colon > 0 && !serving.isDone()) {
                    printed.put(line.substring(0, colon), line.substring(colon + 2).trim());
                }
                if (line.startsWith("mode: ")) {
                    serving.complete(null);
                }
            }
        } catch (IOException e) {
            serving.completeExceptionally(e);
        }
        serving.completeExceptionally(new IllegalStateException("hcp simulate exited"));
    }

    /**
     * The jar the build passes (the reactor's sdk-conformance {@code cli} artifact), else the one {@code ./hcp} builds
     * (a build that stops before {@code package}, or an IDE).
     */
    private static Path hcpJar() {
        String configured = System.getProperty("hcp.jar");
        if (configured != null && !configured.startsWith("${") && Files.isRegularFile(Paths.get(configured))) {
            return Paths.get(configured);
        }
        Path built = Paths.get("../../sdk-conformance/target/hcp.jar");
        if (!Files.isRegularFile(built)) {
            throw new IllegalStateException("the kit's jar is missing (" + configured + ", "
                    + built.toAbsolutePath().normalize() + "): build it with "
                    + "`mvn -pl examples/spring-boot-department -am verify`, or run ./hcp once");
        }
        return built;
    }

    String baseUrl() {
        return printed.get("base-url");
    }

    String platformKeyId() {
        return printed.get("platform-key-id");
    }

    Path platformPublicKey() {
        return Paths.get(printed.get("platform-public-key"));
    }

    /** The platform's private key, kept by the simulator beside its public half: to sign a callback as it would. */
    Path platformPrivateKey() {
        return platformPublicKey().resolveSibling("platform-private.pem");
    }

    String appKeyId() {
        return printed.get("app-key-id");
    }

    Path appPrivateKey() {
        return Paths.get(printed.get("app-private-key"));
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: it stops cleanly
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
