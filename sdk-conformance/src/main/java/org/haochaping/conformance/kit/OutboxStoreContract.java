package org.haochaping.conformance.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.haochaping.outbox.OutboxRecord;
import org.haochaping.outbox.OutboxSink;
import org.haochaping.outbox.OutboxStore;
import org.haochaping.transport.IdempotencyKey;
import org.junit.jupiter.api.Test;

/**
 * TCK for an {@link OutboxStore}: where evaluations and cases wait until the platform has them (docs/outbox.md,
 * docs/server.md). Implement {@link #open} in a JUnit 5 test class and the default tests check what every store
 * promises, through the interface alone: a record is delivered with its kind, payload and idempotency key; a failed
 * delivery is retried under the same key until the platform accepts; a permanent refusal is not delivered again;
 * many records submitted from several threads are each accepted exactly once, none lost; pending records survive
 * {@link OutboxStore#close()} and are delivered by the next store over the same storage; invalid input is refused
 * and nothing is stored. The SDK runs it against its file {@code Outbox} and sdk-jdbc's {@code JdbcOutboxStore} on
 * H2, PostgreSQL and MariaDB (docs/conformance.md).
 *
 * <p>No test sleeps or measures time: they wait for the store (with {@link #WAIT}, generous for a loaded machine)
 * and check what the sink saw.
 */
public interface OutboxStoreContract {

    /** How long a test waits for the store to drain before it fails. */
    Duration WAIT = Duration.ofMinutes(3);

    /**
     * Opens (and starts) the store under test, delivering to {@code sink}. Every call within one test must give a
     * store over the same storage (the second call, after the first store was closed, sees what it kept); each
     * test starts with empty storage. Configure a short retry backoff (at most 100 ms) so a failed delivery is
     * tried again soon. The test closes the stores it opens.
     */
    OutboxStore open(OutboxSink sink) throws Exception;

