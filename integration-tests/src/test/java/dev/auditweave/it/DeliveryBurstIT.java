package dev.auditweave.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditweave.testing.LoopbackReceiver;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A burst with the default configuration (issue 11): 8 threads make 100,000 annotated calls as fast as they can
 * (well within a second), under the agent, to a healthy receiver that answers each request after 20 ms; the
 * application runs on. Every event must arrive while it runs, none dropped. Prints delivered/produced and the heap the
 * child took (from GC notifications in the child: the largest heap still in use after a collection, and the heap
 * pools' peaks), also to {@code target/burst-report.md}.
 */
class DeliveryBurstIT {

    private static final int THREADS = 8;
    private static final int CALLS = 100_000;
    private static final Duration LONG = Duration.ofSeconds(180);

    @Test
    void aBurstOf100000EventsWithTheDefaultsLosesNothing() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
            receiver.delay(Duration.ofMillis(20));
            List<String> properties = List.of("auditweave.sink=http", "auditweave.http.url=" + receiver.url(),
                    "fault.tag=burst");
            try (LiveChild app = LiveChild.start("burst-defaults", properties,
                    List.of("threads", String.valueOf(THREADS), String.valueOf(CALLS), "serve"))) {
                String returned = app.expectLine("CALLS-RETURNED", LONG);
                long burstMs = Long.parseLong(returned.split(" ")[3]);
                long returnedAt = System.nanoTime();
                app.expectLine("METRICS-AFTER-CALLS", LONG);
                Map<String, Long> afterCalls = app.figures("METRICS-AFTER-CALLS");
                boolean all = awaitDelivered(receiver, CALLS, LONG);
                long drainMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - returnedAt);
                int delivered = deliveredKeys(receiver).size();
                Integer exit = app.finish(LONG);
                Map<String, Long> metrics = app.figures("METRICS");
                Map<String, Long> heap = app.figures("HEAP");
                Map<String, Long> latency = app.figures("LATENCY");
                String report = "\n### burst of " + CALLS + " events from " + THREADS + " threads, default configuration,"
                        + " receiver answering after 20 ms\n\n"
                        + "- delivered/produced: " + delivered + "/" + CALLS + "\n"
                        + "- calls took (ms): " + burstMs + "\n"
                        + "- dropped while calling: " + afterCalls.get("dropped") + "\n"
                        + "- last event delivered after the last call returned (ms): " + drainMs + "\n"
                        + "- requests: " + receiver.requests().size() + "\n"
                        + "- peak heap in use after a GC (MiB): " + mib(heap.get("peak_after_gc")) + " (baseline "
                        + mib(heap.get("baseline_after_gc")) + ", " + heap.get("collections") + " collections)\n"
                        + "- heap pools' peaks, summed (MiB): " + mib(heap.get("peak_pools")) + " of max "
                        + mib(heap.get("max")) + "\n"
                        + "- caller p50 / p99 / p99.9 / max (us): " + latency.get("p50_us") + " / "
                        + latency.get("p99_us") + " / " + latency.get("p999_us") + " / " + latency.get("max_us") + "\n";
                System.out.println("BURST-REPORT" + report);
                Files.writeString(ChildJvm.ItPaths.runDirectory().resolve("..").resolve("burst-report.md"), report,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);

                assertThat(exit).as(app.describe()).isEqualTo(0);
                assertThat(all).as("all %d events delivered while the application ran on\n%s", CALLS, app.describe())
                        .isTrue();
                assertThat(delivered).isEqualTo(CALLS);
                assertThat(metrics.get("dropped")).as(app.describe()).isZero();
                assertThat(metrics.get("lost")).isZero();
                assertThat(metrics.get("delivered")).isEqualTo(CALLS);
            }
        }
    }

    private static boolean awaitDelivered(LoopbackReceiver receiver, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (deliveredKeys(receiver).size() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        return true;
    }

    private static Set<String> deliveredKeys(LoopbackReceiver receiver) {
        Set<String> keys = new HashSet<>();
        for (JsonNode event : receiver.events()) {
            keys.add(event.path("data").path("key").asText());
        }
        return keys;
    }

    private static String mib(Long bytes) {
        return String.format("%.1f", bytes / (1024.0 * 1024.0));
    }
}
