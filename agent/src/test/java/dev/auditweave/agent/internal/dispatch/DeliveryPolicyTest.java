package dev.auditweave.agent.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The delivery value types refuse what would break the worker, naming the component and the value. */
class DeliveryPolicyTest {

    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(10), Duration.ofMillis(100));

    // ---- DeliveryPolicy

    @Test
    void maxBatchEvents_zero() {
        assertThatThrownBy(() -> new DeliveryPolicy(100, 0, Duration.ZERO, 1, BACKOFF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBatchEvents must be at least 1, was 0");
    }

    @Test
    void queueCapacity_negative() {
        assertThatThrownBy(() -> new DeliveryPolicy(-3, 10, Duration.ZERO, 1, BACKOFF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("queueCapacity must be at least 1, was -3");
    }

    @Test
    void maxAttempts_zero() {
        assertThatThrownBy(() -> new DeliveryPolicy(100, 10, Duration.ZERO, 0, BACKOFF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAttempts must be at least 1, was 0");
    }

    @Test
    void maxBatchDelay_negative() {
        assertThatThrownBy(() -> new DeliveryPolicy(100, 10, Duration.ofMillis(-1), 1, BACKOFF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBatchDelay must not be negative, was PT-0.001S");
    }

    @Test
    void maxBatchDelay_null() {
        assertThatThrownBy(() -> new DeliveryPolicy(100, 10, null, 1, BACKOFF))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("maxBatchDelay must not be null");
    }

    @Test
    void backoff_null() {
        assertThatThrownBy(() -> new DeliveryPolicy(100, 10, Duration.ZERO, 1, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("backoff must not be null");
    }

    @Test
    void smallestValidPolicy_isBuilt() {
        DeliveryPolicy policy = new DeliveryPolicy(1, 1, Duration.ZERO, 1, BACKOFF);

        assertThat(policy.maxBatchEvents()).isEqualTo(1);
    }

    // ---- Backoff

    @Test
    void backoffMax_belowInitial() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max must be at least initial (PT2S), was PT1S");
    }

    @Test
    void backoffInitial_negative() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMillis(-5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("initial must not be negative, was PT-0.005S");
    }

    @Test
    void backoffDelay_retryZero() {
        assertThatThrownBy(() -> BACKOFF.delay(0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retry must be at least 1, was 0");
    }
}
