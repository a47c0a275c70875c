package org.haochaping.conformance.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.haochaping.model.Evaluation;
import org.junit.jupiter.api.Test;

/** Many threads at once: every evaluation counted exactly once, numbers without gaps. */
class ConcurrencyTest {

    static final int BODIES = 40;
    static final int PER_BODY = 5;
    static final int THREADS = 8;

    @Test
    void concurrentSubmissionsRetriesAndDuplicatesCountExactly() throws Exception {
        MutableClock clock = new MutableClock();
        try (SimulatedPlatform platform = SimulatedPlatform.builder().clock(clock).start()) {
            SigningClient client = new SigningClient(platform, platform.newApp("busy-hall"), clock);
            List<Runnable> sends = new ArrayList<>();
            List<Reply> replies = Collections.synchronizedList(new ArrayList<>());
            for (int b = 0; b < BODIES; b++) {
                List<Evaluation> records = new ArrayList<>();
                for (int i = 0; i < PER_BODY - 1; i++) {
                    records.add(Payloads.good(String.format("TJ-CC-%03d-%d", b, i)));
                }
                records.add(Payloads.badAtCityLevel(String.format("TJ-CC-%03d-BAD", b)));
                String body = Payloads.records(records);
                String key = "body-" + b;
                // the same write twice under its key (a retry racing the first attempt), and once more under another key
                sends.add(() -> replies.add(post(client, body, key)));
                sends.add(() -> replies.add(post(client, body, key)));
                sends.add(() -> replies.add(post(client, body, key + "-again")));
            }
            Collections.shuffle(sends, new Random(6));

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (Runnable send : sends) {
                done.add(pool.submit(send));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            Observations seen = platform.observations();
            assertThat(replies).hasSize(3 * BODIES).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
            assertThat(seen.countedEvaluations()).isEqualTo(BODIES * PER_BODY);
            assertThat(seen.duplicateRecords()).isEqualTo(BODIES * PER_BODY);
            assertThat(seen.workOrders()).hasSize(BODIES);
            assertThat(seen.requests()).hasSize(3 * BODIES);
            assertThat(seen.requests()).filteredOn(ObservedRequest::isIdempotentReplay).hasSize(BODIES);
            List<String> numbers = seen.acceptedEvaluations().stream().map(AcceptedEvaluation::evaluationNo).toList();
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= BODIES * PER_BODY; i++) {
                expected.add(String.format("E%08d", i));
            }
            assertThat(numbers).containsExactlyElementsOf(expected);
            assertThat(seen.workOrders()).extracting(o -> o.orderNo()).doesNotHaveDuplicates()
                    .contains("WO00000001", String.format("WO%08d", BODIES));
        }
    }

    private static Reply post(SigningClient client, String body, String key) {
        try {
            return client.post("/v1/evaluations", body, key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
