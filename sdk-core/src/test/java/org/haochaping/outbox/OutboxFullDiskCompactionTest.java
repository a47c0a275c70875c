package org.haochaping.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, defect 8: a full disk during compaction disabled {@code submit} until the outbox was reopened, even
 * after space returned, and left {@code outbox.journal.tmp} behind. Run on a real full file system: a 1 MiB tmpfs
 * mounted for the test. Mounting needs root (CI runs {@code .ci/run} as root); without it this test fails and
 * says so, it does not skip.
 */
class OutboxFullDiskCompactionTest {

    @TempDir
    Path temp;

    private Path mount;

    @BeforeEach
    void mountSmallTmpfs() throws Exception {
        mount = Files.createDirectory(temp.resolve("tmpfs"));
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs",
                mount.toString()).redirectErrorStream(true).start();
        String output = read(mounting.getInputStream());
        if (!mounting.waitFor(60, TimeUnit.SECONDS) || mounting.exitValue() != 0) {
            mount = null;
            fail("cannot mount a 1 MiB tmpfs for the full-disk test (" + output.trim() + "). This test needs root "
                    + "and the mount(8) command: CI runs .ci/run as root; locally, run the build as root or in a "
                    + "container with CAP_SYS_ADMIN.");
        }
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            Process unmounting = new ProcessBuilder("umount", mount.toString()).redirectErrorStream(true).start();
            read(unmounting.getInputStream());
            unmounting.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Fills the file system until a write fails; returns the filler file. */
    private Path fillUp() throws IOException {
        Path filler = mount.resolve("filler");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left on device");
        }
        return filler;
    }

    @Test
    void aCompactionThatMeetsAFullDiskLeavesNoTempFileAndSubmitWorksOnceSpaceReturns() throws Exception {
        Path directory = mount.resolve("outbox");
        AtomicBoolean online = new AtomicBoolean(false);
        java.util.List<String> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        Outbox outbox = Outbox.builder(directory, record -> delivered.add(new String(record.payload(),
                        StandardCharsets.UTF_8).substring(0, 9)))
                .networkStatus(online::get)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
                .open();
        try {
            for (int n = 1; n <= 8; n++) {
                outbox.submit("evaluation", ("record-0" + n + "x".repeat(40_000)).getBytes(StandardCharsets.UTF_8));
            }
            Path filler = fillUp();
            long journalBefore = Files.size(directory.resolve(Journal.FILE_NAME));

            assertThatThrownBy(outbox::compact).isInstanceOf(IOException.class)
                    .hasMessageContaining("No space left on device");
            assertThat(Files.exists(directory.resolve(Journal.TEMP_NAME))).as("temp file left").isFalse();
            assertThat(Files.size(directory.resolve(Journal.FILE_NAME))).isEqualTo(journalBefore);

            Files.delete(filler); // space returns
            outbox.submit("evaluation", ("record-09" + "x".repeat(100)).getBytes(StandardCharsets.UTF_8));
            outbox.compact();
            assertThat(outbox.pendingCount()).isEqualTo(9);

            online.set(true);
            outbox.retryNow();
            assertThat(outbox.awaitDrained(Duration.ofSeconds(30))).isTrue();
            assertThat(delivered).containsExactly("record-01", "record-02", "record-03", "record-04", "record-05",
                    "record-06", "record-07", "record-08", "record-09");
        } finally {
            outbox.close();
        }
        try (Outbox reopened = Outbox.builder(directory, record -> { }).open()) {
            assertThat(reopened.pendingCount()).isZero();
        }
    }
}
