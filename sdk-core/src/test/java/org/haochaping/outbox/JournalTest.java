package org.haochaping.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.haochaping.transport.IdempotencyKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    private static final long NO_AUTO_COMPACTION = Long.MAX_VALUE;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:15:30.123Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private static byte[] payload(int n, int length) {
        byte[] bytes = new byte[length];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    /** Writes records 1..count with payloads of the given length and returns the journal's bytes. */
    private byte[] journalWith(Path directory, int count, int payloadLength) throws IOException {
        try (Journal journal = Journal.open(directory, NO_AUTO_COMPACTION)) {
            for (int n = 1; n <= count; n++) {
                Journal.Appended appended = journal.append(IdempotencyKey.of("key-" + n), "evaluation",
                        payload(n, payloadLength), CLOCK);
                journal.sync(appended.endPosition);
            }
        }
        return Files.readAllBytes(directory.resolve(Journal.FILE_NAME));
    }

    private static void assertRecords(List<OutboxRecord> records, int count, int payloadLength) {
        assertThat(records).hasSize(count);
        for (int n = 1; n <= count; n++) {
            OutboxRecord record = records.get(n - 1);
            assertThat(record.sequence()).isEqualTo(n);
            assertThat(record.idempotencyKey()).isEqualTo(IdempotencyKey.of("key-" + n));
            assertThat(record.kind()).isEqualTo("evaluation");
            assertThat(record.createdAt()).isEqualTo(Instant.parse("2026-03-02T08:15:30.123Z"));
            assertThat(record.payload()).isEqualTo(payload(n, payloadLength));
        }
    }

    @Test
    void recordsAndAcknowledgementsSurviveReopening() throws IOException {
        Path directory = temp.resolve("box");
        try (Journal journal = Journal.open(directory, NO_AUTO_COMPACTION)) {
            for (int n = 1; n <= 3; n++) {
                journal.sync(journal.append(IdempotencyKey.of("key-" + n), "evaluation", payload(n, 40), CLOCK)
                        .endPosition);
            }
            journal.acknowledge(2);
        }
        try (Journal reopened = Journal.open(directory, NO_AUTO_COMPACTION)) {
            assertThat(reopened.liveRecords()).extracting(OutboxRecord::sequence).containsExactly(1L, 3L);
            assertThat(reopened.truncatedBytes()).isZero();
            assertThat(reopened.append(IdempotencyKey.of("key-4"), "case", payload(4, 1), CLOCK).record.sequence())
                    .as("sequences continue after the highest seen").isEqualTo(4);
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void theJournalIsReadableByItsOwnerOnly() throws IOException {
        Path directory = temp.resolve("box");
        journalWith(directory, 1, 10);
        try (Journal journal = Journal.open(directory, NO_AUTO_COMPACTION)) {
            journal.compact();
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(Journal.FILE_NAME))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(Journal.LOCK_NAME))))
                .isEqualTo("rw-------");
    }

    @Test
    void theLayoutIsTheDocumentedOne() throws IOException {
        byte[] bytes = journalWith(temp.resolve("box"), 1, 3);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte[] magic = new byte[8];
        in.get(magic);
        assertThat(new String(magic, StandardCharsets.US_ASCII)).isEqualTo("HCPOUTBX");
        assertThat(in.getInt()).as("version").isEqualTo(1);
        assertThat(in.getLong()).as("next sequence at creation").isEqualTo(1);
        in.getInt(); // header CRC
        int bodyLength = in.getInt();
        assertThat(bodyLength).isEqualTo(1 + 8 + 8 + 2 + 5 + 2 + 10 + 4 + 3);
        int crc = in.getInt();
        assertThat(crc).isEqualTo((int) Frames.crc(bytes, 32, bodyLength));
        assertThat(in.get()).as("type RECORD").isEqualTo((byte) 1);
        assertThat(in.getLong()).as("sequence").isEqualTo(1);
        assertThat(in.getLong()).as("created at").isEqualTo(Instant.parse("2026-03-02T08:15:30.123Z").toEpochMilli());
        assertThat(in.getShort()).isEqualTo((short) 5);
        assertThat(bytes.length).isEqualTo(24 + 8 + bodyLength);
    }

    @Test
    void aTornTailIsCutAtEveryByteOfTheLastRecordAndTheRestKept() throws IOException {
        int payloadLength = 64;
        byte[] full = journalWith(temp.resolve("source"), 3, payloadLength);
        int lastFrame = Frames.recordFrameSize(IdempotencyKey.of("key-3"), "evaluation", payloadLength);
        int lastStart = full.length - lastFrame;

        for (int cut = lastStart; cut < full.length; cut++) {
            Path directory = temp.resolve("cut-" + cut);
            Files.createDirectories(directory);
            Files.write(directory.resolve(Journal.FILE_NAME), Arrays.copyOf(full, cut));

            try (Journal journal = Journal.open(directory, NO_AUTO_COMPACTION)) {
                assertRecords(journal.liveRecords(), 2, payloadLength);
                assertThat(journal.truncatedBytes()).isEqualTo(cut - lastStart);
                assertThat(Files.size(directory.resolve(Journal.FILE_NAME))).isEqualTo(lastStart);
                journal.sync(journal.append(IdempotencyKey.of("key-3"), "evaluation", payload(3, payloadLength),
                        CLOCK).endPosition);
            }
            try (Journal reopened = Journal.open(directory, NO_AUTO_COMPACTION)) {
                assertRecords(reopened.liveRecords(), 3, payloadLength);
                assertThat(reopened.truncatedBytes()).isZero();
            }
        }
    }

    @Test
    void aTornAcknowledgementLeavesItsRecordPending() throws IOException {
        Path directory = temp.resolve("box");
        journalWith(directory, 2, 10);
        try (Journal journal = Journal.open(directory, NO_AUTO_COMPACTION)) {
            journal.acknowledge(1);
        }
        Path file = directory.resolve(Journal.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));

        try (Journal journal = Journal.open(directory, NO_AUTO_COMPACTION)) {
            assertThat(journal.liveRecords()).extracting(OutboxRecord::sequence).containsExactly(1L, 2L);
            assertThat(journal.truncatedBytes()).isEqualTo(Frames.ACK_FRAME_SIZE - 3);
        }
    }

    @Test
    void aZeroFilledOrGarbageTailIsCut() throws IOException {
        for (byte[] tail : new byte[][] {new byte[4096], payload(99, 777)}) {
            Path directory = temp.resolve("tail-" + tail.length);
            byte[] intact = journalWith(directory, 2, 20);
            Files.write(directory.resolve(Journal.FILE_NAME), tail, StandardOpenOption.APPEND);

            try (Journal journal = Journal.open(directory, NO_AUTO_COMPACTION)) {
                assertRecords(journal.liveRecords(), 2, 20);
                assertThat(journal.truncatedBytes()).isEqualTo(tail.length);
                assertThat(Files.size(directory.resolve(Journal.FILE_NAME))).isEqualTo(intact.length);
            }
        }
    }

    @Test
    void aFlippedBitInTheLastRecordFailsItsChecksum() throws IOException {
        Path directory = temp.resolve("box");
        byte[] bytes = journalWith(directory, 3, 30);
        bytes[bytes.length - 5] ^= 0x10;
        Files.write(directory.resolve(Journal.FILE_NAME), bytes);

        try (Journal journal = Journal.open(directory, NO_AUTO_COMPACTION)) {
            assertRecords(journal.liveRecords(), 2, 30);
        }
    }

    @Test
    void compactionKeepsOnlyLiveRecordsAndTheSequence() throws IOException {
        Path directory = temp.resolve("box");
        journalWith(directory, 5, 100);
        try (Journal journal = Journal.open(directory, NO_AUTO_COMPACTION)) {
            for (long n = 1; n <= 4; n++) {
                journal.acknowledge(n);
            }
            long before = journal.fileSize();
            journal.compact();
            assertThat(journal.fileSize()).isEqualTo(Frames.HEADER_SIZE
                    + Frames.recordFrameSize(IdempotencyKey.of("key-5"), "evaluation", 100)).isLessThan(before);
            journal.acknowledge(5);
            journal.compact();
            assertThat(journal.fileSize()).isEqualTo(Frames.HEADER_SIZE);
        }
        try (Journal reopened = Journal.open(directory, NO_AUTO_COMPACTION)) {
            assertThat(reopened.liveRecords()).isEmpty();
            assertThat(reopened.append(IdempotencyKey.of("key-6"), "case", payload(6, 1), CLOCK).record.sequence())
                    .as("the header carries the next sequence across an empty compaction").isEqualTo(6);
        }
        assertThat(directory.resolve(Journal.TEMP_NAME)).doesNotExist();
    }

    @Test
    void automaticCompactionWaitsForEnoughDeadBytes() throws IOException {
        try (Journal journal = Journal.open(temp.resolve("box"), 1000)) {
            for (int n = 1; n <= 20; n++) {
                journal.append(IdempotencyKey.of("key-" + n), "evaluation", payload(n, 100), CLOCK);
            }
            journal.acknowledge(1);
            assertThat(journal.compactIfWorthIt()).as("dead bytes below live bytes").isFalse();
            for (long n = 2; n <= 15; n++) {
                journal.acknowledge(n);
            }
            assertThat(journal.compactIfWorthIt()).isTrue();
            assertThat(journal.liveRecords()).extracting(OutboxRecord::sequence).containsExactly(16L, 17L, 18L, 19L, 20L);
        }
    }

    @Test
    void aLeftoverTemporaryFileFromACrashedCompactionIsIgnored() throws IOException {
        Path directory = temp.resolve("box");
        journalWith(directory, 2, 10);
        Files.write(directory.resolve(Journal.TEMP_NAME), new byte[] {1, 2, 3});

        try (Journal journal = Journal.open(directory, NO_AUTO_COMPACTION)) {
            assertRecords(journal.liveRecords(), 2, 10);
        }
        assertThat(directory.resolve(Journal.TEMP_NAME)).doesNotExist();
    }

    @Test
    void refusesFilesThatAreNotJournalsOrFromANewerVersion() throws IOException {
        Path foreign = temp.resolve("foreign");
        Files.createDirectories(foreign);
        Files.write(foreign.resolve(Journal.FILE_NAME), "not a journal at all, really".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Journal.open(foreign, NO_AUTO_COMPACTION))
                .isInstanceOf(OutboxStorageException.class).hasMessageEndingWith("is not an outbox journal (no HCPOUTBX header)");

        Path newer = temp.resolve("newer");
        Files.createDirectories(newer);
        ByteBuffer header = ByteBuffer.allocate(Frames.HEADER_SIZE);
        header.put(Frames.MAGIC).putInt(2).putLong(1);
        header.putInt((int) Frames.crc(header.array(), 0, 20));
        Files.write(newer.resolve(Journal.FILE_NAME), header.array());
        assertThatThrownBy(() -> Journal.open(newer, NO_AUTO_COMPACTION))
                .isInstanceOf(OutboxStorageException.class)
                .hasMessageContaining("journal version 2 is not readable by this SDK");

        // The directory lock is released after a refused open.
        Files.delete(newer.resolve(Journal.FILE_NAME));
        Journal.open(newer, NO_AUTO_COMPACTION).close();
    }

    @Test
    void aSealedEntryOfAnUnknownTypeIsNotSilentlyCut() throws IOException {
        Path directory = temp.resolve("box");
        journalWith(directory, 1, 10);
        ByteBuffer frame = ByteBuffer.allocate(8 + 9);
        frame.putInt(9).putInt(0).put((byte) 7).putLong(1);
        frame.putInt(4, (int) Frames.crc(frame.array(), 8, 9));
        Files.write(directory.resolve(Journal.FILE_NAME), frame.array(), StandardOpenOption.APPEND);

        assertThatThrownBy(() -> Journal.open(directory, NO_AUTO_COMPACTION))
                .isInstanceOf(OutboxStorageException.class)
                .hasMessageContaining("has unknown type 7; was the journal written by a newer SDK?");
    }
}
