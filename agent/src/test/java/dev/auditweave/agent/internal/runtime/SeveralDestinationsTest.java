package dev.auditweave.agent.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.internal.capture.Capture;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.metrics.MetricsMBeans;
import dev.auditweave.agent.internal.plan.PlanCache;
import dev.auditweave.agent.internal.sink.MemorySink;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.agent.metrics.DropReason;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import dev.auditweave.testing.LoopbackReceiver;
import dev.auditweave.testing.LoopbackReceiver.Reply;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.management.MBeanServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Named sinks end to end in process: the runtime built from settings alone, real HTTP endpoints on loopback. The
 * first two tests are the in-process twins of the fault suite's "slow endpoint / 429: the other sink unaffected",
 * the third of "poison event inside a batch of 500: 499 delivered, 1 dead-lettered".
 */
class SeveralDestinationsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private LoopbackReceiver abuse;
    private LoopbackReceiver audit;

    @BeforeEach
    void start() throws IOException {
        abuse = LoopbackReceiver.start();
        audit = LoopbackReceiver.start();
        MemorySink.named("abuse").clear();
        MemorySink.named("audit").clear();
    }

    @AfterEach
    void stop() {
        abuse.close();
        audit.close();
        // Drains and stops the named sinks' workers, unregisters their MBeans.
        AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.sink", "none")), List.of());
    }

    @Test
    void aHeldDownEndpointNeverDelaysTheOtherSink() throws InterruptedException {
        abuse.hold();
        AuditweaveRuntime runtime = AuditweaveRuntime.replace(twoHttpSinks(Map.of()));

        for (int i = 0; i < 20; i++) {
            runtime.accept(event("e" + i, "user.blocked"));
        }

        assertThat(audit.awaitEvents(20, WAIT)).as("audit got every event while abuse hangs").isTrue();
        assertThat(abuse.awaitRequests(1, WAIT)).isTrue();
        assertThat(abuse.events()).as("abuse has answered nothing yet").isEmpty();
        await(() -> runtime.metrics("audit").delivered() == 20);
        assertThat(runtime.metrics("abuse").delivered()).isZero();
    }

    @Test
    void anEndpointAnswering429NeverDelaysTheOtherSink() throws InterruptedException {
        abuse.answer(request -> Reply.status(429).header("Retry-After", "3600"));
        AuditweaveRuntime runtime = AuditweaveRuntime.replace(twoHttpSinks(Map.of()));

        for (int i = 0; i < 20; i++) {
            runtime.accept(event("e" + i, "user.blocked"));
        }

        assertThat(audit.awaitEvents(20, WAIT)).isTrue();
        assertThat(abuse.awaitRequests(1, WAIT)).isTrue();
        await(() -> runtime.metrics("abuse").retried() >= 1);
        assertThat(runtime.metrics("abuse").delivered()).isZero();
        await(() -> runtime.metrics("audit").delivered() == 20);
    }

    @Test
    void aPoisonEventInABatchOf500IsDeadLetteredAndTheOther499Delivered(@TempDir Path spoolDir) throws IOException {
        abuse.answer(request -> request.body().contains("\"poison\"") ? Reply.status(400).body("invalid data")
                : Reply.status(200));
        AuditweaveRuntime runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of(
                "auditweave.sinks", "abuse",
                "auditweave.sink.abuse.type", "http",
                "auditweave.sink.abuse.url", abuse.url().toString(),
                "auditweave.sink.abuse.batch.max-events", "500",
                "auditweave.sink.abuse.batch.max-delay-ms", "600000",
                "auditweave.spool.dir", spoolDir.toString(),
                "auditweave.shutdown.timeout-ms", "1000")));

        for (int i = 0; i < 500; i++) {
            Event event = i == 317 ? new Event("e317", "user.blocked", 1L, Map.of("kilo_user_id", "poison"))
                    : event("e" + i, "user.blocked");
            runtime.accept(event);
        }
        assertThat(runtime.flush(WAIT)).isTrue();

        List<String> delivered = abuse.events().stream().map(e -> e.path("id").asText()).toList();
        assertThat(delivered).hasSize(499).doesNotHaveDuplicates().doesNotContain("e317");
        assertThat(abuse.requests().get(0).json().path("events").size()).as("one batch of 500 first").isEqualTo(500);
        AuditweaveMetrics metrics = runtime.metrics();
        assertThat(metrics.delivered()).isEqualTo(499);
        assertThat(metrics.deadLettered()).isEqualTo(1);
        assertThat(metrics.failed()).isZero();
        assertThat(runtime.metrics("abuse").deadLettered()).isEqualTo(1);
        assertThat(Files.readAllLines(spoolDir.resolve("abuse").resolve("dead-letter.jsonl"))).singleElement()
                .asString().contains("\"e317\"").contains("invalid data");
    }

    @Test
    void eachSinkReceivesTheTypesItsPatternsMatch() {
        AuditweaveRuntime runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of(
                "auditweave.sinks", "abuse,audit",
                "auditweave.sink.abuse.type", "memory",
                "auditweave.sink.abuse.types", "user.*, org.member_*",
                "auditweave.sink.audit.type", "memory",
                "auditweave.batch.max-delay-ms", "0")));

        for (String type : List.of("user.blocked", "billing.credit_purchased", "org.member_added", "org.created",
                "user.blocked")) {
            runtime.accept(event(type + "-" + System.nanoTime(), type));
        }
        assertThat(runtime.flush(WAIT)).isTrue();

        assertThat(MemorySink.named("abuse").events()).extracting(Event::type)
                .containsExactly("user.blocked", "org.member_added", "user.blocked");
        assertThat(MemorySink.named("audit").events()).hasSize(5);
        assertThat(runtime.metrics("abuse").enqueued()).isEqualTo(3);
        assertThat(runtime.metrics("audit").enqueued()).isEqualTo(5);
        AuditweaveMetrics all = Auditweave.metrics();
        assertThat(all.captured()).isEqualTo(5);
        assertThat(all.enqueued()).as("per-sink counts add up").isEqualTo(8);
        assertThat(all.delivered()).isEqualTo(8);
        assertThat(Auditweave.metrics("abuse").delivered()).isEqualTo(3);
    }

    @Test
    void perSinkHeadersAndFormats() throws InterruptedException {
        Map<String, String> more = new HashMap<>();
        more.put("auditweave.sink.abuse.header.CF-Access-Client-Id", "id-1");
        more.put("auditweave.sink.audit.format", "cloudevents");
        more.put("auditweave.sink.audit.source", "/auth");
        AuditweaveRuntime runtime = AuditweaveRuntime.replace(twoHttpSinks(more));

        runtime.accept(event("e1", "user.blocked"));
        assertThat(runtime.flush(WAIT)).isTrue();

        assertThat(abuse.requests()).singleElement().satisfies(request -> {
            assertThat(request.headers()).containsEntry("cf-access-client-id", "id-1");
            assertThat(request.json().path("events").get(0).path("id").asText()).isEqualTo("e1");
        });
        assertThat(audit.requests()).singleElement().satisfies(request -> {
            assertThat(request.headers()).doesNotContainKey("cf-access-client-id")
                    .containsEntry("content-type", "application/cloudevents+json");
            JsonNode cloudEvent = request.json();
            assertThat(cloudEvent.path("source").asText()).isEqualTo("/auth");
            assertThat(cloudEvent.path("id").asText()).isEqualTo("e1");
        });
    }

    @Test
    void aFullQueueIsCountedPerSinkAsQueueFull() throws InterruptedException {
        abuse.hold();
        AuditweaveRuntime runtime = AuditweaveRuntime.replace(twoHttpSinks(Map.of(
                "auditweave.sink.abuse.queue.capacity", "4", "auditweave.sink.abuse.batch.max-events", "1")));
        runtime.accept(event("e0", "user.blocked"));
        assertThat(abuse.awaitRequests(1, WAIT)).as("the abuse worker is stuck sending e0").isTrue();

        for (int i = 1; i <= 10; i++) {
            runtime.accept(event("e" + i, "user.blocked"));
        }

        AuditweaveMetrics stuck = runtime.metrics("abuse");
        assertThat(stuck.dropped()).isEqualTo(6);
        assertThat(stuck.droppedByReason()).containsEntry(DropReason.QUEUE_FULL, 6L)
                .containsEntry(DropReason.SHUTDOWN, 0L);
        assertThat(runtime.metrics("audit").dropped()).isZero();
        assertThat(runtime.metrics().dropped()).isEqualTo(6);
    }

    @Test
    void anHttpSinkWithoutUrlIsLeftOutAndUnknownNamesAreRefused() {
        AuditweaveRuntime runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of(
                "auditweave.sinks", "abuse,audit",
                "auditweave.sink.abuse.type", "http",
                "auditweave.sink.audit.type", "memory")));

        assertThat(runtime.metrics("audit").enqueued()).isZero();
        assertThatThrownBy(() -> runtime.metrics("abuse")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no sink named 'abuse'");
    }

    @Test
    void theCountersAreMXBeans() throws Exception {
        AuditweaveRuntime runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of(
                "auditweave.sinks", "abuse,audit",
                "auditweave.sink.abuse.type", "memory",
                "auditweave.sink.audit.type", "memory",
                "auditweave.batch.max-delay-ms", "0")));
        runtime.accept(event("e1", "user.blocked"));
        assertThat(runtime.flush(WAIT)).isTrue();

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        await(() -> server.isRegistered(MetricsMBeans.sinkName("audit"))); // registered off the start-up thread
        assertThat(server.getAttribute(MetricsMBeans.runtimeName(), "Delivered")).isEqualTo(2L);
        assertThat(server.getAttribute(MetricsMBeans.runtimeName(), "Captured")).isEqualTo(1L);
        assertThat(server.getAttribute(MetricsMBeans.sinkName("abuse"), "Delivered")).isEqualTo(1L);
        assertThat(server.getAttribute(MetricsMBeans.sinkName("audit"), "DeadLettered")).isEqualTo(0L);
        assertThat(MetricsMBeans.sinkName("abuse").toString()).isEqualTo("dev.auditweave:type=Sink,name=abuse");

        AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.sink", "none")), List.of());

        assertThat(server.isRegistered(MetricsMBeans.sinkName("abuse"))).as("unregistered with its runtime").isFalse();
    }

    @Test
    void aFalseGuardIsCountedAsGuardedOut() throws NoSuchMethodException {
        AuditweaveRuntime runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of(
                "auditweave.sinks", "audit", "auditweave.sink.audit.type", "memory")));
        var plan = PlanCache.forMethod(Fixtures.class.getDeclaredMethod("blockUser", String.class));

        Capture.afterReturn(plan, new Object[] {"u-1"}, 0);
        Capture.afterReturn(plan, new Object[] {"u-2"}, 0);
        Capture.afterReturn(plan, new Object[] {"u-3"}, 1);

        assertThat(runtime.metrics().guardedOut()).isEqualTo(2);
        assertThat(runtime.metrics().captured()).isEqualTo(1);
    }

    private Settings twoHttpSinks(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "auditweave.sinks", "abuse,audit",
                "auditweave.sink.abuse.type", "http",
                "auditweave.sink.abuse.url", abuse.url().toString(),
                "auditweave.sink.audit.type", "http",
                "auditweave.sink.audit.url", audit.url().toString(),
                "auditweave.batch.max-delay-ms", "0",
                "auditweave.retry.initial-backoff-ms", "10",
                "auditweave.retry.max-backoff-ms", "20",
                "auditweave.shutdown.timeout-ms", "200"));
        settings.putAll(more);
        return Settings.defaults().with(settings);
    }

    private static Event event(String id, String type) {
        return new Event(id, type, 1L, Map.of("kilo_user_id", "u-" + id));
    }

    /** Waits for a counter the worker updates just after the endpoint answered; fails after {@link #WAIT}. */
    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within " + WAIT).isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    @SuppressWarnings("unused")
    static final class Fixtures {
        @EmitsAbuseEvent(type = "user.blocked", when = "RETURNED_ROWS > 0",
                data = @Field(name = "kilo_user_id", value = "args[0]"))
        int blockUser(String userId) {
            return 0;
        }
    }
}
