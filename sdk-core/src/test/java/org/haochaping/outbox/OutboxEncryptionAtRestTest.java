package org.haochaping.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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
 * Issue 13, defect 7: personal data left on the terminal in clear text. With a key, payloads are sealed with
 * SM4-GCM in the journal; delivered records are erased from the journal as soon as the queue drains, key or not.
 */
class OutboxEncryptionAtRestTest {

    private static final String ID_NUMBER = "120101198506121236";
    private static final String NAME = "张三";
    private static final OutboxSink OFFLINE = record -> {
        throw new IOException("offline");
    };

    @TempDir
    Path directory;

    private static byte[] evaluation(int n) {
        return ("{\"n\":" + n + ",\"evaluator\":{\"name\":\"" + NAME + "\",\"certificateNumber\":\"" + ID_NUMBER
                + "\"}}").getBytes(StandardCharsets.UTF_8);
    }

    private Outbox.Builder offline(byte[] key) {
        Outbox.Builder b = Outbox.builder(directory, OFFLINE).retryBackoff(Duration.ofHours(1), Duration.ofHours(1));
        return key == null ? b : b.encryptAtRest(key);
    }

    private byte[] journal() throws IOException {
        return Files.readAllBytes(directory.resolve(Journal.FILE_NAME));
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1)
                .contains(new String(needle.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }

    @Test
    void personalFieldsAreNotInTheJournalInClearAndComeBackWithTheKey() throws Exception {
        byte[] key = Sm4FieldCipher.generateKey();
        try (Outbox outbox = offline(key).open()) {
            for (int n = 1; n <= 5; n++) {
                outbox.submit("evaluation", evaluation(n));
            }
        }
        byte[] onDisk = journal();
        assertThat(contains(onDisk, ID_NUMBER)).as("ID number in clear in the journal").isFalse();
        assertThat(contains(onDisk, NAME)).as("name in clear in the journal").isFalse();
        assertThat(contains(onDisk, "evaluation")).as("the kind stays readable (metadata)").isTrue();

        List<String> delivered = new ArrayList<>();
        try (Outbox reopened = Outbox.builder(directory, record -> delivered.add(
                new String(record.payload(), StandardCharsets.UTF_8))).encryptAtRest(key).open()) {
            assertThat(reopened.awaitDrained(Duration.ofSeconds(20))).isTrue();
        }
        assertThat(delivered).hasSize(5).first().isEqualTo(new String(evaluation(1), StandardCharsets.UTF_8));
    }

    @Test
    void aSealedJournalOpensOnlyWithItsKey() {
        byte[] key = Sm4FieldCipher.generateKey();
        try (Outbox outbox = offline(key).open()) {
            outbox.submit("evaluation", evaluation(1));
        }
        assertThatThrownBy(() -> offline(null).open()).isInstanceOf(OutboxStorageException.class)
                .hasMessageContaining("encrypted at rest").hasMessageContaining("encryptAtRest");
        assertThatThrownBy(() -> offline(Sm4FieldCipher.generateKey()).open())
                .isInstanceOf(OutboxStorageException.class).hasMessageContaining("does not decrypt");
        try (Outbox again = offline(key).open()) {
            assertThat(again.pendingCount()).isEqualTo(1);
        }
    }

    @Test
    void recordsWrittenInClearBeforeTheKeyAreReadAndSealedAtTheNextCompaction() throws IOException {
        try (Outbox outbox = offline(null).open()) {
            outbox.submit("evaluation", evaluation(1));
            outbox.submit("evaluation", evaluation(2));
        }
        assertThat(contains(journal(), ID_NUMBER)).isTrue();
        byte[] key = Sm4FieldCipher.generateKey();
        try (Outbox outbox = offline(key).open()) {
            assertThat(outbox.pendingCount()).isEqualTo(2);
            outbox.compact();
        }
        assertThat(contains(journal(), ID_NUMBER)).isFalse();
        try (Outbox outbox = offline(key).open()) {
            assertThat(outbox.pendingCount()).isEqualTo(2);
        }
    }

    @Test
    void deliveredRecordsAreErasedFromTheJournalWhenTheQueueDrains() throws Exception {
        List<Integer> delivered = new ArrayList<>();
        Outbox outbox = Outbox.builder(directory, record -> delivered.add(1)).open();
        for (int n = 1; n <= 300; n++) {
            outbox.submit("evaluation", evaluation(n));
        }
        assertThat(outbox.awaitDrained(Duration.ofSeconds(20))).isTrue();
        outbox.close(); // waits for the sender, which erases after the last delivery
        assertThat(delivered).hasSize(300);
        byte[] onDisk = journal();
        assertThat(contains(onDisk, ID_NUMBER)).as("an ID number still in the journal after delivery").isFalse();
        assertThat(onDisk).hasSize(Frames.HEADER_SIZE);
        assertThat(Files.exists(directory.resolve(Journal.TEMP_NAME))).isFalse();
    }
}
