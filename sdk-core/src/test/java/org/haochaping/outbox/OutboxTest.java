package org.haochaping.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Collections;
import org.haochaping.transport.IdempotencyKey;
import org.haochaping.transport.ServiceException;
import org.haochaping.transport.TransportResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path directory;

    private final List<Outbox> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(Outbox::close);
    }

    private Outbox.Builder builder(OutboxSink sink) {
        return Outbox.builder(directory, sink).retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
    }

    /** No network: every delivery fails, and the next try is an hour away. */
    private Outbox.Builder offline() {
        return builder(UNREACHABLE).retryBackoff(Duration.ofHours(1), Duration.ofHours(1));
    }

    private Outbox open(Outbox.Builder builder) {
        Outbox outbox = builder.open();
        opened.add(outbox);
        return outbox;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Accepts every record and remembers the deliveries. */
    private static final class RecordingSink implements OutboxSink {
        final List<OutboxRecord> delivered = new CopyOnWriteArrayList<>();

        @Override
        public void deliver(OutboxRecord record) {
            delivered.add(record);
        }
    }

    /** Holds every delivery until released, then accepts. */
    private static final class GatedSink implements OutboxSink {
        final CountDownLatch gate = new CountDownLatch(1);
        final List<OutboxRecord> delivered = new CopyOnWriteArrayList<>();

        @Override
        public void deliver(OutboxRecord record) throws InterruptedException {
            gate.await();
            delivered.add(record);
        }
    }

    private static final OutboxSink UNREACHABLE = record -> {
        throw new IOException("no route to host");
    };

    @Test
    void whileTheNetworkIsDownNoAttemptIsMadeAndRetryNowResumes() throws Exception {
        RecordingSink sink = new RecordingSink();
        java.util.concurrent.atomic.AtomicBoolean online = new java.util.concurrent.atomic.AtomicBoolean(false);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        Outbox outbox = open(builder(sink).retryBackoff(Duration.ofHours(1), Duration.ofHours(1))
                .networkStatus(() -> {
                    asked.incrementAndGet();
                    return online.get();
                }));
        outbox.submit("evaluation", bytes("offline"));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (asked.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(asked.get()).as("the outbox asked whether the network is up").isPositive();
        assertThat(outbox.awaitDrained(Duration.ofMillis(200))).as("nothing is sent offline").isFalse();
        assertThat(sink.delivered).isEmpty();
        assertThat(outbox.pendingCount()).isEqualTo(1);

        online.set(true);
        outbox.retryNow();   // what Android's network callback does
        assertThat(outbox.awaitDrained(WAIT)).isTrue();
        assertThat(sink.delivered).extracting(r -> new String(r.payload(), StandardCharsets.UTF_8))
                .containsExactly("offline");
    }

    @Test
    void deliversRecordsInSubmissionOrderWithTheirKeys() throws Exception {
        RecordingSink sink = new RecordingSink();
        Outbox outbox = open(builder(sink));

        OutboxRecord first = outbox.submit("evaluation", bytes("one"));
        OutboxRecord second = outbox.submit("case", bytes("two"), IdempotencyKey.of("case-2026-0001"));

        assertThat(outbox.awaitDrained(WAIT)).isTrue();
        assertThat(sink.delivered).extracting(OutboxRecord::sequence).containsExactly(first.sequence(), second.sequence());
        assertThat(sink.delivered.get(1).idempotencyKey()).isEqualTo(IdempotencyKey.of("case-2026-0001"));
        assertThat(sink.delivered.get(1).kind()).isEqualTo("case");
        assertThat(sink.delivered.get(0).payload()).isEqualTo(bytes("one"));
        assertThat(outbox.pendingCount()).isZero();
        assertThat(outbox.pendingBytes()).isZero();
        assertThat(outbox.oldestAge()).isEmpty();
    }

    @Test
    void submittedRecordsSurviveAReopenWithTheirKeys() throws Exception {
        Outbox offline = open(offline());
        List<OutboxRecord> submitted = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            submitted.add(offline.submit("evaluation", bytes("record-" + n)));
        }
        offline.close();

        RecordingSink sink = new RecordingSink();
        Outbox online = open(builder(sink));
        assertThat(online.awaitDrained(WAIT)).isTrue();

        assertThat(sink.delivered).hasSize(3);
        for (int n = 0; n < 3; n++) {
            OutboxRecord before = submitted.get(n);
            OutboxRecord after = sink.delivered.get(n);
            assertThat(after.sequence()).isEqualTo(before.sequence());
            assertThat(after.idempotencyKey()).isEqualTo(before.idempotencyKey());
            assertThat(after.createdAt()).isEqualTo(before.createdAt());
            assertThat(after.payload()).isEqualTo(bytes("record-" + n));
        }
    }

    @Test
    void failedDeliveriesAreRetriedUnderTheSameKey() throws Exception {
        List<IdempotencyKey> attempts = new CopyOnWriteArrayList<>();
        Outbox outbox = open(builder(record -> {
            attempts.add(record.idempotencyKey());
            if (attempts.size() <= 3) {
                throw new IOException("connection reset");
            }
        }));

        OutboxRecord record = outbox.submit("evaluation", bytes("x"));

        assertThat(outbox.awaitDrained(WAIT)).isTrue();
        assertThat(attempts).hasSize(4).containsOnly(record.idempotencyKey());
    }

    @Test
    void rejectedRecordsGoToTheHandlerAndAreRemoved() throws Exception {
        List<String> rejected = new CopyOnWriteArrayList<>();
        RecordingSink accepted = new RecordingSink();
        Outbox outbox = open(builder(record -> {
            if (record.kind().equals("bad")) {
                throw new RecordRejectedException("platform code E1001");
            }
            accepted.deliver(record);
        }).onRejected((record, reason) -> rejected.add(record.sequence() + ":" + reason.getMessage())));

        OutboxRecord bad = outbox.submit("bad", bytes("?"));
        OutboxRecord good = outbox.submit("evaluation", bytes("ok"));

        assertThat(outbox.awaitDrained(WAIT)).isTrue();
        assertThat(rejected).containsExactly(bad.sequence() + ":platform code E1001");
        assertThat(accepted.delivered).extracting(OutboxRecord::sequence).containsExactly(good.sequence());
        outbox.close();
        assertThat(open(builder(new RecordingSink())).pendingCount()).isZero();
    }

    @Test
    void aFullOutboxFailsFastByDefault() throws Exception {
        GatedSink sink = new GatedSink();
        Outbox outbox = open(builder(sink).maxRecords(3));
        for (int n = 0; n < 3; n++) {
            outbox.submit("evaluation", bytes("r" + n));
        }

        assertThatThrownBy(() -> outbox.submit("evaluation", bytes("r3")))
                .isInstanceOf(OutboxFullException.class)
                .hasMessageStartingWith("the outbox is full (3 of 3 records");
        assertThat(outbox.pendingCount()).isEqualTo(3);

        sink.gate.countDown();
        assertThat(outbox.awaitDrained(WAIT)).isTrue();
        outbox.submit("evaluation", bytes("r4"));
        assertThat(outbox.awaitDrained(WAIT)).isTrue();
        assertThat(sink.delivered).hasSize(4);
    }

    @Test
    void theByteBoundCountsPayloadAndMetadata() {
        IdempotencyKey key = IdempotencyKey.of("k");
        int recordSize = Frames.recordFrameSize(key, "evaluation", 100);
        Outbox outbox = open(offline().maxBytes(2L * recordSize));

        outbox.submit("evaluation", new byte[100], key);
        outbox.submit("evaluation", new byte[100], key);

        assertThat(outbox.pendingBytes()).isEqualTo(2L * recordSize);
        assertThatThrownBy(() -> outbox.submit("evaluation", new byte[1], key))
                .isInstanceOf(OutboxFullException.class);
        assertThatThrownBy(() -> outbox.submit("evaluation", new byte[3 * recordSize], key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("can never fit in an outbox of maxBytes " + 2 * recordSize);
    }

    @Test
    void aSubmitWaitsForRoomWithinItsTimeout() throws Exception {
        GatedSink sink = new GatedSink();
        Outbox outbox = open(builder(sink).maxRecords(1).submitTimeout(Duration.ofSeconds(20)));
        outbox.submit("evaluation", bytes("first"));

        CompletableFuture<OutboxRecord> second = CompletableFuture.supplyAsync(
                () -> outbox.submit("evaluation", bytes("second")));
        Thread.sleep(200);
        assertThat(second).as("blocked while the outbox is full").isNotDone();

        sink.gate.countDown();
        assertThat(second.get(10, TimeUnit.SECONDS).sequence()).isEqualTo(2);
    }

    @Test
    void aSubmitGivesUpWhenItsTimeoutPasses() {
        Outbox outbox = open(offline().maxRecords(1).submitTimeout(Duration.ofMillis(100)));
        outbox.submit("evaluation", bytes("first"));

        assertThatThrownBy(() -> outbox.submit("evaluation", bytes("second")))
                .isInstanceOf(OutboxFullException.class)
                .hasMessageContaining("did not drain within 100 ms");
    }

    @Test
    void pendingCountAndOldestAgeAreObservable() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        Outbox outbox = open(offline().clock(clock));

        OutboxRecord first = outbox.submit("evaluation", bytes("a"));
        clock.advance(Duration.ofSeconds(30));
        outbox.submit("evaluation", bytes("bb"));
        clock.advance(Duration.ofSeconds(60));

        assertThat(first.createdAt()).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
        assertThat(outbox.pendingCount()).isEqualTo(2);
        assertThat(outbox.oldestAge()).contains(Duration.ofSeconds(90));
        assertThat(outbox.toString()).isEqualTo("Outbox{pending=2}");
    }

    @Test
    void retryNowEndsTheBackoff() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Outbox outbox = open(builder(record -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IOException("offline");
            }
        }).retryBackoff(Duration.ofHours(1), Duration.ofHours(1)));
        outbox.submit("evaluation", bytes("x"));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (attempts.get() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(outbox.awaitDrained(Duration.ofMillis(200))).as("waiting out an hour of backoff").isFalse();

        outbox.retryNow();

        assertThat(outbox.awaitDrained(WAIT)).isTrue();
        assertThat(attempts.get()).isEqualTo(2);
    }

    @Test
    void aRetryAfterFromThePlatformStretchesTheBackoff() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Outbox outbox = open(builder(record -> {
            if (attempts.incrementAndGet() == 1) {
                throw new ServiceException("POST /v1/evaluations: HTTP 503 after 1 attempt",
                        new TransportResponse(503, Collections.emptyMap(), new byte[0]), null, 1,
                        record.idempotencyKey(), Duration.ofMinutes(10));
            }
        }).retryBackoff(Duration.ofMillis(1), Duration.ofHours(1)));
        outbox.submit("evaluation", bytes("x"));

        assertThat(outbox.awaitDrained(Duration.ofMillis(300)))
                .as("a 1 ms backoff would have retried by now; Retry-After says 10 minutes").isFalse();
        assertThat(attempts.get()).isEqualTo(1);
        outbox.retryNow();
        assertThat(outbox.awaitDrained(WAIT)).isTrue();
    }

    @Test
    void acknowledgedRecordsAreCompactedAway() throws Exception {
        RecordingSink sink = new RecordingSink();
        Outbox outbox = open(builder(sink).compactionThreshold(4096));
        for (int n = 0; n < 300; n++) {
            outbox.submit("evaluation", new byte[200]);
        }
        assertThat(outbox.awaitDrained(WAIT)).isTrue();

        long written = 300L * (Frames.recordFrameSize(IdempotencyKey.of("x"), "evaluation", 200) + Frames.ACK_FRAME_SIZE);
        assertThat(outbox.journalBytes()).isLessThan(4096 + 2L * Frames.recordFrameSize(
                IdempotencyKey.random(), "evaluation", 200)).isLessThan(written / 10);
        outbox.close();
        assertThat(Files.size(directory.resolve(Journal.FILE_NAME))).isLessThan(written / 10);
        assertThat(open(builder(sink)).pendingCount()).isZero();
    }

    @Test
    void compactionKeepsPendingRecords() throws Exception {
        Outbox outbox = open(offline());
        List<OutboxRecord> submitted = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            submitted.add(outbox.submit("evaluation", bytes("r" + n)));
        }
        outbox.compact();
        outbox.close();

        RecordingSink after = new RecordingSink();
        Outbox reopened = open(builder(after));
        assertThat(reopened.awaitDrained(WAIT)).isTrue();
        assertThat(after.delivered).extracting(OutboxRecord::idempotencyKey)
                .containsExactlyElementsOf(submitted.stream().map(OutboxRecord::idempotencyKey)::iterator);
    }

    @Test
    void manyThreadsSubmitAndEachRecordIsDeliveredOnce() throws Exception {
        ConcurrentHashMap<IdempotencyKey, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        Outbox outbox = open(builder(record ->
                deliveries.computeIfAbsent(record.idempotencyKey(), key -> new AtomicInteger()).incrementAndGet()));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<OutboxRecord>> submits = new ArrayList<>();
            for (int n = 0; n < 400; n++) {
                byte[] payload = bytes("record-" + n);
                submits.add(threads.submit(() -> outbox.submit("evaluation", payload)));
            }
            for (Future<OutboxRecord> submit : submits) {
                submit.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(outbox.awaitDrained(WAIT)).isTrue();
        assertThat(deliveries).hasSize(400);
        assertThat(deliveries.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }

    @Test
    void closeInterruptsADeliveryStuckPastItsGracePeriodAndKeepsTheRecord() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Outbox outbox = open(builder(record -> {
            started.countDown();
            new CountDownLatch(1).await(); // a platform that never answers
        }));
        OutboxRecord record = outbox.submit("evaluation", bytes("x"));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        outbox.close();

        RecordingSink sink = new RecordingSink();
        assertThat(open(builder(sink)).awaitDrained(WAIT)).isTrue();
        assertThat(sink.delivered).extracting(OutboxRecord::idempotencyKey).containsExactly(record.idempotencyKey());
    }

    @Test
    void oneOpenOutboxPerDirectory() {
        open(builder(new RecordingSink()));

        assertThatThrownBy(() -> Outbox.builder(directory, new RecordingSink()).open())
                .isInstanceOf(OutboxStorageException.class)
                .hasMessageEndingWith("is in use by another open outbox");
    }

    @Test
    void refusesInvalidRecordsAndClosedUse() {
        Outbox outbox = open(builder(new RecordingSink()));

        assertThatThrownBy(() -> outbox.submit("bad kind", bytes("x")))
                .hasMessage("kind: must be 1 to 64 characters of A-Z a-z 0-9 . _ : -");
        assertThatThrownBy(() -> outbox.submit("evaluation", new byte[0])).hasMessage("payload: must not be empty");
        outbox.close();
        assertThatThrownBy(() -> outbox.submit("evaluation", bytes("x")))
                .isInstanceOf(IllegalStateException.class).hasMessage("the outbox is closed");
    }

    @Test
    void toStringNeverShowsThePayload() {
        OutboxRecord record = open(offline()).submit("evaluation", bytes("张三 13800138000"));

        assertThat(record.toString()).contains("payload=").doesNotContain("13800138000", "张三");
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
