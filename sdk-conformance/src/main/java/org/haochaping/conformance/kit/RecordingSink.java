package org.haochaping.conformance.kit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

import org.haochaping.outbox.OutboxRecord;
import org.haochaping.outbox.OutboxSink;
import org.haochaping.outbox.RecordRejectedException;

/**
 * The platform side of {@link OutboxStoreContract}: records every delivery attempt, accepts, fails for a while
 * ({@link IOException}, the kind of failure a store must retry) or refuses for good ({@link RecordRejectedException}).
 */
final class RecordingSink implements OutboxSink {

    /** One delivery attempt and how the sink answered it. */
    static final class Attempt {
        final OutboxRecord record;
        final boolean accepted;

        Attempt(OutboxRecord record, boolean accepted) {
            this.record = record;
            this.accepted = accepted;
        }
    }

    private final List<Attempt> attempts = new ArrayList<>();
    private final Predicate<OutboxRecord> refuse;
    private volatile int failuresLeft;
    private final CountDownLatch firstAttempt = new CountDownLatch(1);

    private RecordingSink(int failures, Predicate<OutboxRecord> refuse) {
        this.failuresLeft = failures;
        this.refuse = refuse;
    }

    static RecordingSink accepting() {
        return new RecordingSink(0, r -> false);
    }

    /** Fails the first {@code failures} attempts (of any record), then accepts. */
    static RecordingSink failingFirst(int failures) {
        return new RecordingSink(failures, r -> false);
    }

    /** Never accepts: every attempt fails as if the platform were unreachable. */
    static RecordingSink unreachable() {
        return new RecordingSink(Integer.MAX_VALUE, r -> false);
    }

    /** Refuses for good every record of {@code kind}; accepts the others. */
    static RecordingSink refusingKind(String kind) {
        return new RecordingSink(0, r -> r.kind().equals(kind));
    }

    @Override
    public void deliver(OutboxRecord record) throws Exception {
        try {
            if (refuse.test(record)) {
                add(record, false);
                throw new RecordRejectedException("INVALID_PAYLOAD: refused by the contract's sink");
            }
            synchronized (this) {
                if (failuresLeft > 0) {
                    if (failuresLeft != Integer.MAX_VALUE) {
                        failuresLeft--;
                    }
                    attempts.add(new Attempt(record, false));
                    throw new IOException("the contract's sink: platform unreachable");
                }
                attempts.add(new Attempt(record, true));
            }
        } finally {
            firstAttempt.countDown();
        }
    }

    private synchronized void add(OutboxRecord record, boolean accepted) {
        attempts.add(new Attempt(record, accepted));
    }

    synchronized List<Attempt> attempts() {
        return new ArrayList<>(attempts);
    }

    /** Waits until the store has tried to deliver at least once. */
    boolean awaitFirstAttempt(java.time.Duration timeout) throws InterruptedException {
        return firstAttempt.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
