package org.haochaping.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a terminal JVM with SIGKILL ({@code ProcessHandle.destroyForcibly} on Linux) again and again while it
 * submits through the outbox to a local platform, restarts it on the same directory, and checks that the
 * platform counted every stored record exactly once: none lost, none counted twice.
 *
 * <p>The platform fails a share of requests, some before and some after counting them (a response lost on
 * the way back), so that resends under the same idempotency key really happen.
 */
class OutboxCrashTest {

    private static final int KILLED_ROUNDS = 8;
    /** Numbers each killed child may submit; it is killed at a random one of them, and the rest drain in seconds. */
    private static final int RECORDS_PER_ROUND = 400;
    private static final int FINAL_RECORDS = 20;

    @TempDir
    Path temp;

    private HttpServer platform;
    private ExecutorService platformThreads;
    /** Idempotency key to the payload the platform counted under it. */
    private final Map<String, String> counted = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    /** Per payload, every request that carried it (key, outbox sequence, child): printed if a check fails. */
    private final Map<String, List<String>> trace = new ConcurrentHashMap<>();
    private final AtomicInteger resendsOfCountedKeys = new AtomicInteger();
    private final Random faults = new Random(20260302L);

    @BeforeEach
    void startPlatform() throws IOException {
        platform = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        platformThreads = Executors.newFixedThreadPool(4);
        platform.setExecutor(platformThreads);
        platform.createContext("/records", this::handle);
        platform.start();
    }

