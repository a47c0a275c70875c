package org.haochaping.outbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.haochaping.crypto.cipher.Sm4FieldCipher;
import org.haochaping.event.HcpEventListener;
import org.haochaping.event.OutboxEvent;
import org.haochaping.transport.IdempotencyKey;
import org.haochaping.transport.Backoff;
import org.haochaping.transport.ServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable local queue for terminals that lose the network (self-service terminals and hall evaluators,
 * Art. 10): {@link #submit} returns once the record is on disk (fsync), and a background sender delivers
 * records through an {@link OutboxSink}, oldest first, retrying with backoff until the platform accepts
 * or rejects each one. Records survive a crash or {@code kill -9}; each keeps its idempotency key for every
 * delivery, so none is counted twice and none is lost.
 *
 * <pre>{@code
 * Outbox outbox = Outbox.builder(context.getFilesDir().toPath().resolve("hcp-outbox"), sink)
 *         .maxRecords(10_000)
 *         .maxBytes(16L << 20)
 *         .submitTimeout(Duration.ZERO)
 *         .open();
 * OutboxRecord record = outbox.submit("evaluation", payloadBytes);
 * }</pre>
 *
 * <p>Back-pressure: when the outbox holds {@code maxRecords} records or {@code maxBytes} bytes, a submit
 * waits up to the submit timeout for deliveries to make room, then throws {@link OutboxFullException}. The
 * default timeout is zero (fail at once), because a full outbox means the network has been gone for long
 * and waiting would freeze the terminal's UI.
 *
 * <p>Format, fsync policy, crash semantics and compaction: {@code docs/outbox.md}. Thread-safe; one open
 * outbox per directory (a lock file enforces it across processes).
 */
public final class Outbox implements OutboxStore {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final Pattern KIND = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final long DEFAULT_COMPACTION_THRESHOLD = 256 * 1024;
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final Journal journal;
    private final OutboxSink sink;
    private final int maxRecords;
    private final long maxBytes;
    private final Duration submitTimeout;
    /** Doubling from the builder's initial wait to its cap, up to 20% shorter at random (spreads retries out). */
    /** Up to 20% shorter at random, so that terminals back online together do not retry in step. */
    private static final double RETRY_JITTER = 0.2;
    private final Backoff retryBackoff;
    private final BiConsumer<OutboxRecord, RecordRejectedException> rejectionHandler;
    private final Clock clock;
    private final NetworkStatus networkStatus;
    private final HcpEventListener events;
    private final Thread sender;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // Guarded by lock. "reserved" counts durable records plus submits in progress: what the bounds limit.
    private final TreeMap<Long, OutboxRecord> ready = new TreeMap<>();
    private long readyBytes;
    private int reservedRecords;
    private long reservedBytes;
    private int consecutiveFailures;
    private long nextAttemptNanos;
    private boolean closed;
    private String lastFailureType;
    private Instant lastFailureAt;
    private Instant lastDeliveredAt;

    private Outbox(Builder builder, Journal journal) {
        this.journal = journal;
        this.sink = builder.sink;
        this.maxRecords = builder.maxRecords;
        this.maxBytes = builder.maxBytes;
        this.submitTimeout = builder.submitTimeout;
        this.retryBackoff = builder.retryBackoff;
        this.rejectionHandler = builder.rejectionHandler;
        this.clock = builder.clock;
        this.networkStatus = builder.networkStatus;
        this.events = builder.events;
        List<OutboxRecord> recovered = journal.liveRecords();
        for (OutboxRecord record : recovered) {
            long size = Frames.recordFrameSize(record);
            ready.put(record.sequence(), record);
            readyBytes += size;
            reservedRecords++;
            reservedBytes += size;
        }
        if (!recovered.isEmpty()) {
            LOG.info("Outbox {}: {} records waiting from before the restart", builder.directory, recovered.size());
        }
        this.nextAttemptNanos = System.nanoTime();
        this.sender = new Thread(this::runSender, "hcp-outbox-sender");
        sender.setDaemon(true);
    }

    /**
     * Starts an outbox in a directory the application owns (on Android, e.g. below
     * {@code Context.getFilesDir()}).
     */
    public static Builder builder(Path directory, OutboxSink sink) {
        return new Builder(directory, sink);
    }

    /** Submits a record under a fresh random idempotency key. See {@link #submit(String, byte[], IdempotencyKey)}. */
    public OutboxRecord submit(String kind, byte[] payload) {
        return submit(kind, payload, IdempotencyKey.random());
    }

    /**
     * Stores a record durably and queues it for delivery. Returns once the record has been forced to disk:
     * from then on a crash loses nothing.
     *
     * @param kind what the payload is ({@code [A-Za-z0-9._:-]}, 1 to 64 characters); tells the sink where to
     *     send it
     * @param payload the bytes to deliver (copied), not empty
     * @param idempotencyKey the key every delivery of this record carries; pass your own to make a
     *     resubmission after an {@link OutboxStorageException} safe
     * @throws OutboxFullException when there was no room within the submit timeout; nothing was stored
     * @throws OutboxStorageException when the disk write or fsync failed
     * @throws IllegalArgumentException when kind or payload are invalid, or the record alone exceeds
     *     {@code maxBytes}
     * @throws IllegalStateException when the outbox is closed
     */
    public OutboxRecord submit(String kind, byte[] payload, IdempotencyKey idempotencyKey) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("kind: must be 1 to 64 characters of A-Z a-z 0-9 . _ : -");
        }
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (payload == null || payload.length == 0) {
            throw new IllegalArgumentException("payload: must not be empty");
        }
        long size = Frames.recordFrameSize(idempotencyKey, kind, payload.length);
        if (size > maxBytes) {
            throw new IllegalArgumentException("payload: a record of " + size + " bytes can never fit in an outbox of "
                    + "maxBytes " + maxBytes);
        }
        reserve(size);
        boolean queued = false;
        try {
            Journal.Appended appended = journal.append(idempotencyKey, kind, payload.clone(), clock);
            journal.sync(appended.endPosition);
            OutboxRecord record = appended.record;
            lock.lock();
            try {
                ready.put(record.sequence(), record);
                readyBytes += size;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            queued = true;
            events.outboxStored(event(record, null));
            return record;
        } catch (IOException storageFailed) {
            throw new OutboxStorageException("could not store the record durably: " + storageFailed.getMessage(),
                    storageFailed);
        } finally {
            if (!queued) {
                release(1, size);
            }
        }
    }

    private void reserve(long size) {
        long remaining = submitTimeout.toNanos();
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    throw new IllegalStateException("the outbox is closed");
                }
                if (reservedRecords < maxRecords && reservedBytes + size <= maxBytes) {
                    reservedRecords++;
                    reservedBytes += size;
                    return;
                }
                if (remaining <= 0) {
                    throw new OutboxFullException("the outbox is full (" + reservedRecords + " of " + maxRecords
                            + " records, " + reservedBytes + " of " + maxBytes + " bytes) and did not drain within "
                            + submitTimeout.toMillis() + " ms; is the platform reachable?");
                }
                remaining = changed.awaitNanos(remaining);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new OutboxFullException("interrupted while waiting for room in the outbox");
        } finally {
            lock.unlock();
        }
    }

    private void release(int records, long bytes) {
        lock.lock();
        try {
            reservedRecords -= records;
            reservedBytes -= bytes;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Records stored and not yet accepted or rejected by the platform. */
    public int pendingCount() {
        lock.lock();
        try {
            return ready.size();
        } finally {
            lock.unlock();
        }
    }

    /** Bytes the pending records take in the journal (payload and metadata). */
    public long pendingBytes() {
        lock.lock();
        try {
            return readyBytes;
        } finally {
            lock.unlock();
        }
    }

    /** How long the oldest pending record has waited; empty when nothing is pending. */
    public Optional<Duration> oldestAge() {
        Instant oldest;
        lock.lock();
        try {
            Map.Entry<Long, OutboxRecord> first = ready.firstEntry();
            if (first == null) {
                return Optional.empty();
            }
            oldest = first.getValue().createdAt();
        } finally {
            lock.unlock();
        }
        Duration age = Duration.between(oldest, clock.instant());
        return Optional.of(age.isNegative() ? Duration.ZERO : age);
    }

    /**
     * How the sender is doing, for a terminal's status screen or a health check: whether it runs, how many
     * deliveries failed in a row, the type of the last failure (never its message, which may quote a payload)
     * and when records were last delivered.
     */
    public OutboxHealth health() {
        Instant oldest;
        lock.lock();
        try {
            Map.Entry<Long, OutboxRecord> first = ready.firstEntry();
            oldest = first == null ? null : first.getValue().createdAt();
            return new OutboxHealth(!closed && sender.isAlive(), ready.size(), consecutiveFailures, lastFailureType,
                    lastFailureAt, lastDeliveredAt, oldest == null ? null : nonNegative(Duration.between(oldest,
                            clock.instant())), journal.quarantinedBytes());
        } finally {
            lock.unlock();
        }
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * Ends the current backoff and delivers at once, e.g. when Android reports the network is back.
     */
    public void retryNow() {
        lock.lock();
        try {
            nextAttemptNanos = System.nanoTime();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every submitted record has been accepted or rejected.
     *
     * @return {@code true} when drained, {@code false} when the timeout passed first
     */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (reservedRecords > 0) {
                if (remaining <= 0 || closed) {
                    return false;
                }
                remaining = changed.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void start() {
        sender.start();
    }

    /**
     * The sender loop: anything a sink, handler or network check throws (an {@link Error} included) is a
     * failed attempt, never the end of the sender. Only {@link #close()} ends it.
     */
    private void runSender() {
        while (true) {
            try {
                if (!senderStep()) {
                    return;
                }
            } catch (Throwable escaped) {
                // Anything that escaped a step (a failing network check, an Error from a rejection handler):
                // count it as a failed attempt and go on after the backoff, so submit never fills a dead queue.
                if (isClosed()) {
                    return;
                }
                recordFailure(escaped);
                scheduleRetry(null, escaped);
            }
        }
    }

    /** One turn of the sender; {@code false} when it must stop (closing). */
    private boolean senderStep() {
        {
            OutboxRecord next;
            lock.lock();
            try {
                while (!closed && (ready.isEmpty() || System.nanoTime() - nextAttemptNanos < 0)) {
                    if (ready.isEmpty()) {
                        changed.await();
                    } else {
                        changed.awaitNanos(nextAttemptNanos - System.nanoTime());
                    }
                }
                if (closed) {
                    return false;
                }
                next = ready.firstEntry().getValue();
            } catch (InterruptedException closing) {
                return false;
            } finally {
                lock.unlock();
            }
            if (!networkStatus.isAvailable()) {
                waitForNetwork();
                return true;
            }
            return deliver(next);
        }
    }

    /** Offline: no attempt is spent; the next look is after the longest backoff, or at {@link #retryNow()}. */
    private void waitForNetwork() {
        lock.lock();
        try {
            nextAttemptNanos = System.nanoTime() + retryBackoff.max().toNanos();
        } finally {
            lock.unlock();
        }
        LOG.debug("Outbox: no network; waiting up to {} ms or for retryNow()", retryBackoff.max().toMillis());
    }

    /** Delivers one record; {@code false} when the sender must stop (closing). */
    private boolean deliver(OutboxRecord record) {
        try {
            sink.deliver(record);
            LOG.debug("Outbox record {} ({}) delivered", record.sequence(), record.kind());
            events.outboxDelivered(event(record, null));
        } catch (RecordRejectedException rejected) {
            events.outboxDeadLettered(event(record, rejected.platformCode().orElse(null)));
            try {
                rejectionHandler.accept(record, rejected);
            } catch (RuntimeException handlerFailed) {
                LOG.error("Outbox rejection handler failed for record {} ({}): {}", record.sequence(), record.kind(),
                        handlerFailed.toString());
            }
        } catch (InterruptedException interrupted) {
            return false;
        } catch (Throwable failure) {
            // Errors too (a sink's OutOfMemoryError, StackOverflowError, NoClassDefFoundError): the record stays
            // pending and the sender lives on; health() shows the failure.
            if (isClosed()) {
                return false;
            }
            recordFailure(failure);
            scheduleRetry(record, failure);
            return true;
        }
        acknowledge(record);
        return true;
    }

    private OutboxEvent event(OutboxRecord record, String platformCode) {
        return new OutboxEvent("file", record.kind(), record.sequence(), record.idempotencyKey(),
                record.payloadSize(), Duration.between(record.createdAt(), clock.instant()), platformCode);
    }

    private void recordFailure(Throwable failure) {
        lock.lock();
        try {
            lastFailureType = failure.getClass().getName();
            lastFailureAt = clock.instant();
        } finally {
            lock.unlock();
        }
    }

    private void scheduleRetry(OutboxRecord record, Throwable failure) {
        Duration delay;
        int failures;
        lock.lock();
        try {
            failures = ++consecutiveFailures;
            // A platform that said when to come back (Retry-After beyond what the transport waits) is
            // obeyed, up to the longest backoff.
            delay = retryBackoff.delay(failures, failure instanceof ServiceException
                    ? ((ServiceException) failure).retryAfter() : Optional.<Duration>empty());
            nextAttemptNanos = System.nanoTime() + delay.toNanos();
        } finally {
            lock.unlock();
        }
        if (record == null) {
            LOG.error("Outbox sender: {} outside a delivery; {} consecutive failures, next try in {} ms",
                    describe(failure), failures, delay.toMillis());
        } else if (failure instanceof Exception) {
            LOG.info("Outbox record {} ({}) not delivered ({}); {} consecutive failures, next try in {} ms",
                    record.sequence(), record.kind(), describe(failure), failures, delay.toMillis());
        } else {
            LOG.error("Outbox record {} ({}) not delivered: the sink threw {}; {} consecutive failures, next try "
                    + "in {} ms", record.sequence(), record.kind(), describe(failure), failures, delay.toMillis());
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private void acknowledge(OutboxRecord record) {
        try {
            journal.acknowledge(record.sequence());
        } catch (IOException notWritten) {
            // The record was delivered; if the acknowledgement is lost it is delivered once more, under the
            // same idempotency key.
            LOG.warn("Outbox record {} delivered but its acknowledgement was not written: {}", record.sequence(),
                    notWritten.toString());
        }
        long size = Frames.recordFrameSize(record);
        lock.lock();
        try {
            ready.remove(record.sequence());
            readyBytes -= size;
            reservedRecords--;
            reservedBytes -= size;
            consecutiveFailures = 0;
            lastDeliveredAt = clock.instant();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            journal.compactIfWorthIt();
        } catch (IOException compactionFailed) {
            LOG.warn("Outbox journal compaction failed: {}", compactionFailed.toString());
        }
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** The pending records in order, for tests. */
    List<OutboxRecord> pendingRecords() {
        lock.lock();
        try {
            return new java.util.ArrayList<>(ready.values());
        } finally {
            lock.unlock();
        }
    }

    /** Journal size on disk, for tests of compaction. */
    long journalBytes() {
        return journal.fileSize();
    }

    /** Compacts the journal now, for tests. */
    void compact() throws IOException {
        journal.compact();
    }

    /**
     * Stops the sender (a delivery in flight gets a short grace period, then is interrupted) and closes the
     * journal. Pending records stay on disk and are delivered after the next {@link Builder#open()}.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        // A sink or rejection handler may close the outbox from the sender thread: it must not wait for itself.
        if (Thread.currentThread() != sender) {
            try {
                sender.join(CLOSE_GRACE.toMillis());
                if (sender.isAlive()) {
                    sender.interrupt();
                    sender.join(CLOSE_GRACE.toMillis());
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            journal.close();
        } catch (IOException closeFailed) {
            throw new OutboxStorageException("could not close the outbox journal", closeFailed);
        }
    }

    @Override
    public String toString() {
        return "Outbox{pending=" + pendingCount() + "}";
    }

    /** Builds and opens an {@link Outbox}. Not thread-safe. */
    public static final class Builder {
        private final Path directory;
        private final OutboxSink sink;
        private int maxRecords = 10_000;
        private long maxBytes = 16L * 1024 * 1024;
        private Duration submitTimeout = Duration.ZERO;
        private Backoff retryBackoff = Backoff.of(Duration.ofSeconds(1), Duration.ofMinutes(5), RETRY_JITTER);
        private BiConsumer<OutboxRecord, RecordRejectedException> rejectionHandler = (record, reason) ->
                LOG.warn("Outbox record {} ({}) rejected by the platform and removed: {}", record.sequence(),
                        record.kind(), reason.getMessage());
        private Clock clock = Clock.systemUTC();
        private NetworkStatus networkStatus = NetworkStatus.ALWAYS;
        private HcpEventListener events = HcpEventListener.NONE;
        private long compactionThreshold = DEFAULT_COMPACTION_THRESHOLD;
        private byte[] atRestKey;

        private Builder(Path directory, OutboxSink sink) {
            this.directory = Objects.requireNonNull(directory, "directory");
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        /** The most records pending at once; default 10,000. */
        public Builder maxRecords(int maxRecords) {
            if (maxRecords < 1) {
                throw new IllegalArgumentException("maxRecords: " + maxRecords + " is less than 1");
            }
            this.maxRecords = maxRecords;
            return this;
        }

        /** The most journal bytes the pending records may take (payloads and metadata); default 16 MiB. */
        public Builder maxBytes(long maxBytes) {
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxBytes: " + maxBytes + " is less than 1");
            }
            this.maxBytes = maxBytes;
            return this;
        }

        /** How long a submit waits for room in a full outbox before it throws; default zero. */
        public Builder submitTimeout(Duration submitTimeout) {
            if (submitTimeout == null || submitTimeout.isNegative()) {
                throw new IllegalArgumentException("submitTimeout: must be zero or positive, was " + submitTimeout);
            }
            this.submitTimeout = submitTimeout;
            return this;
        }

        /**
         * The wait after a failed delivery: doubling from {@code initial} up to {@code max}, up to 20%
         * shorter at random; default 1 s to 5 min.
         */
        public Builder retryBackoff(Duration initial, Duration max) {
            this.retryBackoff = Backoff.of(initial, max, RETRY_JITTER);
            return this;
        }

        /**
         * Receives each record the platform rejected for good, before it is removed (at least once: a crash
         * in between hands it over again). Default: a warning in the log, without the payload.
         */
        public Builder onRejected(BiConsumer<OutboxRecord, RecordRejectedException> handler) {
            this.rejectionHandler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Told when a record is stored, delivered or dead-lettered ({@link HcpEventListener}); what it throws is
         * caught and logged, never passed to the submitter or the sender.
         */
        public Builder eventListener(HcpEventListener listener) {
            this.events = HcpEventListener.guarded(Objects.requireNonNull(listener, "eventListener"));
            return this;
        }

        /**
         * Asked before each delivery; while it says offline, no attempt is made (default: always online). Pair it
         * with a call to {@link Outbox#retryNow()} when the network returns.
         */
        public Builder networkStatus(NetworkStatus networkStatus) {
            this.networkStatus = Objects.requireNonNull(networkStatus, "networkStatus");
            return this;
        }

        /** The clock for creation times and ages; tests fix it. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Encrypts every record's payload at rest in the journal with SM4-GCM under this 16-byte key (Art. 17:
         * payloads carry the evaluator's name, certificate number and mobile). The key comes from the application
         * (on Android, e.g. unwrapped with a key from the Android Keystore: {@code AndroidOutboxes}); the SDK never
         * stores it. Records written in clear before the key was set are still read, and rewritten encrypted at the
         * next compaction. Once records are sealed, the outbox opens only with the same key. Threat model:
         * {@code docs/security.md}.
         *
         * @param sm4Key 16 bytes (copied)
         */
        public Builder encryptAtRest(byte[] sm4Key) {
            if (sm4Key == null || sm4Key.length != Sm4FieldCipher.KEY_BYTES) {
                throw new IllegalArgumentException("encryptAtRest: an SM4 key is " + Sm4FieldCipher.KEY_BYTES
                        + " bytes");
            }
            this.atRestKey = sm4Key.clone();
            return this;
        }

        /** Dead bytes that trigger compaction (also needs dead bytes to exceed live bytes); for tests. */
        Builder compactionThreshold(long bytes) {
            this.compactionThreshold = bytes;
            return this;
        }

        /**
         * Opens the directory (creating it if needed), recovers the records left by an earlier run, cutting
         * any torn tail a crash left, and starts the sender.
         *
         * @throws OutboxStorageException when the directory cannot be used
         */
        public Outbox open() {
            Journal journal;
            try {
                journal = Journal.open(directory, compactionThreshold,
                        atRestKey == null ? null : Sm4FieldCipher.gcm(atRestKey));
            } catch (IOException unusable) {
                throw new OutboxStorageException("cannot open the outbox in " + directory + ": " + unusable, unusable);
            }
            Outbox outbox = new Outbox(this, journal);
            outbox.start();
            return outbox;
        }
    }
}
