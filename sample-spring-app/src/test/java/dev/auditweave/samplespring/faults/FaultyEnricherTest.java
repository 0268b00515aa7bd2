package dev.auditweave.samplespring.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.EventEnricher;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FaultyEnricherTest {

    private final AtomicInteger delegated = new AtomicInteger();
    private final EventEnricher delegate = new EventEnricher() {
        @Override
        public String name() {
            return "auth-context";
        }

        @Override
        public Map<String, ?> enrich(String type, Map<String, Object> data) {
            delegated.incrementAndGet();
            return Map.of("org_memberships", "looked up");
        }
    };
    private final FaultyEnricher faulty = new FaultyEnricher(delegate, Set.of("u-7"), Set.of("u-8"),
            Duration.ofMinutes(10));

    @Test
    void name_isTheWrappedEnrichers() {
        assertThat(faulty.name()).isEqualTo("auth-context");
    }

    @Test
    void enrich_otherUser_isTheWrappedEnricher() throws Exception {
        assertThat(faulty.enrich("auth.signup", Map.of("kilo_user_id", "u-5")))
                .isEqualTo(Map.of("org_memberships", "looked up"));
        assertThat(delegated).hasValue(1);
    }

    @Test
    void enrich_noUserId_isTheWrappedEnricher() throws Exception {
        assertThat(faulty.enrich("auth.signup", Map.of())).isEqualTo(Map.of("org_memberships", "looked up"));
    }

    @Test
    void enrich_throwForUser_throwsNamingTheUserAndTheProperty() {
        assertThatThrownBy(() -> faulty.enrich("auth.signup", Map.of("kilo_user_id", "u-7")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("injected fault (sample.faults.enrich.throw-for): the look-up for u-7 failed");
        assertThat(delegated).hasValue(0);
    }

    @Test
    void enrich_hangForUser_waitsUntilInterruptedAndThenThrows() throws InterruptedException {
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                faulty.enrich("auth.signup", Map.of("kilo_user_id", "u-8"));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        caller.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (caller.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(caller.getState()).as("waiting in the hang").isEqualTo(Thread.State.TIMED_WAITING);

        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(caller.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        assertThat(delegated).hasValue(0);
    }

    @Test
    void construct_negativeHang_refusedNamingIt() {
        assertThatThrownBy(() -> new FaultyEnricher(delegate, Set.of(), Set.of(), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a hang cannot be negative: PT-0.001S");
    }
}
