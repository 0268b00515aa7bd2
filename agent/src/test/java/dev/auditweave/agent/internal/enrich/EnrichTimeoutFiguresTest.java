package dev.auditweave.agent.internal.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.EventEnricher;
import dev.auditweave.agent.internal.capture.Capture;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.plan.EmitPlan;
import dev.auditweave.agent.internal.plan.PlanCache;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.internal.sink.NamedSink;
import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.agent.spi.SinkEvent;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The figures of docs/delivery.md (enrichment): with {@code auditweave.enrich.timeout-ms=200} and an enricher that
 * hangs, how long after capture its events reach the sink, and how long events of a quick enricher captured
 * right after each of them take. Printed, not asserted, beyond a generous sanity bound: wall-clock figures depend on
 * the machine.
 */
class EnrichTimeoutFiguresTest {

    private static final int PAIRS = 20;
    private static final long BUDGET_MS = 200;
    /** Far above any figure seen; only catches an event held until something else happened. */
    private static final long SANITY_MS = BUDGET_MS + 10_000;

    private final Map<String, Long> arrived = new ConcurrentHashMap<>();
    private final Map<String, Boolean> enriched = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<EventEnricher> added = new ArrayList<>();

    @AfterEach
    void stop() {
        release.countDown();
        added.forEach(Enrichers::remove);
        AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.sink", "none")), List.of());
    }

    @Test
    void aHangingEnricher_interruptible_burst() throws InterruptedException {
        measure("interruptible hang, burst", hanging(true), 0);
    }

    @Test
    void aHangingEnricher_interruptible_oneEvery100ms() throws InterruptedException {
        measure("interruptible hang, one per 100 ms", hanging(true), 100);
    }

    @Test
    void aHangingEnricher_deafToInterrupts_oneEvery100ms() throws InterruptedException {
        measure("uninterruptible hang, one per 100 ms", hanging(false), 100);
    }

    private void measure(String scenario, EventEnricher hanging, long spacingMs) throws InterruptedException {
        EventEnricher quick = enricher("figures-quick", () -> Map.of("quick", true));
        Enrichers.add(hanging);
        Enrichers.add(quick);
        added.add(hanging);
        added.add(quick);
        AuditweaveRuntime runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of(
                "auditweave.batch.max-delay-ms", "0", "auditweave.enrich.timeout-ms", String.valueOf(BUDGET_MS))),
                List.of(new Recording()));
        EmitPlan slow = PlanCache.forMethod(method("slow"));
        EmitPlan fast = PlanCache.forMethod(method("fast"));

        Map<String, Long> captured = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < PAIRS; i++) {
            LockSupport.parkNanos(start + TimeUnit.MILLISECONDS.toNanos(i * spacingMs) - System.nanoTime());
            captured.put("slow-" + i, System.nanoTime());
            Capture.afterReturn(slow, new Object[] {"slow-" + i}, null);
            captured.put("fast-" + i, System.nanoTime());
            Capture.afterReturn(fast, new Object[] {"fast-" + i}, null);
        }
        assertThat(runtime.flush(Duration.ofMillis(SANITY_MS))).isTrue();

        List<Long> slowMs = latencies(captured, "slow-");
        List<Long> fastMs = latencies(captured, "fast-");
        long fastEnriched = enriched.entrySet().stream().filter(e -> e.getKey().startsWith("fast-") && e.getValue())
                .count();
        System.out.printf("enrich figures (%s, timeout-ms=%d, %d threads): hanging enricher's events %s;"
                        + " quick enricher's events %s, %d of %d enriched; enrichTimedOut %d%n", scenario, BUDGET_MS,
                2, summary(slowMs), summary(fastMs), fastEnriched, PAIRS, runtime.metrics().enrichTimedOut());

        assertThat(arrived).hasSize(2 * PAIRS);
        assertThat(enriched).as("no hanging enricher's field ever arrives")
                .allSatisfy((seq, withFields) -> assertThat(withFields && seq.startsWith("slow-")).isFalse());
        assertThat(slowMs).allSatisfy(ms -> assertThat(ms).isLessThan(SANITY_MS));
        assertThat(fastMs).allSatisfy(ms -> assertThat(ms).isLessThan(SANITY_MS));
    }

    private List<Long> latencies(Map<String, Long> captured, String prefix) {
        List<Long> ms = new ArrayList<>();
        captured.forEach((seq, at) -> {
            if (seq.startsWith(prefix)) {
                ms.add(TimeUnit.NANOSECONDS.toMillis(arrived.get(seq) - at));
            }
        });
        ms.sort(null);
        return ms;
    }

    private static String summary(List<Long> sortedMs) {
        return "min " + sortedMs.get(0) + " / median " + sortedMs.get(sortedMs.size() / 2) + " / max "
                + sortedMs.get(sortedMs.size() - 1) + " ms";
    }

    private EventEnricher hanging(boolean interruptible) {
        return enricher("figures-hanging", () -> {
            while (true) {
                try {
                    release.await();
                    return Map.of("hanging", true);
                } catch (InterruptedException e) {
                    if (interruptible) {
                        throw e;
                    }
                }
            }
        });
    }

    private interface Body {
        Map<String, ?> run() throws Exception;
    }

    private static EventEnricher enricher(String name, Body body) {
        return new EventEnricher() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Map<String, ?> enrich(String type, Map<String, Object> data) throws Exception {
                return body.run();
            }
        };
    }

    /** Notes when each event reached it, and whether it came with enriched fields. */
    private final class Recording implements NamedSink {
        @Override
        public String name() {
            return "recording";
        }

        @Override
        public SendResult send(List<? extends SinkEvent> batch) {
            long now = System.nanoTime();
            for (SinkEvent event : batch) {
                String seq = (String) event.data().get("seq");
                arrived.put(seq, now);
                enriched.put(seq, event.data().size() > 1);
            }
            return SendResult.delivered();
        }
    }

    private static Method method(String name) {
        for (Method method : Service.class.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException(name);
    }

    static class Service {
        @EmitsAbuseEvent(type = "figures.slow", enrich = "figures-hanging", phase = dev.auditweave.annotations.Phase.IMMEDIATE,
                data = @Field(name = "seq", value = "args[0]"))
        void slow(String seq) {
        }

        @EmitsAbuseEvent(type = "figures.fast", enrich = "figures-quick", phase = dev.auditweave.annotations.Phase.IMMEDIATE,
                data = @Field(name = "seq", value = "args[0]"))
        void fast(String seq) {
        }
    }
}