    private static byte[] payload(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void drained(OutboxStore store) throws InterruptedException {
        assertTrue(store.awaitDrained(WAIT), "the store did not drain within " + WAIT + "; pending: "
                + store.pendingCount());
        assertEquals(0, store.pendingCount(), "pendingCount after draining");
        assertFalse(store.oldestAge().isPresent(), "oldestAge with nothing pending");
    }

    @Test
    default void aSubmittedRecordIsDeliveredWithItsKindPayloadAndIdempotencyKey() throws Exception {
        RecordingSink sink = RecordingSink.accepting();
        IdempotencyKey key = IdempotencyKey.random();
        try (OutboxStore store = open(sink)) {
            OutboxRecord submitted = store.submit("evaluations", payload("[{\"grade\":5}]"), key);
            assertEquals(key, submitted.idempotencyKey(), "the submitted record's key");
            drained(store);
        }
        List<RecordingSink.Attempt> attempts = sink.attempts();
        assertEquals(1, attempts.size(), "delivery attempts of one record the platform accepted at once");
        OutboxRecord delivered = attempts.get(0).record;
        assertEquals("evaluations", delivered.kind(), "kind");
        assertArrayEquals(payload("[{\"grade\":5}]"), delivered.payload(), "payload");
        assertEquals(key, delivered.idempotencyKey(), "the delivered record's idempotency key");
    }

    @Test
    default void aFailedDeliveryIsRetriedUnderTheSameKeyUntilAccepted() throws Exception {
        RecordingSink sink = RecordingSink.failingFirst(3);
        IdempotencyKey key = IdempotencyKey.random();
        try (OutboxStore store = open(sink)) {
            store.submit("cases", payload("case-1"), key);
            drained(store);
        }
        List<RecordingSink.Attempt> attempts = sink.attempts();
        assertEquals(4, attempts.size(), "three failed attempts and the accepted one");
        for (RecordingSink.Attempt a : attempts) {
            assertEquals(key, a.record.idempotencyKey(), "every attempt carries the record's key");
            assertArrayEquals(payload("case-1"), a.record.payload(), "every attempt carries the payload");
        }
        assertTrue(attempts.get(3).accepted, "the last attempt was accepted");
    }

    @Test
    default void aRecordRefusedForGoodIsNotDeliveredAgainAndTheOthersStillAre() throws Exception {
        RecordingSink sink = RecordingSink.refusingKind("refused");
        try (OutboxStore store = open(sink)) {
            store.submit("refused", payload("bad"));
            store.submit("evaluations", payload("good"));
            drained(store);
        }
        Map<String, Long> byKind = sink.attempts().stream()
                .collect(Collectors.groupingBy(a -> a.record.kind(), Collectors.counting()));
        assertEquals(1L, byKind.get("refused"), "attempts of the refused record");
        assertEquals(1L, byKind.get("evaluations"), "attempts of the accepted record");
    }

    @Test
    default void manyRecordsFromSeveralThreadsAreEachAcceptedExactlyOnce() throws Exception {
        RecordingSink sink = RecordingSink.failingFirst(5);
        int threads = 4;
        int perThread = 50;
        ConcurrentLinkedQueue<IdempotencyKey> submitted = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (OutboxStore store = open(sink)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        submitted.add(store.submit("evaluations", payload(thread + "-" + i)).idempotencyKey());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            drained(store);
        } finally {
            pool.shutdownNow();
        }
        Map<IdempotencyKey, Integer> accepted = new HashMap<>();
        for (RecordingSink.Attempt a : sink.attempts()) {
            if (a.accepted) {
                accepted.merge(a.record.idempotencyKey(), 1, Integer::sum);
            }
        }
        assertEquals(threads * perThread, submitted.size(), "records submitted");
        assertEquals(Set.copyOf(submitted), accepted.keySet(), "every submitted record accepted, no other");
        Set<String> twice = new TreeSet<>();
        accepted.forEach((k, n) -> {
            if (n > 1) {
                twice.add(k + " x" + n);
            }
        });
        assertTrue(twice.isEmpty(), "records accepted more than once: " + twice);
    }

    @Test
    default void pendingRecordsSurviveCloseAndTheNextStoreDeliversThem() throws Exception {
        RecordingSink offline = RecordingSink.unreachable();
        List<IdempotencyKey> keys = new ArrayList<>();
        try (OutboxStore store = open(offline)) {
            for (int i = 0; i < 3; i++) {
                keys.add(store.submit("evaluations", payload("kept-" + i)).idempotencyKey());
            }
            assertTrue(offline.awaitFirstAttempt(WAIT), "the store never tried to deliver");
            assertEquals(3, store.pendingCount(), "pending while the platform is unreachable");
            assertTrue(store.oldestAge().isPresent(), "oldestAge while records are pending");
            assertFalse(store.oldestAge().get().isNegative(), "oldestAge is not negative");
            assertFalse(store.awaitDrained(Duration.ofMillis(200)), "awaitDrained while nothing can be delivered");
        }
        RecordingSink online = RecordingSink.accepting();
        try (OutboxStore reopened = open(online)) {
            drained(reopened);
        }
        List<IdempotencyKey> delivered = new ArrayList<>();
        for (RecordingSink.Attempt a : online.attempts()) {
            delivered.add(a.record.idempotencyKey());
            assertTrue(a.accepted);
        }
        assertEquals(Set.copyOf(keys), Set.copyOf(delivered), "the records kept over close, under their keys");
        assertEquals(3, delivered.size(), "each kept record delivered once by the next store");
    }

    @Test
    default void invalidInputIsRefusedAndNothingIsStored() throws Exception {
        RecordingSink sink = RecordingSink.accepting();
        try (OutboxStore store = open(sink)) {
            assertThrows(IllegalArgumentException.class, () -> store.submit("", payload("x")), "empty kind");
            assertThrows(IllegalArgumentException.class, () -> store.submit("two words", payload("x")),
                    "a kind with a space");
            assertThrows(IllegalArgumentException.class, () -> store.submit("k".repeat(65), payload("x")),
                    "a kind of 65 characters");
            assertThrows(IllegalArgumentException.class, () -> store.submit("evaluations", new byte[0]),
                    "an empty payload");
            assertEquals(0, store.pendingCount(), "pending after refused submissions");
            store.submit("evaluations", payload("valid"));
            drained(store);
        }
        assertEquals(1, sink.attempts().size(), "only the valid record reached the sink");
    }

    @Test
    default void retryNowEndsTheBackoffAndKeepsTheRecord() throws Exception {
        RecordingSink sink = RecordingSink.failingFirst(1);
        try (OutboxStore store = open(sink)) {
            IdempotencyKey key = store.submit("evaluations", payload("now")).idempotencyKey();
            assertTrue(sink.awaitFirstAttempt(WAIT), "the store never tried to deliver");
            store.retryNow();
            drained(store);
            assertEquals(key, sink.attempts().get(sink.attempts().size() - 1).record.idempotencyKey());
        }
    }
}
