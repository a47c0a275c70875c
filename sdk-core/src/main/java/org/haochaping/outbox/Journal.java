package org.haochaping.outbox;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
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

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final Path directory;
    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final long compactionThreshold;
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

    private Journal(Path directory, FileChannel lockChannel, FileLock lock, long compactionThreshold)
            throws IOException {
        this.directory = directory;
        this.file = directory.resolve(FILE_NAME);
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.compactionThreshold = compactionThreshold;
        Files.deleteIfExists(directory.resolve(TEMP_NAME)); // a compaction cut short by a crash
        if (!Files.exists(file) || Files.size(file) == 0) {
            nextSequence = 1;
            rewrite(); // creates the file with its header, atomically
            truncatedBytes = 0;
        } else {
            try {
                truncatedBytes = recover();
            } catch (IOException | RuntimeException unreadable) {
                channel.close();
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
            return new Journal(directory, lockChannel, lock, compactionThreshold);
        } catch (IOException | RuntimeException unreadable) {
            lock.release();
            lockChannel.close();
            throw unreadable;
        }
    }

    /** Reads every intact frame; cuts the file after the last one. Returns the bytes cut. */
    private long recover() throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long size = channel.size();
        if (size < Frames.HEADER_SIZE) {
            throw new OutboxStorageException(file + ": " + size + " bytes is too short for a journal header");
        }
        ByteBuffer header = ByteBuffer.allocate(Frames.HEADER_SIZE);
        while (header.hasRemaining() && channel.read(header, header.position()) >= 0) {
            // read fully
        }
        header.flip();
        nextSequence = Frames.readHeader(header, file.toString());
        long position = Frames.HEADER_SIZE;
        channel.position(position);
        // The stream is never closed: that would close the channel, which stays open for appends.
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel),
                64 * 1024));
        while (true) {
            long remaining = size - position;
            if (remaining < Frames.FRAME_OVERHEAD) {
                break;
            }
            long bodyLength = in.readInt() & 0xffffffffL;
            int storedCrc = in.readInt();
            if (bodyLength == 0 || bodyLength > remaining - Frames.FRAME_OVERHEAD) {
                break;
            }
            byte[] body = new byte[(int) bodyLength];
            try {
                in.readFully(body);
            } catch (EOFException shorter) {
                break;
            }
            if ((int) Frames.crc(body, 0, body.length) != storedCrc) {
                break;
            }
            Frames.Entry entry = Frames.decode(body, position, file.toString());
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
        return cut;
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
            ByteBuffer frame = Frames.recordFrame(record);
            int size = frame.remaining();
            writeAtEnd(frame);
            nextSequence++;
            live.put(record.sequence(), record);
            liveBytes += size;
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

    /** Compacts when acknowledged entries take more room than the threshold and than the live records. */
    boolean compactIfWorthIt() throws IOException {
        synchronized (writeLock) {
            long dead = writePosition - Frames.HEADER_SIZE - liveBytes;
            if (dead < compactionThreshold || dead < liveBytes) {
                return false;
            }
        }
        compact();
        return true;
    }

    /** Rewrites the journal with only the live records: write a temporary file, force it, rename it over. */
    void compact() throws IOException {
        synchronized (syncLock) {
            synchronized (writeLock) {
                checkUsable();
                long before = writePosition;
                channel.close();
                try {
                    rewrite();
                } catch (IOException | RuntimeException rewriteFailed) {
                    failed = true;
                    throw rewriteFailed;
                }
                LOG.debug("Outbox journal compacted from {} to {} bytes ({} live records)", before, writePosition,
                        live.size());
            }
        }
    }

    /** Writes header and live records to the temporary file, renames it over the journal and reopens. */
    private void rewrite() throws IOException {
        Path temp = directory.resolve(TEMP_NAME);
        try (FileChannel out = FileChannel.open(temp, EnumSet.of(StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), ownerOnly())) {
            writeFully(out, Frames.header(nextSequence));
            for (OutboxRecord record : live.values()) {
                writeFully(out, Frames.recordFrame(record));
            }
            out.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        writePosition = channel.size();
        syncedPosition = writePosition;
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
