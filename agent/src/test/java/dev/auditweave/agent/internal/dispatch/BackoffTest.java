package dev.auditweave.agent.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));

    @RepeatedTest(20)
    void growsExponentiallyWithJitterBetweenHalfAndAll() {
        assertThat(backoff.delay(1, null)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(backoff.delay(2, null)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(backoff.delay(3, null)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @RepeatedTest(20)
    void isCappedAtTheMaximum() {
        assertThat(backoff.delay(10, null)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(backoff.delay(200, null)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void theServersRetryAfterWins() {
        assertThat(backoff.delay(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    }
}
