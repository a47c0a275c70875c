package org.haochaping.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void doublesFromTheInitialBackoffUpToTheCap() {
        RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ofMillis(500))
                .maxBackoff(Duration.ofSeconds(3)).jitter(0).build();

        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofMillis(2000));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofMillis(3000));
        assertThat(policy.backoff(1000)).isEqualTo(Duration.ofMillis(3000));
    }

    @RepeatedTest(20)
    void jitterOnlyShortensTheDelayByAtMostItsFraction() {
        RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ofMillis(1000))
                .maxBackoff(Duration.ofSeconds(8)).jitter(0.25).build();

        assertThat(policy.backoff(2)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2000));
    }

    @Test
    void jitterSpreadsDelays() {
        RetryPolicy policy = RetryPolicy.builder().jitter(1.0).build();
        long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> policy.backoff(3)).distinct().count();
        assertThat(distinct).isGreaterThan(10);
    }

    @Test
    void defaultsAreDocumented() {
        RetryPolicy policy = RetryPolicy.defaults();
        assertThat(policy.maxRetries()).isEqualTo(2);
        assertThat(policy.maxRetryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoff(1)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(RetryPolicy.none().maxRetries()).isZero();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(-1)).hasMessage("maxRetries: -1 is negative");
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5)).hasMessage("jitter: 1.5 is outside [0, 1]");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ZERO))
                .hasMessageStartingWith("initialBackoff: must be a positive duration");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(10))
                .maxBackoff(Duration.ofSeconds(1)).build())
                .hasMessage("maxBackoff: PT1S is below initialBackoff PT10S");
        assertThatThrownBy(() -> RetryPolicy.defaults().backoff(0)).hasMessage("retry: 0 is less than 1");
    }
}
