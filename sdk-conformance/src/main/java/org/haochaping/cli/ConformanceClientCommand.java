package org.haochaping.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.haochaping.conformance.kit.client.ClientConformanceReport;
import org.haochaping.conformance.kit.client.ClientConformanceSession;
import org.haochaping.conformance.kit.client.ClientScenario;
import org.haochaping.conformance.simulator.FaultSchedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hcp conformance client}: the kit plays the central platform (the simulator, strict) for an integrator's
 * system, prints the scenarios to perform, judges every request and writes {@code report.json},
 * {@code junit.xml} and {@code summary.txt} when it stops.
 */
@Command(name = "client", mixinStandardHelpOptions = true,
        description = {"Play the central platform (the simulator in strict mode) for a system under test and judge it.",
            "",
            "Registers one app the way 'hcp simulate' does (key files kept in --out), prints the base URL, the key "
                + "paths and the scenarios to perform (one per channel and evaluation rule, then a bad review's work "
                + "order, an appeal and a follow-up visit). Every request is checked: signature, timestamp, nonce, "
                + "idempotency key, shape and the rules.",
            "",
            "Faults (unless --no-faults): the kit answers the first six new writes with 503, 429 + Retry-After, a "
                + "dropped response, a connection reset, a response signed with a wrong key and one with a byte "
                + "altered, and judges how each was handled (retried within the policy under one Idempotency-Key, "
                + "fresh nonce and timestamp, tampered answers not believed, nothing counted twice). With --profile "
                + "national or both, the first six new national envelopes get the same (an answer that leaves a record "
                + "out and one that names a record not sent stand in for the signature faults: national answers are "
                + "unsigned), judged by the envelope's rules: every attempt sealed anew, the same records and "
                + "evaluation ids, counted once.",
            "",
            "Serves until stopped (Ctrl-C or SIGTERM), until every scenario passed and every fault was handled "
                + "(--until-complete; the request in flight is answered first) or for --timeout, then writes "
                + "report.json, junit.xml and summary.txt to --report.",
            "",
            "Exit 0: every scenario passed, every fault was handled and no request was refused; 1: otherwise, also "
                + "when stopped by Ctrl-C or SIGTERM (the report is written first); 2: usage error, unreadable key or a port in use.",
            ""})
final class ConformanceClientCommand implements Callable<Integer> {

    private static final long POLL_MILLIS = 200;
    /** How long a stopping session waits for the answer to a request already being served. */
    private static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Mixin
    SimulatorSetup setup;

    @Option(names = "--report", defaultValue = "hcp-out/conformance/client", paramLabel = "DIR",
            description = "Directory for report.json, junit.xml and summary.txt (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--until-complete", description = "Stop as soon as every scenario has passed.")
    boolean untilComplete;

    @Option(names = "--no-faults", description = "Inject no faults (they are on by default).")
    boolean noFaults;

    @Option(names = "--profile", defaultValue = "unified", paramLabel = "national|unified|both",
            description = "The report style to judge: unified (signed requests, work orders; the default), national "
                    + "(the submission scenarios in the national envelope, POST /v1/national/evaluations) or both.")
    String profile;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Stop after this long (ISO-8601, e.g. PT10M or PT30S).")
    String timeout;

