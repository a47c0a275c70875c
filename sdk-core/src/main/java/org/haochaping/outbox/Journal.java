package org.haochaping.outbox;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haochaping.crypto.cipher.Sm4FieldCipher;
import org.haochaping.transport.IdempotencyKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only journal file of one outbox directory: records and acknowledgements in CRC-sealed
 * frames, recovery that cuts a torn tail, group-committed fsync, and compaction by rewrite-and-rename.
 *
 * <p>Locks: {@code writeLock} guards the file position, the channel and the live records; {@code syncLock}
 * serialises fsync and compaction. Lock order is always sync before write.
 */
final class Journal implements Closeable {

    static final String FILE_NAME = "outbox.journal";
    static final String TEMP_NAME = "outbox.journal.tmp";
    static final String LOCK_NAME = "outbox.lock";
    static final String QUARANTINE_NAME = "outbox.quarantine";

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final Path directory;
    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final long compactionThreshold;
    private final Sm4FieldCipher atRest;
    private final Object writeLock = new Object();
    private final Object syncLock = new Object();

    // Guarded by writeLock.
    private FileChannel channel;
    private long writePosition;
    private long nextSequence;
    private long liveBytes;
    private final Map<Long, OutboxRecord> live = new LinkedHashMap<>();
    private boolean failed;
    private boolean closed;

    private volatile long syncedPosition;
    private final long truncatedBytes;
    private long quarantinedBytes;

    private Journal(Path directory, FileChannel lockChannel, FileLock lock, long compactionThreshold,
            Sm4FieldCipher atRest) throws IOException {
        this.directory = directory;
        this.file = directory.resolve(FILE_NAME);
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.compactionThreshold = compactionThreshold;
        this.atRest = atRest;
        Files.deleteIfExists(directory.resolve(TEMP_NAME)); // a compaction cut short by a crash
        if (!Files.exists(file) || Files.size(file) == 0) {
            nextSequence = 1;
            rewrite(); // creates the file with its header, atomically
            truncatedBytes = 0;
        } else {
            try {
                truncatedBytes = recover();
            } catch (IOException | RuntimeException unreadable) {
                if (channel != null) {
                    channel.close();
                }
                throw unreadable;
            }
        }
    }

    /**
     * Opens the journal in the directory, creating both if needed, and recovers the records not yet
     * acknowledged.
     *
     * @throws OutboxStorageException when another outbox holds the directory or the journal is unreadable
     */
    static Journal open(Path directory, long compactionThreshold) throws IOException {
        return open(directory, compactionThreshold, null);
    }

