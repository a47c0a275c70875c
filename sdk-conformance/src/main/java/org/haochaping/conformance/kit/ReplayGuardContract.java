package org.haochaping.conformance.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.haochaping.crypto.request.ReplayGuard;
import org.junit.jupiter.api.Test;

/**
 * TCK for a {@link ReplayGuard}: what remembers the nonces of accepted messages (and the check values of national
 * envelopes) so that a captured message is accepted at most once (docs/interface-spec.md, section 4;
 * docs/security.md). Implement {@link #guard} in a JUnit 5 test class and the default tests check: a key seen the
 * first time is accepted; seen again before its expiry, up to and including its last millisecond, it is refused;
 * after its expiry it is accepted again, for a new window; keys are exact (case-sensitive); a second guard over the
 * same storage refuses what the first accepted; purging forgets only expired keys; and of several threads that
 * present one key at once, exactly one is accepted. The SDK runs it against {@code InMemoryReplayGuard} and
 * sdk-jdbc's {@code JdbcReplayGuard} on H2, PostgreSQL and MariaDB (docs/conformance.md).
 *
 * <p>Keys are what the SDK passes: ASCII without spaces (a nonce of {@code [A-Za-z0-9_-]}, an envelope's
 * {@code appMark:hex}); a guard may store them in an ASCII column. Times are passed in, never read from a clock: the
 * tests are the same on any machine.
 */
public interface ReplayGuardContract {

    /** A fixed "now" (2025-12-01T02:00:00Z) the tests count from. */
    long NOW = 1_764_554_400_000L;

    /** The acceptance window the tests give each key (the SDK's default: twice 300 s). */
    long WINDOW = 600_000L;

    /**
     * The guard under test over this test's storage: the same object on every call within one test, empty storage
     * at the start of each test. Size a bounded guard for at least 1000 keys.
     */
    ReplayGuard guard() throws Exception;

    /**
     * A second guard over the same storage as {@link #guard()}, as a second instance of a department system would
     * have: for a guard that lives in one JVM's memory, the same object (the default).
     */
    default ReplayGuard sameStorage() throws Exception {
        return guard();
    }

    /**
     * Forgets the keys whose window ended before {@code nowMillis}, for a guard that purges on request (sdk-jdbc's
     * {@code JdbcReplayGuard.purgeExpired}); returns how many it forgot, or {@code -1} when the guard forgets
     * expired keys by itself (the default).
     */
    default int purgeExpired(long nowMillis) throws Exception {
        return -1;
    }

    @Test
    default void aKeySeenTheFirstTimeIsAccepted() throws Exception {
        assertTrue(guard().firstSeen("nonce-first", NOW, NOW + WINDOW), "a key never seen before");
        assertTrue(guard().firstSeen("nonce-other", NOW, NOW + WINDOW), "another key never seen before");
    }

    @Test
    default void aReplayIsRefusedUntilTheLastMillisecondOfItsWindow() throws Exception {
        ReplayGuard guard = guard();
        assertTrue(guard.firstSeen("nonce-replayed", NOW, NOW + WINDOW));
        assertFalse(guard.firstSeen("nonce-replayed", NOW, NOW + WINDOW), "replayed at once");
        assertFalse(guard.firstSeen("nonce-replayed", NOW + WINDOW / 2, NOW + WINDOW / 2 + WINDOW),
                "replayed within the window, with a later expiry of its own");
        assertFalse(guard.firstSeen("nonce-replayed", NOW + WINDOW, NOW + 2 * WINDOW),
                "replayed at the last millisecond of the window");
    }

    @Test
    default void afterItsWindowAKeyIsAcceptedAgainForANewWindow() throws Exception {
        ReplayGuard guard = guard();
        assertTrue(guard.firstSeen("nonce-expiring", NOW, NOW + WINDOW));
        long later = NOW + WINDOW + 1;
        assertTrue(guard.firstSeen("nonce-expiring", later, later + WINDOW), "seen again after its window ended");
        assertFalse(guard.firstSeen("nonce-expiring", later + 1, later + 1 + WINDOW),
                "replayed within its new window");
    }

    @Test
    default void keysAreExact() throws Exception {
        ReplayGuard guard = guard();
        assertTrue(guard.firstSeen("Nonce-Case", NOW, NOW + WINDOW));
        assertTrue(guard.firstSeen("nonce-case", NOW, NOW + WINDOW), "another case is another key");
        assertTrue(guard.firstSeen("Nonce-Casf", NOW, NOW + WINDOW), "a key differing in its last character");
        assertTrue(guard.firstSeen("app-1:4f2a", NOW, NOW + WINDOW), "an envelope's app mark and check value");
        assertFalse(guard.firstSeen("app-1:4f2a", NOW, NOW + WINDOW));
    }

    @Test
    default void aSecondGuardOverTheSameStorageRefusesWhatTheFirstAccepted() throws Exception {
        assertTrue(guard().firstSeen("nonce-shared", NOW, NOW + WINDOW));
        assertFalse(sameStorage().firstSeen("nonce-shared", NOW + 1000, NOW + 1000 + WINDOW),
                "the same nonce presented to the second instance");
        assertTrue(sameStorage().firstSeen("nonce-second", NOW, NOW + WINDOW));
        assertFalse(guard().firstSeen("nonce-second", NOW, NOW + WINDOW), "and back to the first");
    }

    @Test
    default void purgingForgetsOnlyExpiredKeys() throws Exception {
        ReplayGuard guard = guard();
        assertTrue(guard.firstSeen("nonce-short", NOW, NOW + 1_000));
        assertTrue(guard.firstSeen("nonce-long", NOW, NOW + WINDOW));
        int purged = purgeExpired(NOW + 2_000);
        if (purged >= 0) {
            assertEquals(1, purged, "keys purged: only the one whose window ended");
        }
        assertFalse(guard.firstSeen("nonce-long", NOW + 3_000, NOW + 3_000 + WINDOW),
                "a key within its window, after a purge");
        assertTrue(guard.firstSeen("nonce-short", NOW + 3_000, NOW + 3_000 + WINDOW), "an expired key");
    }

    @Test
    default void twoHundredKeysAreAllRemembered() throws Exception {
        ReplayGuard guard = guard();
        for (int i = 0; i < 200; i++) {
            assertTrue(guard.firstSeen("nonce-many-" + i, NOW, NOW + WINDOW), "key " + i);
        }
        for (int i = 0; i < 200; i++) {
            assertFalse(guard.firstSeen("nonce-many-" + i, NOW + 1, NOW + 1 + WINDOW), "replay of key " + i);
        }
    }

    @Test
    default void ofThreadsPresentingOneKeyAtOnceExactlyOneIsAccepted() throws Exception {
        ReplayGuard first = guard();
        ReplayGuard second = sameStorage();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 20; round++) {
                String key = "nonce-race-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> answers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    ReplayGuard g = t % 2 == 0 ? first : second;
                    Callable<Boolean> present = () -> {
                        start.await();
                        return g.firstSeen(key, NOW, NOW + WINDOW);
                    };
                    answers.add(pool.submit(present));
                }
                start.countDown();
                int accepted = 0;
                for (Future<Boolean> a : answers) {
                    if (a.get(60, TimeUnit.SECONDS)) {
                        accepted++;
                    }
                }
                assertEquals(1, accepted, "threads accepted for " + key);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
