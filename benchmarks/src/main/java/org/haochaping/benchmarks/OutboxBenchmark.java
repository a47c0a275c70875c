package org.haochaping.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.haochaping.outbox.Outbox;
import org.haochaping.outbox.OutboxRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Durable outbox submits per second (each forced to disk before it returns, with the sender draining and
 * acknowledging in the background) against the baseline a user would otherwise write: append the same
 * payload bytes to a file and {@code force} it. The directory is below {@code java.io.tmpdir}, which must
 * be a real disk (not tmpfs) for the numbers to mean anything.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OutboxBenchmark {

    private Path directory;
    private Outbox outbox;
    private FileChannel rawFile;
    private long rawPosition;
    private byte[] payload;

    @Setup
    public void setUp() throws IOException {
        directory = Files.createTempDirectory("hcp-outbox-bench");
        payload = new byte[512];
        Arrays.fill(payload, (byte) 'e');
        outbox = Outbox.builder(directory.resolve("outbox"), (OutboxRecord record) -> { })
                .maxRecords(1_000_000)
                .maxBytes(1L << 30)
                .open();
        rawFile = FileChannel.open(directory.resolve("raw.log"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
    }

    @TearDown
    public void tearDown() throws IOException {
        outbox.close();
        rawFile.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public long outboxSubmit() {
        return outbox.submit("evaluation", payload).sequence();
    }

    @Benchmark
    public long rawAppendAndForce() throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(payload);
        while (bytes.hasRemaining()) {
            rawPosition += rawFile.write(bytes, rawPosition);
        }
        rawFile.force(false);
        return rawPosition;
    }
}