    /**
     * As {@link #open(Path, long)}; with a cipher, records are written sealed (encryption at rest) and sealed
     * records are opened.
     */
    static Journal open(Path directory, long compactionThreshold, Sm4FieldCipher atRest) throws IOException {
        Files.createDirectories(directory);
        FileChannel lockChannel = FileChannel.open(directory.resolve(LOCK_NAME),
                EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), ownerOnly());
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            lock = null;
        } catch (IOException | RuntimeException unlockable) {
            lockChannel.close();
            throw unlockable;
        }
        if (lock == null) {
            lockChannel.close();
            throw new OutboxStorageException(directory + " is in use by another open outbox");
        }
        try {
            return new Journal(directory, lockChannel, lock, compactionThreshold, atRest);
        } catch (IOException | RuntimeException unreadable) {
            lock.release();
            lockChannel.close();
            throw unreadable;
        }
    }

    /**
     * Reads every intact frame. A damaged stretch followed by intact frames (media damage, a flipped bit) is set
     * aside in the quarantine file and the frames after it are kept; a damaged tail with nothing intact after it
     * (a write a crash cut short) is cut. Returns the bytes cut from the tail.
     */
    private long recover() throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long size = channel.size();
        if (size < Frames.HEADER_SIZE) {
            throw new OutboxStorageException(file + ": " + size + " bytes is too short for a journal header");
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new OutboxStorageException(file + ": " + size + " bytes is larger than a journal can be");
        }
        // Pending records are held in memory anyway and dead bytes are bounded by compaction, so the file fits.
        byte[] bytes = new byte[(int) size];
        ByteBuffer all = ByteBuffer.wrap(bytes);
        while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
            // read fully
        }
        int end = all.position();
        nextSequence = Frames.readHeader(ByteBuffer.wrap(bytes, 0, Frames.HEADER_SIZE), file.toString());
        int position = Frames.HEADER_SIZE;
        List<long[]> quarantined = new ArrayList<>();
        while (position < end) {
            if (!Frames.intactFrame(bytes, position, end)) {
                int next = nextIntactFrame(bytes, position + 1, end);
                if (next < 0) {
                    break; // a torn tail: nothing intact after it
                }
                quarantined.add(new long[] {position, next - position});
                quarantine(bytes, position, next - position);
                position = next;
                continue;
            }
            int bodyLength = Frames.bodyLength(bytes, position);
            Frames.Entry entry = Frames.decode(bytes, position + Frames.FRAME_OVERHEAD, bodyLength, position,
                    file.toString(), atRest);
            if (entry.record != null) {
                OutboxRecord record = entry.record;
                live.put(record.sequence(), record);
                liveBytes += Frames.recordFrameSize(record);
                nextSequence = Math.max(nextSequence, record.sequence() + 1);
            } else {
                OutboxRecord acknowledged = live.remove(entry.acknowledged);
                if (acknowledged != null) {
                    liveBytes -= Frames.recordFrameSize(acknowledged);
                }
            }
            position += Frames.FRAME_OVERHEAD + bodyLength;
        }
        long cut = size - position;
        if (cut > 0) {
            LOG.warn("Outbox journal {}: cut {} bytes of an incomplete entry at offset {} "
                    + "(a write interrupted by a crash); {} intact records kept", file, cut, position, live.size());
            channel.truncate(position);
            channel.force(true);
        }
        writePosition = position;
        syncedPosition = position;
        if (!quarantined.isEmpty()) {
            long damaged = 0;
            StringBuilder where = new StringBuilder();
            for (long[] stretch : quarantined) {
                damaged += stretch[1];
                where.append(where.length() == 0 ? "" : ", ").append(stretch[1]).append(" at offset ").append(stretch[0]);
            }
            quarantinedBytes = damaged;
            LOG.warn("Outbox journal {}: {} damaged bytes ({}) fail their checksum but intact entries follow them: "
                    + "damage to the file, not a crash. The damaged bytes are set aside in {}; {} records are kept. "
                    + "A record inside them is lost from the queue (its bytes are in the quarantine file); an "
                    + "acknowledgement inside them means one more delivery under the same idempotency key.",
                    file, damaged, where, QUARANTINE_NAME, live.size());
            // The journal itself must not keep the damaged bytes: a later recovery would meet them again.
            channel.close();
            rewrite();
        }
        return cut;
    }

    /**
     * The next offset from which intact frames run to the end of the file or to a torn tail, or -1. A candidate
     * must look like a frame this version writes before its CRC is computed, so the scan is cheap.
     */
    private static int nextIntactFrame(byte[] bytes, int from, int end) {
        for (int candidate = from; candidate + Frames.FRAME_OVERHEAD < end; candidate++) {
            if (Frames.plausibleFrame(bytes, candidate, end) && Frames.intactFrame(bytes, candidate, end)) {
                return candidate;
            }
        }
        return -1;
    }

    /** Appends damaged bytes to the quarantine file: offset u64 | length u32 | the bytes, forced. */
    private void quarantine(byte[] bytes, int offset, int length) throws IOException {
        try (FileChannel out = FileChannel.open(directory.resolve(QUARANTINE_NAME), EnumSet.of(
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND), ownerOnly())) {
            ByteBuffer header = ByteBuffer.allocate(12).putLong(offset).putInt(length);
            header.flip();
            writeFully(out, header);
            writeFully(out, ByteBuffer.wrap(bytes, offset, length));
            out.force(true);
        }
    }

    /** Damaged bytes set aside by the recovery at open; zero when the journal was sound. */
    long quarantinedBytes() {
        return quarantinedBytes;
    }

    long truncatedBytes() {
        return truncatedBytes;
    }

    /** The records not acknowledged, in sequence order. */
    List<OutboxRecord> liveRecords() {
        synchronized (writeLock) {
            return new ArrayList<>(live.values());
        }
    }

    long fileSize() {
        synchronized (writeLock) {
            return writePosition;
        }
    }

    /** A record written (not yet forced) and the file position a {@link #sync} must reach for it. */
    static final class Appended {
        final OutboxRecord record;
        final long endPosition;

        Appended(OutboxRecord record, long endPosition) {
            this.record = record;
            this.endPosition = endPosition;
        }
    }

    Appended append(IdempotencyKey key, String kind, byte[] payload, Clock clock) throws IOException {
        synchronized (writeLock) {
            checkUsable();
            // Taken under the lock so that sequence order and creation time agree.
            Instant createdAt = Instant.ofEpochMilli(clock.millis());
            OutboxRecord record = new OutboxRecord(nextSequence, key, kind, createdAt, payload);
            ByteBuffer frame = Frames.recordFrame(record, atRest);
            writeAtEnd(frame);
            nextSequence++;
            live.put(record.sequence(), record);
            liveBytes += Frames.recordFrameSize(record);
            return new Appended(record, writePosition);
        }
    }

    /**
     * Makes everything written up to {@code position} durable. Callers that arrive while another thread
     * forces the file wait for it and are usually covered by its force (group commit).
     */
    void sync(long position) throws IOException {
        if (syncedPosition >= position) {
            return;
        }
        synchronized (syncLock) {
            if (syncedPosition >= position) {
                return;
            }
            FileChannel target;
            long end;
            synchronized (writeLock) {
                checkUsable();
                target = channel;
                end = writePosition;
            }
            try {
                // force(false) is fdatasync on Linux and Android: data and the file length, not timestamps.
                target.force(false);
            } catch (IOException notDurable) {
                synchronized (writeLock) {
                    failed = true; // after a failed fsync the page cache can no longer be trusted
                }
                throw notDurable;
            }
            syncedPosition = end;
        }
    }

    /**
     * Records that a record was delivered. Not forced: a lost acknowledgement only means one more delivery
     * under the same idempotency key, which the platform counts once.
     */
    void acknowledge(long sequence) throws IOException {
        synchronized (writeLock) {
            OutboxRecord record = live.remove(sequence);
            if (record == null) {
                return;
            }
            liveBytes -= Frames.recordFrameSize(record);
            checkUsable();
            writeAtEnd(Frames.ackFrame(sequence));
        }
    }

    private void writeAtEnd(ByteBuffer frame) throws IOException {
        long start = writePosition;
        try {
            long position = start;
            while (frame.hasRemaining()) {
                position += channel.write(frame, position);
            }
            writePosition = position;
        } catch (IOException writeFailed) {
            // A partial frame followed by later good frames would hide them from recovery: cut it off.
            try {
                channel.truncate(start);
            } catch (IOException cannotCut) {
                failed = true;
                writeFailed.addSuppressed(cannotCut);
            }
            throw writeFailed;
        }
    }

    private void checkUsable() throws IOException {
        if (closed) {
            throw new IOException("the outbox journal is closed");
        }
        if (failed) {
            throw new IOException("the outbox journal failed an earlier write or fsync; reopen the outbox");
        }
    }

    /**
     * Compacts when the last pending record was delivered (delivered records, which may hold personal data, are
     * erased from the file promptly; Art. 17), or when acknowledged entries take more room than the threshold and
     * than the live records.
     */
    boolean compactIfWorthIt() throws IOException {
        synchronized (writeLock) {
            long dead = writePosition - Frames.HEADER_SIZE - liveBytes;
            boolean drained = live.isEmpty() && writePosition > Frames.HEADER_SIZE;
            if (!drained && (dead < compactionThreshold || dead < liveBytes)) {
                return false;
            }
        }
        compact();
        return true;
    }

    /**
     * Rewrites the journal with only the live records: write a temporary file, force it, rename it over. When the
     * temporary file cannot be written (a full disk), it is deleted and the journal goes on as it was: a failed
     * compaction loses nothing and blocks nothing, and the next one is tried after the next delivery.
     */
    void compact() throws IOException {
        synchronized (syncLock) {
            synchronized (writeLock) {
                checkUsable();
                long before = writePosition;
                Path temp = directory.resolve(TEMP_NAME);
                try {
                    writeTemp(temp);
                } catch (IOException | RuntimeException notWritten) {
                    deleteQuietly(temp, notWritten);
                    throw notWritten;
                }
                // Closed before the rename: Windows cannot rename over an open file.
                channel.close();
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException | RuntimeException notMoved) {
                    deleteQuietly(temp, notMoved);
                    reopen(notMoved);
                    throw notMoved;
                }
                forceDirectory();
                reopen(null);
                LOG.debug("Outbox journal compacted from {} to {} bytes ({} live records)", before, writePosition,
                        live.size());
            }
        }
    }

    /** Opens the journal file for appends again; when even that fails the journal is unusable until reopened. */
    private void reopen(Throwable earlier) throws IOException {
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            writePosition = channel.size();
            syncedPosition = writePosition;
        } catch (IOException | RuntimeException cannotOpen) {
            failed = true;
            if (earlier != null) {
                earlier.addSuppressed(cannotOpen);
            }
            throw cannotOpen;
        }
    }

    private static void deleteQuietly(Path temp, Throwable cause) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException stillThere) {
            cause.addSuppressed(stillThere); // deleted on the next open at the latest
        }
    }

    /** Writes header and live records to the temporary file and forces it. */
    private void writeTemp(Path temp) throws IOException {
        try (FileChannel out = FileChannel.open(temp, EnumSet.of(StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), ownerOnly())) {
            writeFully(out, Frames.header(nextSequence));
            for (OutboxRecord record : live.values()) {
                writeFully(out, Frames.recordFrame(record, atRest));
            }
            out.force(true);
        }
    }

    /** Creates the journal (or replaces it after recovery) with header and live records, atomically. */
    private void rewrite() throws IOException {
        Path temp = directory.resolve(TEMP_NAME);
        try {
            writeTemp(temp);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException notWritten) {
            deleteQuietly(temp, notWritten);
            throw notWritten;
        }
        forceDirectory();
        reopen(null);
    }

    /**
     * Payloads may hold personal data, which Art. 17 requires to be protected: where the file system has
     * POSIX permissions, the outbox's files are readable by their owner only.
     */
    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    private static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    /** Makes the rename durable. Some platforms cannot open a directory for fsync; there it is skipped. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            LOG.debug("Outbox directory {} cannot be fsynced on this platform ({})", directory,
                    notSupported.getClass().getSimpleName());
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (syncLock) {
            synchronized (writeLock) {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    if (channel != null) {
                        channel.close();
                    }
                } finally {
                    try {
                        lock.release();
                    } finally {
                        lockChannel.close();
                    }
                }
            }
        }
    }
}
