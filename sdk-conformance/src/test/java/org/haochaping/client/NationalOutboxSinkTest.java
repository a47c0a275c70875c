package org.haochaping.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.haochaping.conformance.SamplePayloads;
import org.haochaping.conformance.simulator.AppCredentials;
import org.haochaping.conformance.simulator.SimulatedPlatform;
import org.haochaping.crypto.envelope.EnvelopeSealer;
import org.haochaping.model.Channel;
import org.haochaping.model.Evaluation;
import org.haochaping.outbox.Outbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, defect 2: a national-profile terminal's outbox must not stop for good after five minutes offline or
 * one lost response. The envelope is sealed per attempt, and records the platform counted already come back
 * DUPLICATE, which is delivered.
 */
class NationalOutboxSinkTest {

    @TempDir
    Path directory;

    // After the samples: the platform refuses evaluations from its future (Art. 5).
    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-28T02:00:00Z"));
    private final AtomicBoolean online = new AtomicBoolean(true);
    private final List<String> rejected = new CopyOnWriteArrayList<>();
    private SimulatedPlatform platform;
    private HcpClient client;
    private Outbox outbox;

    @BeforeEach
    void start() {
        platform = SimulatedPlatform.builder().clock(clock).registerNationalApp("TJ-HALL-07", "hall-word-07").start();
        AppCredentials app = platform.newApp("hall-terminal-07");
        client = ClientAgainstSimulatorTest.clientFor(platform, app).clock(clock)
                .nationalEnvelope(EnvelopeSealer.builder(platform.platformPublicKey()).appMark("TJ-HALL-07")
                        .appWord("hall-word-07").clock(clock).build())
                .build();
        outbox = Outbox.builder(directory, client.outboxSink()).retryBackoff(Duration.ofMillis(5), Duration.ofMillis(50))
                .networkStatus(online::get).onRejected((record, why) -> rejected.add(why.getMessage())).open();
    }

    @AfterEach
    void stop() {
        outbox.close();
        client.close();
        platform.stop();
    }

    private static List<Evaluation> records() {
        return SamplePayloads.all().stream().map(SamplePayloads.Sample::evaluation)
                .filter(e -> e.channel() != Channel.SUGGESTION_BOX).toList();
    }

    @Test
    void queuedPayloadHoldsTheRecordsNotAnEnvelope() {
        String payload = new String(client.encodeEvaluations(records().subList(0, 1)), StandardCharsets.UTF_8);
        assertThat(payload).startsWith("[").doesNotContain("\"sign\"").doesNotContain("\"time\"");
    }

    @Test
    void sixMinutesOfflineThenDelivered() throws Exception {
        online.set(false);
        outbox.submit(HcpClient.KIND_EVALUATIONS, client.encodeEvaluations(records()));
        clock.advance(Duration.ofMinutes(6));
        online.set(true);
        outbox.retryNow();
        assertThat(outbox.awaitDrained(Duration.ofSeconds(60))).as("drained after six minutes offline").isTrue();
        assertThat(rejected).isEmpty();
        assertThat(platform.observations().countedEvaluations()).isEqualTo(records().size());
    }

    @Test
    void lostResponseIsResentInAFreshEnvelopeAndCountedOnce() throws Exception {
        platform.faults().loseResponseNext(1);
        outbox.submit(HcpClient.KIND_EVALUATIONS, client.encodeEvaluations(records()));
        assertThat(outbox.awaitDrained(Duration.ofSeconds(60))).as("drained after a lost response").isTrue();
        assertThat(rejected).isEmpty();
        assertThat(platform.observations().countedEvaluations()).isEqualTo(records().size());
    }

    /** A clock the test moves forward; read from several threads. */
    static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
