package org.haochaping.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.haochaping.client.HcpClient;
import org.haochaping.conformance.SamplePayloads;
import org.haochaping.conformance.simulator.AcceptedEvaluation;
import org.haochaping.conformance.simulator.AppCredentials;
import org.haochaping.conformance.simulator.SimulatedPlatform;
import org.haochaping.crypto.sign.Sm2Verifier;
import org.haochaping.model.Evaluation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's proof on the real stack: two JVMs, two instances of a department system, share one outbox table on
 * real PostgreSQL and deliver it to the simulated platform; one is killed with SIGKILL while it holds leased rows and
 * has a delivery in flight (the platform answers slowly). The survivor takes the dead instance's rows over when their
 * lease ends, and the platform holds every record, each counted once.
 */
class TwoInstancesSigkillTest {

    private static final int RECORDS = 120;

    @TempDir
    Path temp;
    private SimulatedPlatform platform;
    private AppCredentials app;
    private DataSource dataSource;
    private JdbcTables tables;
    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        platform = SimulatedPlatform.start();
        app = platform.newApp("dept-system-01");
        dataSource = TestDatabase.POSTGRESQL.dataSource();
        tables = TestDatabase.freshTables();
        JdbcSchema.apply(dataSource, JdbcDialect.POSTGRESQL, tables);
    }

    @AfterEach
    void stop() throws Exception {
        for (Process p : children) {
            p.toHandle().destroyForcibly();
            p.waitFor(20, TimeUnit.SECONDS);
        }
        platform.stop();
        TestDatabase.dropTables(dataSource, tables);
    }

    static Evaluation evaluation(int n) {
        Evaluation template = SamplePayloads.all().get(0).evaluation();
        return template.toBuilder().evaluationId("EV-POD-" + n)
                .caseRecord(template.caseRecord().toBuilder().caseNo("TJPOD" + n).build()).build();
    }

    private static final class Output {
        final Set<Long> delivering = new HashSet<>();
        final Set<Long> delivered = new HashSet<>();
        boolean started;
    }

    private Process instance(String id, Output out, Path appKey, Path platformKey) throws IOException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                OutboxInstanceChild.class.getName(), platform.baseUrl(), app.appId(), appKey.toString(),
                platformKey.toString(), TestDatabase.PG_URL, tables.prefix(), id)
                .redirectError(temp.resolve(id + "-stderr.txt").toFile()).start();
        children.add(p);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    String[] part = line.split(" ");
                    synchronized (out) {
                        switch (part[0]) {
                            case "STARTED" -> out.started = true;
                            case "DELIVERING" -> out.delivering.add(Long.parseLong(part[1]));
                            case "DELIVERED" -> out.delivered.add(Long.parseLong(part[1]));
                            default -> { }
                        }
                        out.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    private static void await(Output out, java.util.function.Predicate<Output> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        synchronized (out) {
            while (!condition.test(out) && System.nanoTime() < deadline) {
                out.wait(100);
            }
        }
    }

    private long rows(String where) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + tables.outbox() + " WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void killingOneInstanceMidDeliveryLosesNothingAndCountsNothingTwice() throws Exception {
        Path appKey = Files.writeString(temp.resolve("app.pem"), app.privateKey().exportPkcs8Pem());
        Path platformKey = Files.writeString(temp.resolve("platform.pem"), platform.platformPublicKey().toPem());
        // The business side: records submitted to the shared table (by a third instance that does not deliver).
        Set<String> expected = new HashSet<>();
        try (HcpClient encoder = HcpClient.builder().baseUrl(platform.baseUrl()).appId(app.appId())
                .signer(app.signer())
                .platformVerifier(Sm2Verifier.builder().key(platform.platformKeyId(), platform.platformPublicKey())
                        .build()).build();
                JdbcOutboxStore submitter = JdbcOutboxStore.builder(dataSource, r -> { }).tables(tables)
                        .deliver(false).pollInterval(Duration.ofMillis(200)).start()) {
            for (int n = 1; n <= RECORDS; n++) {
                submitter.submit(HcpClient.KIND_EVALUATIONS,
                        encoder.encodeEvaluations(Collections.singletonList(evaluation(n))));
                expected.add("EV-POD-" + n);
            }
            // Every answer is slow, so a kill finds a request processed by the platform but not yet answered.
            platform.faults().delayNext(RECORDS * 3, Duration.ofMillis(80));

            Output a = new Output();
            Output b = new Output();
            Process podA = instance("pod-a", a, appKey, platformKey);
            Process podB = instance("pod-b", b, appKey, platformKey);
            await(a, o -> o.delivering.size() >= 15);
            long heldByA;
            Set<Long> inFlight;
            synchronized (a) {
                assertThat(a.delivering).as("pod-a is delivering").hasSizeGreaterThanOrEqualTo(15);
                podA.toHandle().destroyForcibly(); // SIGKILL on Linux
                assertThat(podA.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
            Thread.sleep(100); // let the reader take pod-a's last lines
            synchronized (a) {
                inFlight = new HashSet<>(a.delivering);
                inFlight.removeAll(a.delivered);
            }
            Set<Long> leasedToA = new HashSet<>();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id FROM " + tables.outbox()
                            + " WHERE status = 'PENDING' AND lease_owner = 'pod-a'")) {
                while (rs.next()) {
                    leasedToA.add(rs.getLong(1));
                }
            }
            heldByA = leasedToA.size();
            assertThat(leasedToA).as("pod-a died holding leased rows").isNotEmpty();

            assertThat(submitter.awaitDrained(Duration.ofSeconds(120))).as("pod-b drains the table").isTrue();
            assertThat(podB.isAlive()).isTrue();
            synchronized (b) {
                assertThat(b.delivered).as("pod-b took over the rows pod-a held when its lease ended")
                        .containsAll(leasedToA);
            }

            List<String> ids = new ArrayList<>();
            for (AcceptedEvaluation e : platform.observations().acceptedEvaluations()) {
                ids.add(e.evaluationId());
            }
            assertThat(ids).as("0 counted twice (in flight at the kill: %s)", inFlight).doesNotHaveDuplicates();
            assertThat(new HashSet<>(ids)).as("0 lost").isEqualTo(expected);
            assertThat(platform.observations().countedEvaluations()).isEqualTo(RECORDS);
            assertThat(rows("status = 'DELIVERED' AND payload IS NULL")).isEqualTo(RECORDS);
            System.out.printf("two-instance SIGKILL test: pod-a killed holding %d leased rows, %d in flight;"
                    + " %d records, each counted once%n", heldByA, inFlight.size(), RECORDS);
        }
    }
}
