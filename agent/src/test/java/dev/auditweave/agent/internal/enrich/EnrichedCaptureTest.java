package dev.auditweave.agent.internal.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.EventEnricher;
import dev.auditweave.agent.internal.capture.Capture;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.plan.PlanCache;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.internal.sink.MemorySink;
import dev.auditweave.annotations.EmitsAbuseEvent;
import dev.auditweave.annotations.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An annotation's {@code enrich} end to end in process: capture, the enrichment stage, a sink. */
class EnrichedCaptureTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MemorySink sink = new MemorySink();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicReference<ClassLoader> contextLoader = new AtomicReference<>();
    private final EventEnricher memberships = new EventEnricher() {
        @Override
        public String name() {
            return "capture-orgMemberships";
        }

        @Override
        public Map<String, ?> enrich(String type, Map<String, Object> data) {
            contextLoader.set(Thread.currentThread().getContextClassLoader());
            return Map.of("org_memberships", List.of("o-" + data.get("kilo_user_id")));
        }
    };
    private final EventEnricher gated = new EventEnricher() {
        @Override
        public String name() {
            return "capture-gated";
        }

        @Override
        public Map<String, ?> enrich(String type, Map<String, Object> data) throws InterruptedException {
            release.await();
            return Map.of("gated", true);
        }
    };
    private AuditweaveRuntime runtime;

    @BeforeEach
    void start() {
        Enrichers.add(memberships);
        Enrichers.add(gated);
        runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.batch.max-delay-ms", "0",
                "auditweave.shutdown.timeout-ms", "10000", "auditweave.enrich.timeout-ms", "30000")), List.of(sink));
    }

    @AfterEach
    void stop() {
        release.countDown();
        Enrichers.remove(memberships);
        Enrichers.remove(gated);
        AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.sink", "none")), List.of());
    }

    @Test
    void anAnnotationsEnrichersAddTheirFields_withTheAnnotatedClassesLoaderAsContextLoader() {
        Capture.afterReturn(PlanCache.forMethod(method("signIn")), new Object[] {"u-1"}, null);

        assertThat(runtime.flush(WAIT)).isTrue();
        assertThat(sink.events()).singleElement().satisfies(event -> assertThat(event.data()).containsExactly(
                Map.entry("kilo_user_id", "u-1"), Map.entry("org_memberships", List.of("o-u-1"))));
        assertThat(contextLoader.get()).isSameAs(Service.class.getClassLoader());
    }

    @Test
    void anEventWithoutEnrichersNeverCarriesARequest() {
        Capture.afterReturn(PlanCache.forMethod(method("blockUser")), new Object[] {"u-1"}, null);

        assertThat(runtime.flush(WAIT)).isTrue();
        assertThat(sink.events()).singleElement().satisfies(event -> {
            assertThat(event.data()).containsExactly(Map.entry("kilo_user_id", "u-1"));
            assertThat(event.enrichRequest()).isNull();
        });
    }

    @Test
    void flushWaitsForTheEnrichers() {
        Capture.afterReturn(PlanCache.forMethod(method("gated")), new Object[] {"u-1"}, null);

        assertThat(runtime.flush(Duration.ZERO)).as("still in enrichment").isFalse();
        release.countDown();

        assertThat(runtime.flush(WAIT)).isTrue();
        assertThat(sink.events()).extracting(Event::data).singleElement()
                .satisfies(data -> assertThat(data).containsEntry("gated", true));
    }

    @Test
    void stopDeliversAnEventStillInEnrichment_withoutTheFieldsItsEnricherNeverReturned() {
        Capture.afterReturn(PlanCache.forMethod(method("gated")), new Object[] {"u-1"}, null);

        int lost = AuditweaveRuntime.stop(Duration.ofMillis(400));

        assertThat(lost).isZero();
        assertThat(sink.events()).singleElement().satisfies(event -> assertThat(event.data())
                .containsExactly(Map.entry("kilo_user_id", "u-1")));
        assertThat(runtime.metrics().delivered()).isEqualTo(1);
        assertThat(runtime.metrics().enrichTimedOut()).isEqualTo(1);
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
        @EmitsAbuseEvent(type = "signin", enrich = "capture-orgMemberships",
                data = @Field(name = "kilo_user_id", value = "args[0]"))
        void signIn(String userId) {
        }

        @EmitsAbuseEvent(type = "user.blocked", data = @Field(name = "kilo_user_id", value = "args[0]"))
        void blockUser(String userId) {
        }

        @EmitsAbuseEvent(type = "signin.gated", enrich = "capture-gated",
                data = @Field(name = "kilo_user_id", value = "args[0]"))
        void gated(String userId) {
        }
    }
}
