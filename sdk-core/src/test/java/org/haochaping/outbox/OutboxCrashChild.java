package org.haochaping.outbox;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.haochaping.transport.HttpMethod;
import org.haochaping.transport.OkHttpTransport;
import org.haochaping.transport.RequestOptions;
import org.haochaping.transport.RetryPolicy;
import org.haochaping.transport.TransportRequest;

/**
 * The terminal in {@link OutboxCrashTest}: submits numbered records through an outbox whose sink posts
 * them with the SDK transport, printing each number before and after its submit returns, until killed.
 *
 * <p>Arguments: outbox directory, server base URL, first number, last number, and {@code stay} (wait to be
 * killed after draining) or {@code exit}.
 */
public final class OutboxCrashChild {

    static final byte[] AT_REST_KEY = "crash-test-key16".getBytes(StandardCharsets.US_ASCII);

    private OutboxCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Paths.get(args[0]);
        String baseUrl = args[1];
        int first = Integer.parseInt(args[2]);
        int last = Integer.parseInt(args[3]);
        boolean stay = args[4].equals("stay");
        OkHttpTransport transport = OkHttpTransport.builder(baseUrl)
                .retryPolicy(RetryPolicy.builder().maxRetries(1).initialBackoff(Duration.ofMillis(5))
                        .maxBackoff(Duration.ofMillis(20)).build())
                .build();
        OutboxSink sink = record -> transport.execute(
                TransportRequest.builder(HttpMethod.POST, "/records")
                        .header("X-Outbox-Sequence", Long.toString(record.sequence()))
                        .header("X-Child", ManagementFactory.getRuntimeMXBean().getName())
                        .body(record.payload(), "text/plain; charset=utf-8").build(),
                RequestOptions.builder().idempotencyKey(record.idempotencyKey()).build());
        // Encryption at rest on (issue 13, defect 7): the crash guarantees must hold with sealed records.
        Outbox outbox = Outbox.builder(directory, sink)
                .retryBackoff(Duration.ofMillis(5), Duration.ofMillis(50))
                .encryptAtRest(AT_REST_KEY)
                .open();
        System.out.println("OPEN " + outbox.pendingCount());
        System.out.flush();
        for (int n = first; n <= last; n++) {
            System.out.println("SUBMITTING " + n);
            System.out.flush();
            OutboxRecord record = outbox.submit("crash-test", ("record-" + n).getBytes(StandardCharsets.UTF_8));
            System.out.println("STORED " + n + " " + record.sequence() + " " + record.idempotencyKey());
            System.out.flush();
        }
        boolean drained = outbox.awaitDrained(Duration.ofSeconds(40));
        System.out.println("DRAINED " + drained);
        System.out.flush();
        if (stay) {
            Thread.sleep(Long.MAX_VALUE); // until the test kills this process
        }
        outbox.close();
        transport.close();
    }
}
