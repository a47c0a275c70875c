package org.haochaping.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.haochaping.crypto.cipher.Sm4FieldCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, defect 15: one flipped bit in the journal deleted every later record and blamed a crash. The damaged
 * bytes now go to {@code outbox.quarantine}, the records after them that still frame and check are kept, and the
 * outbox says what happened.
 */
class OutboxJournalQuarantineTest {

    private static final OutboxSink OFFLINE = record -> {
        throw new IOException("offline");
    };

    @TempDir
    Path directory;

    private Outbox.Builder offline() {
        return Outbox.builder(directory, OFFLINE).retryBackoff(Duration.ofHours(1), Duration.ofHours(1));
    }

    /** Writes records 1 to 6 and returns the offset of each record's frame. */
    private List<Integer> sixRecords(byte[] key) throws IOException {
        Outbox.Builder builder = key == null ? offline() : offline().encryptAtRest(key);
        try (Outbox outbox = builder.open()) {
            for (int n = 1; n <= 6; n++) {
                outbox.submit("evaluation", ("record-" + n + "-" + "x".repeat(40)).getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] file = Files.readAllBytes(directory.resolve(Journal.FILE_NAME));
        List<Integer> offsets = new ArrayList<>();
        for (int at = Frames.HEADER_SIZE; at < file.length; at += Frames.FRAME_OVERHEAD + Frames.bodyLength(file, at)) {
            offsets.add(at);
        }
        assertThat(offsets).hasSize(6);
        return offsets;
    }

    private void flipBit(int offset, int bit) throws IOException {
        Path journal = directory.resolve(Journal.FILE_NAME);
        byte[] file = Files.readAllBytes(journal);
        file[offset] ^= (byte) (1 << bit);
        Files.write(journal, file);
    }

    private List<String> pending(Outbox outbox) throws InterruptedException {
        List<String> payloads = new ArrayList<>();
        for (OutboxRecord record : outbox.pendingRecords()) {
            payloads.add(new String(record.payload(), StandardCharsets.UTF_8).substring(0, 8));
        }
        return payloads;
    }

    @Test
    void aFlippedBitInAPayloadQuarantinesThatRecordAndKeepsTheOnesAfterIt() throws Exception {
        List<Integer> frames = sixRecords(null);
        int third = frames.get(2);
        int thirdLength = frames.get(3) - third;
        flipBit(third + Frames.FRAME_OVERHEAD + 30, 3);

        try (Outbox outbox = offline().open()) {
            assertThat(pending(outbox)).containsExactly("record-1", "record-2", "record-4", "record-5", "record-6");
            assertThat(outbox.health().quarantinedBytes()).isEqualTo(thirdLength);
            assertThat(outbox.health().toString()).contains("quarantinedBytes=" + thirdLength);
        }
        Path quarantine = directory.resolve(Journal.QUARANTINE_NAME);
        byte[] set = Files.readAllBytes(quarantine);
        assertThat(set).hasSize(12 + thirdLength);
        assertThat(ByteBuffer.wrap(set).getLong()).isEqualTo(third);
        assertThat(new String(set, StandardCharsets.ISO_8859_1)).contains("record-3");
        // The journal no longer holds the damage: the next open finds nothing to set aside.
        try (Outbox outbox = offline().open()) {
            assertThat(outbox.pendingCount()).isEqualTo(5);
            assertThat(outbox.health().quarantinedBytes()).isZero();
        }
        assertThat(Files.size(quarantine)).isEqualTo(12 + thirdLength);
    }

    @Test
    void aFlippedBitInALengthFieldLosesTheFramingAndRecoveryFindsItAgain() throws Exception {
        List<Integer> frames = sixRecords(null);
        flipBit(frames.get(1) + 1, 4); // record 2's length now runs far past its end
        try (Outbox outbox = offline().open()) {
            assertThat(pending(outbox)).containsExactly("record-1", "record-3", "record-4", "record-5", "record-6");
            assertThat(outbox.health().quarantinedBytes()).isEqualTo(frames.get(2) - frames.get(1));
        }
    }

    @Test
    void aFlippedBitInASealedRecordIsDamageNotAWrongKey() throws Exception {
        byte[] key = Sm4FieldCipher.generateKey();
        List<Integer> frames = sixRecords(key);
        flipBit(frames.get(3) + Frames.FRAME_OVERHEAD + 60, 0);
        try (Outbox outbox = offline().encryptAtRest(key).open()) {
            assertThat(pending(outbox)).containsExactly("record-1", "record-2", "record-3", "record-5", "record-6");
            assertThat(outbox.health().quarantinedBytes()).isEqualTo(frames.get(4) - frames.get(3));
        }
    }

    @Test
    void damageInTheLastRecordIsStillATornTailAndIsCut() throws Exception {
        List<Integer> frames = sixRecords(null);
        flipBit(frames.get(5) + Frames.FRAME_OVERHEAD + 20, 1);
        try (Outbox outbox = offline().open()) {
            assertThat(pending(outbox)).containsExactly("record-1", "record-2", "record-3", "record-4", "record-5");
            assertThat(outbox.health().quarantinedBytes()).isZero();
        }
        assertThat(Files.exists(directory.resolve(Journal.QUARANTINE_NAME))).isFalse();
    }
}
