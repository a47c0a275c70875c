package org.haochaping.outbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.haochaping.event.HcpEventListener;
import org.haochaping.event.OutboxEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The file outbox tells its listener of each record stored, delivered and dead-lettered, without the payload. */
class OutboxEventsTest {

    /** A payload as personal as an evaluation's: a name, a mobile and a resident id number. */
    private static final String PERSONAL = "张三 13800138000 120101199001011234";

    static final class Recorder implements HcpEventListener {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<OutboxEvent> events = new CopyOnWriteArrayList<>();
        final CountDownLatch finished;

        Recorder(int records) {
            finished = new CountDownLatch(records);
        }

        @Override
        public void outboxStored(OutboxEvent e) {
            events.add(e);
            lines.add("stored #" + e.sequence() + " " + e.kind() + " " + e.payloadBytes() + " bytes");
        }

        @Override
        public void outboxDelivered(OutboxEvent e) {
            events.add(e);
            lines.add("delivered #" + e.sequence());
            finished.countDown();
        }

        @Override
        public void outboxDeadLettered(OutboxEvent e) {
            events.add(e);
            lines.add("deadLettered #" + e.sequence() + " " + e.platformCode().orElse("-"));
            finished.countDown();
        }
    }

    /** Throws from every outbox event: the outbox must not notice. */
    static final HcpEventListener THROWING = new HcpEventListener() {
        @Override
        public void outboxStored(OutboxEvent event) {
            throw new IllegalStateException("listener bug");
        }

        @Override
        public void outboxDelivered(OutboxEvent event) {
            throw new IllegalStateException("listener bug");
        }

        @Override
        public void outboxDeadLettered(OutboxEvent event) {
            throw new IllegalStateException("listener bug");
        }
    };

    @Test
    void storedThenDeliveredOrDeadLetteredWithThePlatformsCode(@TempDir Path dir) throws Exception {
        AtomicBoolean online = new AtomicBoolean(false);
        Recorder recorder = new Recorder(2);
        OutboxSink sink = record -> {
            if (new String(record.payload(), StandardCharsets.UTF_8).startsWith("refuse")) {
                throw new RecordRejectedException("refused by the platform: INVALID_PAYLOAD", "INVALID_PAYLOAD", null);
            }
        };
        try (Outbox outbox = Outbox.builder(dir, sink).networkStatus(online::get)
                .eventListener(HcpEventListener.guarded(THROWING, recorder)).open()) {
            OutboxRecord accepted = outbox.submit("evaluations", ("accept " + PERSONAL).getBytes(StandardCharsets.UTF_8));
            OutboxRecord refused = outbox.submit("evaluations", ("refuse " + PERSONAL).getBytes(StandardCharsets.UTF_8));
            online.set(true);
            outbox.retryNow();
            assertThat(recorder.finished.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(outbox.awaitDrained(Duration.ofSeconds(60))).isTrue();

            int size = accepted.payloadSize();
            assertThat(recorder.lines).containsExactly(
                    "stored #" + accepted.sequence() + " evaluations " + size + " bytes",
                    "stored #" + refused.sequence() + " evaluations " + refused.payloadSize() + " bytes",
                    "delivered #" + accepted.sequence(),
                    "deadLettered #" + refused.sequence() + " INVALID_PAYLOAD");
            assertThat(recorder.events).allSatisfy(e -> {
                assertThat(e.store()).isEqualTo("file");
                assertThat(e.toString()).doesNotContain("张三").doesNotContain("13800138000")
                        .doesNotContain("120101199001011234");
            });
            assertThat(recorder.events.get(2).idempotencyKey()).isEqualTo(accepted.idempotencyKey());
        }
    }
}
