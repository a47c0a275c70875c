package org.haochaping.conformance.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.haochaping.crypto.request.ReplayGuard;
import org.haochaping.outbox.Outbox;
import org.haochaping.outbox.OutboxSink;
import org.haochaping.outbox.OutboxStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The store contracts fail a replay guard or an outbox store that breaks its promise, naming what broke. */
class StoreContractsCatchBrokenImplementationsTest {

    @TempDir
    Path dir;

    private static String failure(Executable test) {
        try {
            test.execute();
        } catch (AssertionFailedError e) {
            return e.getMessage();
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        return null;
    }

    /** A guard that forgets a key at the last millisecond of its window (expiry compared with {@code >}). */
    private static final class OffByOneGuard implements ReplayGuard {
        private final Map<String, Long> expiries = new HashMap<>();

        @Override
        public synchronized boolean firstSeen(String key, long nowMillis, long expiresAtMillis) {
            Long known = expiries.get(key);
            if (known != null && known > nowMillis) {
                return false;
            }
            expiries.put(key, expiresAtMillis);
            return true;
        }
    }

    @Test
    void aGuardThatAcceptsEverythingFailsEveryReplayCase() {
        ReplayGuardContract acceptsAll = () -> (key, now, expires) -> true;
        assertThat(failure(acceptsAll::aReplayIsRefusedUntilTheLastMillisecondOfItsWindow)).contains("replayed at once");
        assertThat(failure(acceptsAll::aSecondGuardOverTheSameStorageRefusesWhatTheFirstAccepted))
                .contains("the same nonce presented to the second instance");
        assertThat(failure(acceptsAll::ofThreadsPresentingOneKeyAtOnceExactlyOneIsAccepted))
                .contains("threads accepted for nonce-race-0");
        assertThat(failure(acceptsAll::aKeySeenTheFirstTimeIsAccepted)).isNull();
    }

    @Test
    void aGuardThatForgetsAtTheLastMillisecondFailsTheBoundaryCase() {
        OffByOneGuard guard = new OffByOneGuard();
        ReplayGuardContract offByOne = () -> guard;
        assertThat(failure(offByOne::aReplayIsRefusedUntilTheLastMillisecondOfItsWindow))
                .contains("replayed at the last millisecond of the window");
    }

    @Test
    void aGuardWhoseSecondInstanceHasItsOwnMemoryFailsTheSharedCase() {
        OffByOneGuard first = new OffByOneGuard();
        OffByOneGuard second = new OffByOneGuard();
        ReplayGuardContract unshared = new UnsharedGuards(first, second);
        assertThat(failure(unshared::aSecondGuardOverTheSameStorageRefusesWhatTheFirstAccepted))
                .contains("the same nonce presented to the second instance");
    }

    @Test
    void aStoreThatDeliversEveryRecordTwiceFails() {
        OutboxStoreContract twice = sink -> Outbox.builder(dir, record -> {
            sink.deliver(record);
            sink.deliver(record);
        }).retryBackoff(Duration.ofMillis(10), Duration.ofMillis(100)).open();
        assertThat(failure(twice::aSubmittedRecordIsDeliveredWithItsKindPayloadAndIdempotencyKey))
                .contains("delivery attempts of one record");
    }

    @Test
    void aStoreThatLosesItsRecordsOnCloseFails() throws Exception {
        int[] opened = {0};
        OutboxStoreContract forgetful = sink -> Outbox.builder(Files.createDirectories(dir.resolve("run-" + opened[0]++)),
                sink).retryBackoff(Duration.ofMillis(10), Duration.ofMillis(100)).open();
        assertThat(failure(forgetful::pendingRecordsSurviveCloseAndTheNextStoreDeliversThem))
                .contains("the records kept over close");
    }

    @Test
    void aStoreThatChangesTheKeyOnRetryFails() {
        OutboxStoreContract rekeying = sink -> {
            OutboxSink freshKeyOnRetry = new OutboxSink() {
                private int attempt;

                @Override
                public void deliver(org.haochaping.outbox.OutboxRecord record) throws Exception {
                    sink.deliver(attempt++ == 0 ? record : org.haochaping.outbox.OutboxRecord.restore(
                            record.sequence(), org.haochaping.transport.IdempotencyKey.random(), record.kind(),
                            record.createdAt(), record.payload()));
                }
            };
            return Outbox.builder(dir, freshKeyOnRetry).retryBackoff(Duration.ofMillis(10), Duration.ofMillis(100))
                    .open();
        };
        assertThat(failure(rekeying::aFailedDeliveryIsRetriedUnderTheSameKeyUntilAccepted))
                .contains("every attempt carries the record's key");
    }

    @Test
    void aStoreThatDropsARecordAfterAFailedAttemptFails() {
        OutboxStoreContract dropping = sink -> Outbox.builder(dir, record -> {
            try {
                sink.deliver(record);
            } catch (java.io.IOException failed) {
                return; // swallowed: the store believes it delivered
            }
        }).retryBackoff(Duration.ofMillis(10), Duration.ofMillis(100)).open();
        assertThat(failure(dropping::manyRecordsFromSeveralThreadsAreEachAcceptedExactlyOnce))
                .contains("every submitted record accepted, no other");
    }
}

/** Two guards that do not share their memory, offered as one storage (not a test class of its own). */
final class UnsharedGuards implements ReplayGuardContract {
    private final ReplayGuard first;
    private final ReplayGuard second;

    UnsharedGuards(ReplayGuard first, ReplayGuard second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public ReplayGuard guard() {
        return first;
    }

    @Override
    public ReplayGuard sameStorage() {
        return second;
    }
}
