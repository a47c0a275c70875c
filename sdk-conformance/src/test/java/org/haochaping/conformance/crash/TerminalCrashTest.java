package org.haochaping.conformance.crash;

import org.haochaping.conformance.simulator.AcceptedEvaluation;
import org.haochaping.conformance.simulator.AppCredentials;
import org.haochaping.conformance.simulator.SimulatedPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's proof on the real stack: a terminal JVM submitting evaluations through the SDK client's outbox to the
 * simulated central platform is killed with SIGKILL again and again (while the platform fails requests and loses
 * responses), restarted on the same outbox directory, and finally drained; the platform then holds every evaluation
 * whose submit returned, each counted once, and nothing else.
 */
class TerminalCrashTest {

    private static final int KILLED_ROUNDS = 4;
    private static final int PER_ROUND = 60;

    @TempDir
    Path temp;
    private SimulatedPlatform platform;
    private AppCredentials app;
    private Path appKey;
    private Path platformKey;

    @BeforeEach
    void start() throws IOException {
        platform = SimulatedPlatform.start();
        app = platform.newApp("terminal-07");
        appKey = Files.writeString(temp.resolve("app.pem"), app.privateKey().exportPkcs8Pem());
        platformKey = Files.writeString(temp.resolve("platform.pem"), platform.platformPublicKey().toPem());
    }

    @AfterEach
    void stop() {
        platform.stop();
    }

    private static final class Run {
        final Set<Integer> stored = new HashSet<>();
        int submitting;
        int highestStored;
        boolean opened;
        boolean drained;
    }

    private Process child(Path outbox, int first, int last, boolean stay, Run run) throws IOException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                TerminalChild.class.getName(), platform.baseUrl(), app.appId(), appKey.toString(),
                platformKey.toString(), outbox.toString(), Integer.toString(first), Integer.toString(last),
                stay ? "stay" : "exit").redirectError(temp.resolve("child-stderr.txt").toFile()).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    String[] part = line.split(" ");
                    synchronized (run) {
                        switch (part[0]) {
                            case "OPEN" -> run.opened = true;
                            case "SUBMITTING" -> run.submitting = Integer.parseInt(part[1]);
                            case "STORED" -> {
                                run.stored.add(Integer.parseInt(part[1]));
                                run.highestStored = Integer.parseInt(part[1]);
                            }
                            case "DRAINED" -> run.drained = Boolean.parseBoolean(part[1]);
                            default -> { }
                        }
                        run.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the child was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    private static void await(Run run, java.util.function.Predicate<Run> condition, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        synchronized (run) {
            while (!condition.test(run) && System.nanoTime() < deadline && p.isAlive()) {
                run.wait(100);
            }
        }
    }

    @Test
    void killedTerminalsLoseNoEvaluationAndCountNoneTwice() throws Exception {
        Path outbox = temp.resolve("outbox");
        Random random = new Random(26);
        Set<Integer> stored = new HashSet<>();
        Set<Integer> maybe = new HashSet<>();
        int next = 1;
        List<String> rounds = new ArrayList<>();
        for (int round = 0; round < KILLED_ROUNDS; round++) {
            platform.faults().failNext(2, 503).loseResponseNext(2);
            Run run = new Run();
            Process p = child(outbox, next, next + PER_ROUND - 1, true, run);
            int killAt = next + 5 + random.nextInt(PER_ROUND - 10);
            await(run, r -> r.highestStored >= killAt, p);
            assertThat(p.isAlive()).as("round %d: the terminal is running when killed", round).isTrue();
            p.toHandle().destroyForcibly();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100); // let the reader take the last lines
            synchronized (run) {
                stored.addAll(run.stored);
                if (run.submitting > run.highestStored) {
                    maybe.add(run.submitting); // killed inside submit: stored or not, either is right
                }
                rounds.add("round " + round + ": " + next + ".." + run.submitting + " (stored up to "
                        + run.highestStored + ")");
                next = Math.max(run.submitting, run.highestStored) + 1;
            }
        }
        Run last = new Run();
        Process p = child(outbox, next, next + 9, false, last);
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("the last terminal drains and exits").isTrue();
        Thread.sleep(100);
        assertThat(p.exitValue()).isZero();
        synchronized (last) {
            assertThat(last.drained).isTrue();
            stored.addAll(last.stored);
        }

        assertThat(stored).as("the terminals stored evaluations before each kill").hasSizeGreaterThan(KILLED_ROUNDS * 5);
        List<String> ids = new ArrayList<>();
        for (AcceptedEvaluation e : platform.observations().acceptedEvaluations()) {
            ids.add(e.evaluationId());
        }
        Set<String> distinct = new HashSet<>(ids);
        assertThat(ids).as("no evaluation counted twice; %s", rounds).hasSameSizeAs(distinct);
        Set<String> expected = new HashSet<>();
        stored.forEach(n -> expected.add("EV-CRASH-" + n));
        assertThat(distinct).as("every stored evaluation reached the platform; %s", rounds).containsAll(expected);
        Set<String> extra = new HashSet<>(distinct);
        extra.removeAll(expected);
        Set<String> allowed = new HashSet<>();
        maybe.forEach(n -> allowed.add("EV-CRASH-" + n));
        assertThat(allowed).as("nothing but stored evaluations was counted; %s", rounds).containsAll(extra);
        assertThat(platform.observations().countedEvaluations()).isEqualTo(distinct.size());
    }
}