    @Option(names = "--clock-start", paramLabel = "INSTANT",
            description = "Run the platform's clock from INSTANT (ISO-8601, e.g. 2026-12-07T01:00:00Z) on, instead of "
                    + "this machine's date: a session whose dates do not depend on the day it runs. The client must "
                    + "sign on the same clock (the offset is printed as clock-offset-seconds).")
    String clockStart;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        java.time.Clock clock = java.time.Clock.systemUTC();
        if (clockStart != null) {
            try {
                clock = java.time.Clock.offset(clock, Duration.between(clock.instant(), java.time.Instant.parse(clockStart)));
            } catch (DateTimeParseException e) {
                err.println("hcp conformance client: --clock-start takes an ISO-8601 instant such as 2026-12-07T01:00:00Z");
                return 2;
            }
        }
        Duration limit;
        try {
            limit = timeout == null ? null : Duration.parse(timeout);
        } catch (DateTimeParseException e) {
            err.println("hcp conformance client: --timeout takes an ISO-8601 duration such as PT10M or PT30S");
            return 2;
        }
        if (limit != null && (limit.isNegative() || limit.isZero())) {
            err.println("hcp conformance client: --timeout must be positive");
            return 2;
        }
        ClientConformanceSession.Profile style;
        try {
            style = ClientConformanceSession.Profile.valueOf(profile.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("hcp conformance client: --profile takes national, unified or both");
            return 2;
        }
        SimulatorSetup.Keys keys = setup.prepare("hcp conformance client", null, err);
        if (keys == null) {
            return 2;
        }
        Path dir = keys.dir;
        Path appPrivateFile = keys.appPrivateFile;
        ClientConformanceSession session;
        try {
            session = ClientConformanceSession.builder().port(setup.port).bindAddress(setup.bind).platformKey(keys.platformKey)
                    .faults(!noFaults).profile(style).clock(clock).app(setup.appId, keys.appKeyId, keys.appPublic).start();
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("hcp conformance client: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch reported = new CountDownLatch(1);
        // Ctrl-C and SIGTERM end the session like --timeout does: the report is written, the exit code is the result's.
        // Installed before the instructions are printed: whoever reads them may stop the session at once.
        StopSignals signals = StopSignals.install(stopRequested::countDown);
        if (clockStart != null) {
            stdout.println("clock-offset-seconds: " + Duration.between(java.time.Instant.now(), clock.instant()).getSeconds()
                    + " (the platform's clock runs from " + clockStart + ")");
        }
        printInstructions(stdout, session, dir, appPrivateFile);

        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                reported.await(30, TimeUnit.SECONDS);   // let the report be written before the JVM exits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hcp-conformance-client-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            long deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
            while (!stopRequested.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() - deadline >= 0) {
                    stdout.println("timeout reached (" + limit + ")");
                    break;
                }
                if (untilComplete && session.evaluate().scenariosPassed()) {
                    stdout.println("every scenario passed" + (noFaults ? "" : " and every fault was handled"));
                    break;
                }
            }
            if (stopRequested.getCount() == 0) {
                stdout.println("stopped");
            }
            session.awaitIdle(IN_FLIGHT_GRACE);
            session.stop();
            return writeReport(session.evaluate(), stdout, err);
        } finally {
            signals.restore();
            session.stop();
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it has been waiting for this report
            }
        }
    }

    private void printInstructions(PrintWriter stdout, ClientConformanceSession session, Path dir, Path appPrivateFile) {
        stdout.println("hcp conformance client: the kit plays the central platform (strict); point the system under test at it");
        stdout.println("base-url: " + session.baseUrl());
        stdout.println("platform-public-key: " + dir.resolve(SimulateCommand.PLATFORM_PUBLIC));
        stdout.println("platform-key-id: " + session.platformKeyId());
        stdout.println("app-id: " + session.appId());
        stdout.println("app-key-id: " + session.appKeyId());
        if (appPrivateFile != null) {
            stdout.println("app-private-key: " + appPrivateFile);
        }
        if (session.appMark() != null) {
            stdout.println("national-app-mark: " + session.appMark());
            stdout.println("national-app-word: " + session.appWord());
            stdout.println("national-endpoint: " + session.baseUrl() + "/v1/national/evaluations (seal the envelope anew "
                    + "for every attempt: a sign is accepted once)");
        }
        stdout.println("profile: " + session.profile().name().toLowerCase(java.util.Locale.ROOT));
        stdout.println("report: " + reportDir);
        stdout.println();
        stdout.println("Scenarios (id [rule]: what to submit):");
        for (ClientScenario s : session.scenarios()) {
            stdout.println("  " + s.id() + " [" + s.rule() + "]: " + s.submit());
        }
        if (!session.faults().isEmpty()) {
            stdout.println();
            stdout.println("Faults (each into the next new write of its style, in this order; --no-faults to skip):");
            for (FaultSchedule.Step f : session.faults()) {
                stdout.println("  " + f.id() + ": " + f.description());
            }
        }
        stdout.println();
        stdout.println("Every request must be signed, fresh (timestamp, nonce), carry an Idempotency-Key on writes and pass the rules.");
        stdout.println(untilComplete ? "Stops when every scenario has passed, or with Ctrl-C." : "Stop with Ctrl-C to get the report.");
        stdout.flush();
    }

    private int writeReport(ClientConformanceReport report, PrintWriter stdout, PrintWriter err) {
        String summary = report.summary();
        try {
            Files.createDirectories(reportDir);
            Files.writeString(reportDir.resolve("report.json"), report.toJson());
            Files.writeString(reportDir.resolve("junit.xml"), report.toJUnitXml());
            Files.writeString(reportDir.resolve("summary.txt"), summary);
        } catch (IOException e) {
            err.println("hcp conformance client: cannot write the report to " + reportDir + ": " + e);
            err.flush();
            return 2;
        }
        stdout.println();
        stdout.print(summary);
        stdout.println("Report: " + reportDir.resolve("summary.txt") + ", " + reportDir.resolve("report.json") + ", "
                + reportDir.resolve("junit.xml"));
        stdout.flush();
        return report.passed() ? 0 : 1;
    }
}