    @AfterEach
    void stopPlatform() {
        platform.stop(0);
        platformThreads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String payload = new String(readAll(exchange.getRequestBody()), StandardCharsets.UTF_8);
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        trace.computeIfAbsent(payload, p -> new CopyOnWriteArrayList<>()).add(key + " seq "
                + exchange.getRequestHeaders().getFirst("X-Outbox-Sequence") + " from "
                + exchange.getRequestHeaders().getFirst("X-Child"));
        int roll;
        synchronized (faults) {
            roll = faults.nextInt(100);
        }
        int status;
        if (key == null) {
            status = 400;
        } else if (roll < 10) {
            status = 503; // failed before counting
        } else {
            if (counted.putIfAbsent(key, payload) != null) {
                resendsOfCountedKeys.incrementAndGet();
            }
            status = roll < 20 ? 502 : 201; // counted, but the answer is lost 10% of the time
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[256];
        for (int read; (read = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /** What one run of the child printed. */
    private static final class Run {
        final Set<Integer> stored = new HashSet<>();
        int highestSubmitting;
        int highestStored;
        boolean drained;
        boolean opened;
        String readFailure;
    }

    private Process startChild(Path outbox, int first, int last, boolean stay) throws IOException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), OutboxCrashChild.class.getName(),
                outbox.toString(), "http://127.0.0.1:" + platform.getAddress().getPort(),
                Integer.toString(first), Integer.toString(last), stay ? "stay" : "exit");
        builder.redirectError(temp.resolve("child-stderr.txt").toFile());
        return builder.start();
    }

    private static Thread readOutput(Process child, Run run) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    String[] parts = line.split(" ");
                    synchronized (run) {
                        switch (parts[0]) {
                            case "OPEN":
                                run.opened = true;
                                run.notifyAll();
                                break;
                            case "SUBMITTING":
                                run.highestSubmitting = Integer.parseInt(parts[1]);
                                break;
                            case "STORED":
                                run.stored.add(Integer.parseInt(parts[1]));
                                run.highestStored = Integer.parseInt(parts[1]);
                                run.notifyAll();
                                break;
                            case "DRAINED":
                                run.drained = Boolean.parseBoolean(parts[1]);
                                break;
                            default:
                                break;
                        }
                    }
                }
            } catch (IOException unreadable) {
                synchronized (run) {
                    run.readFailure = unreadable.toString();
                }
            }
        });
        reader.start();
        return reader;
    }

    @Test
    void killedAndRestartedTerminalsLoseNothingAndCountNothingTwice() throws Exception {
        Path outbox = temp.resolve("outbox");
        Random timing = new Random(7);
        Set<Integer> stored = new HashSet<>();
        Set<Integer> maybeStored = new HashSet<>(); // in submit when killed: stored or not, either is right
        int next = 1;
        int killedWhileSubmitting = 0;
        List<String> rounds = new ArrayList<>();

        for (int round = 0; round < KILLED_ROUNDS; round++) {
            Run run = new Run();
            Process child = startChild(outbox, next, next + RECORDS_PER_ROUND - 1, true);
            Thread reader = readOutput(child, run);
            synchronized (run) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!run.opened && System.nanoTime() < deadline && child.isAlive()) {
                    run.wait(100);
                }
                assertThat(run.opened).as("child %d opened its outbox", round).isTrue();
            }
            // Kill at a random point of the submits (so that a submit, a delivery and often an fsync are in
            // flight), whatever the machine's speed.
            int killAfter = next + 20 + timing.nextInt(RECORDS_PER_ROUND - 40);
            synchronized (run) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (run.highestStored < killAfter && System.nanoTime() < deadline && child.isAlive()) {
                    run.wait(100);
                }
            }
            Thread.sleep(timing.nextInt(3));
            assertThat(child.isAlive()).as("child %d still running when killed", round).isTrue();
            // SIGKILL through the process handle: Process.destroyForcibly() would also close our end of the
            // child's stdout and drop lines not yet read, making this test reuse record numbers.
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            reader.join(5000);
            Path journal = outbox.resolve(Journal.FILE_NAME);
            if (Files.exists(journal)) {
                assertThat(new String(Files.readAllBytes(journal), StandardCharsets.ISO_8859_1))
                        .as("round %d: payloads are encrypted at rest in the journal", round)
                        .doesNotContain("record-");
            }
            synchronized (run) {
                assertThat(reader.isAlive()).as("round %d: the child's output was read to its end", round).isFalse();
                assertThat(run.readFailure).as("round %d: reading the child's output", round).isNull();
                rounds.add("round " + round + ": numbers " + next + " to " + run.highestSubmitting + ", last stored "
                        + run.highestStored);
                stored.addAll(run.stored);
                if (run.highestSubmitting > run.highestStored) {
                    maybeStored.add(run.highestSubmitting);
                    killedWhileSubmitting++;
                }
                next = Math.max(run.highestSubmitting, run.highestStored) + 1;
            }
        }

        Run last = new Run();
        Process child = startChild(outbox, next, next + FINAL_RECORDS - 1, false);
        Thread reader = readOutput(child, last);
        assertThat(child.waitFor(50, TimeUnit.SECONDS)).as("the last child finishes").isTrue();
        reader.join(5000);
        assertThat(child.exitValue()).isZero();
        assertThat(last.drained).as("the last child drained its outbox").isTrue();
        stored.addAll(last.stored);

        Map<String, Set<String>> keysByPayload = new ConcurrentHashMap<>();
        counted.forEach((key, payload) -> keysByPayload.computeIfAbsent(payload, p -> new HashSet<>()).add(key));
        List<String> countedTwice = new ArrayList<>();
        keysByPayload.forEach((payload, keys) -> {
            if (keys.size() > 1) {
                countedTwice.add(payload);
            }
        });
        Set<String> expected = new HashSet<>();
        stored.forEach(n -> expected.add("record-" + n));
        Set<String> unexpected = new HashSet<>(keysByPayload.keySet());
        unexpected.removeAll(expected);
        maybeStored.forEach(n -> unexpected.remove("record-" + n));

        assertThat(stored.size()).as("records stored across all runs").isGreaterThan(KILLED_ROUNDS);
        List<String> traces = new ArrayList<>();
        countedTwice.forEach(payload -> traces.add(payload + " " + trace.get(payload)));
        assertThat(countedTwice).as("records counted under more than one key; %s %s", rounds, traces).isEmpty();
        assertThat(keysByPayload.keySet()).as("every stored record reached the platform").containsAll(expected);
        assertThat(unexpected).as("records the platform counted that no child submitted").isEmpty();
        assertThat(resendsOfCountedKeys.get()).as("resends under an already counted key happened").isPositive();
        System.out.printf("crash test: %d rounds killed (%d inside submit), %d records stored, "
                        + "%d counted, %d requests, %d resends of counted keys%n", KILLED_ROUNDS, killedWhileSubmitting,
                stored.size(), counted.size(), requests.get(), resendsOfCountedKeys.get());
    }
}
