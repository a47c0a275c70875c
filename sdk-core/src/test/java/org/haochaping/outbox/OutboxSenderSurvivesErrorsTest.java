package org.haochaping.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, defect 4: an {@link Error} in the sink must not kill the sender while submit keeps succeeding. */
class OutboxSenderSurvivesErrorsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path directory;

    @Test
    void errorsThrownByTheSinkAreFailedAttemptsAndTheSenderDeliversAfterwards() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<String> delivered = new CopyOnWriteArrayList<>();
        OutboxSink sink = record -> {
            int n = attempts.incrementAndGet();
            if (n == 1) {
                throw new OutOfMemoryError("simulated: the sink ran out of heap");
            }
            if (n == 2) {
                throw new StackOverflowError();
            }
            if (n == 3) {
                throw new NoClassDefFoundError("org/example/Missing");
            }
            delivered.add(new String(record.payload(), StandardCharsets.UTF_8));
        };
        try (Outbox outbox = Outbox.builder(directory, sink)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5)).open()) {
            outbox.submit("evaluation", "first".getBytes(StandardCharsets.UTF_8));
            outbox.submit("evaluation", "second".getBytes(StandardCharsets.UTF_8));

            assertThat(outbox.awaitDrained(WAIT)).as("drained after three Errors").isTrue();
            assertThat(delivered).containsExactly("first", "second");
            OutboxHealth health = outbox.health();
            assertThat(health.senderRunning()).isTrue();
            assertThat(health.isHealthy()).isTrue();
            assertThat(health.lastFailureType()).hasValue(NoClassDefFoundError.class.getName());
            assertThat(health.lastDeliveredAt()).isPresent();
            assertThat(health.toString()).doesNotContain("org/example/Missing");
        }
    }

    @Test
    void errorsFromTheRejectionHandlerAndTheNetworkCheckDoNotStopTheSender() throws Exception {
        AtomicInteger networkChecks = new AtomicInteger();
        AtomicInteger handled = new AtomicInteger();
        List<String> delivered = new CopyOnWriteArrayList<>();
        OutboxSink sink = record -> {
            String payload = new String(record.payload(), StandardCharsets.UTF_8);
            if (payload.equals("refused")) {
                throw new RecordRejectedException("fails validation");
            }
            delivered.add(payload);
        };
        try (Outbox outbox = Outbox.builder(directory, sink)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
                .networkStatus(() -> {
                    if (networkChecks.incrementAndGet() == 1) {
                        throw new AssertionError("a broken network check");
                    }
                    return true;
                })
                .onRejected((record, reason) -> {
                    if (handled.incrementAndGet() == 1) {
                        throw new LinkageError("a broken rejection handler");
                    }
                })
                .open()) {
            outbox.submit("evaluation", "refused".getBytes(StandardCharsets.UTF_8));
            outbox.submit("evaluation", "accepted".getBytes(StandardCharsets.UTF_8));

            assertThat(outbox.awaitDrained(WAIT)).isTrue();
            assertThat(delivered).containsExactly("accepted");
            assertThat(handled.get()).as("the handler ran again after its Error (at least once)").isEqualTo(2);
            assertThat(outbox.health().senderRunning()).isTrue();
        }
    }

    @Test
    void healthReportsFailuresInARowWhileThePlatformIsDown() throws Exception {
        OutboxSink down = record -> {
            throw new java.io.IOException("connection refused");
        };
        try (Outbox outbox = Outbox.builder(directory, down)
                .retryBackoff(Duration.ofHours(1), Duration.ofHours(1)).open()) {
            outbox.submit("evaluation", "waiting".getBytes(StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (outbox.health().consecutiveFailures() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            OutboxHealth health = outbox.health();
            assertThat(health.senderRunning()).isTrue();
            assertThat(health.isHealthy()).isFalse();
            assertThat(health.consecutiveFailures()).isEqualTo(1);
            assertThat(health.pendingCount()).isEqualTo(1);
            assertThat(health.lastFailureType()).hasValue("java.io.IOException");
            assertThat(health.lastDeliveredAt()).isEmpty();
        }
        Outbox closed = Outbox.builder(directory, down).open();
        closed.close();
        assertThat(closed.health().senderRunning()).isFalse();
    }
}
