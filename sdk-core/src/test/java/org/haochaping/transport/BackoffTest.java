package org.haochaping.transport;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one backoff formula: doubling, capped, jittered; Retry-After lengthens a wait up to the cap. */
class BackoffTest {

    private static final Backoff EXACT = Backoff.of(Duration.ofSeconds(1), Duration.ofMinutes(5), 0.0);

    @Test
    void doublesFromTheInitialWaitUpToTheCap() {
        assertThat(EXACT.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(EXACT.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(EXACT.delay(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(EXACT.delay(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(EXACT.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
        assertThat(IntStream.rangeClosed(1, 70).mapToObj(EXACT::delay))
                .allSatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(1), Duration.ofMinutes(5)));
    }

    @Test
    void jitterShortensByAtMostItsFraction() {
        Backoff outbox = Backoff.of(Duration.ofSeconds(1), Duration.ofMinutes(5), 0.2);
        for (int i = 0; i < 200; i++) {
            assertThat(outbox.delay(3)).isBetween(Duration.ofMillis(3200), Duration.ofMillis(4000));
        }
        assertThat(IntStream.range(0, 50).mapToObj(i -> outbox.delay(3)).distinct().count()).isGreaterThan(1);
    }

    @Test
    void aLaterRetryAfterIsObeyedUpToTheCap() {
        assertThat(EXACT.delay(1, Optional.of(Duration.ofSeconds(30)))).isEqualTo(Duration.ofSeconds(30));
        assertThat(EXACT.delay(1, Optional.of(Duration.ofHours(2)))).isEqualTo(Duration.ofMinutes(5));
        // sooner than the computed wait: the backoff stands
        assertThat(EXACT.delay(5, Optional.of(Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(16));
        assertThat(EXACT.delay(5, Optional.empty())).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void retryPolicyComputesWithTheSameFormula() {
        RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ofSeconds(1))
                .maxBackoff(Duration.ofMinutes(5)).jitter(0.0).build();
        for (int n = 1; n <= 12; n++) {
            assertThat(policy.backoff(n)).isEqualTo(EXACT.delay(n));
        }
    }

    @Test
    void refusesWhatCannotBeAWait() {
        assertThatThrownBy(() -> Backoff.of(Duration.ZERO, Duration.ofSeconds(1), 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 < initial <= max");
        assertThatThrownBy(() -> Backoff.of(Duration.ofSeconds(2), Duration.ofSeconds(1), 0.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.of(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
        assertThatThrownBy(() -> EXACT.delay(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("less than 1");
        assertThat(Backoff.of(Duration.ofSeconds(1), Duration.ofMinutes(5), 0.0)).isEqualTo(EXACT)
                .hasSameHashCodeAs(EXACT);
    }
}
