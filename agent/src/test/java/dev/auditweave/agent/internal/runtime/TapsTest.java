package dev.auditweave.agent.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.EmittedEvent;
import dev.auditweave.agent.EventEnricher;
import dev.auditweave.agent.EventTap;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.EnrichRequest;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.sink.MemorySink;
import dev.auditweave.bootstrap.LogTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Event taps: what they see, when, and that a failing one hurts nothing. */
class TapsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<EventTap> added = new ArrayList<>();
    private final List<EventEnricher> enrichers = new ArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private AuditweaveRuntime runtime;

    @BeforeEach
    void start() {
        MemorySink.shared().clear();
        runtime = AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.sink", "memory")),
                List.of(MemorySink.shared()));
    }

    @AfterEach
    void stop() {
        added.forEach(Taps::remove);
        enrichers.forEach(Auditweave::removeEnricher);
        Loggers.redirectTo(null);
        AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.sink", "none")), List.of());
    }

    // ---- what a tap sees ----

    @Test
    void show_aReleasedEventReachesTheTapAsAnImmutableCopyWithItsIdTypeTimeAndData() {
        List<EmittedEvent> seen = tap();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kilo_user_id", "u-1");
        data.put("reason", null);
        Event event = new Event("id-1", "user.blocked", 1716000000000L, data);

        runtime.accept(event);

        assertThat(seen).containsExactly(new EmittedEvent("id-1", "user.blocked", 1716000000000L, data));
        data.put("reason", "changed afterwards");
        assertThat(seen.get(0).data()).containsExactly(Map.entry("kilo_user_id", "u-1"),
                new java.util.AbstractMap.SimpleEntry<>("reason", null));
        assertThatThrownBy(() -> seen.get(0).data().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void show_aTapSeesTheEventThatAlsoGoesToTheSinks() {
        List<EmittedEvent> seen = tap();
        Event event = Event.withRandomId("user.blocked", 1L, Map.of("kilo_user_id", "u-1"));

        runtime.accept(event);

        assertThat(Auditweave.flush(WAIT)).isTrue();
        assertThat(MemorySink.shared().events()).containsExactly(event);
        assertThat(seen).extracting(EmittedEvent::id).containsExactly(event.id());
    }

    @Test
    void show_anEventThatNamesEnrichersReachesTheTapEnrichedAndAwaitEnrichmentWaitsForIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        enricher("tapsTestMemberships", (type, data) -> {
            release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            return Map.of("org_memberships", List.of("o-1"));
        });
        List<EmittedEvent> seen = tap();
        Event event = new Event("id-2", "signin", 2L, Map.of("kilo_user_id", "u-1"),
                new EnrichRequest(List.of("tapsTestMemberships"), getClass().getClassLoader()));

        runtime.accept(event);
        assertThat(seen).as("still in enrichment").isEmpty();
        assertThat(runtime.awaitEnrichment(Duration.ZERO)).as("not idle while the enricher runs").isFalse();
        release.countDown();

        assertThat(Auditweave.awaitEnrichment(WAIT)).isTrue();
        assertThat(seen).singleElement().satisfies(emitted -> assertThat(emitted.data())
                .containsExactly(Map.entry("kilo_user_id", "u-1"), Map.entry("org_memberships", List.of("o-1"))));
    }

    @Test
    void show_aTapAddedThroughTheFacadeSurvivesARestartOfTheRuntime() {
        List<EmittedEvent> seen = new CopyOnWriteArrayList<>();
        EventTap tap = seen::add;
        Auditweave.addTap(tap);
        try {
            Auditweave.start(Map.of("auditweave.sink", "memory"), "test");
            AuditweaveRuntime.current().accept(new Event("id-3", "user.deleted", 3L, Map.of()));
        } finally {
            Auditweave.removeTap(tap);
        }
        AuditweaveRuntime.current().accept(new Event("id-4", "user.deleted", 4L, Map.of()));

        assertThat(seen).extracting(EmittedEvent::id).containsExactly("id-3");
    }

    // ---- failure ----

    @Test
    void show_aTapThatThrowsIsCountedAndLoggedAndTheOtherTapsAndTheSinkStillGetTheEvent() {
        List<String> lines = logLines();
        EventTap failing = event -> {
            throw new IllegalStateException("tap broke");
        };
        add(failing);
        List<EmittedEvent> seen = tap();
        long errorsBefore = runtime.metrics().captureErrors();

        runtime.accept(new Event("id-5", "user.blocked", 5L, Map.of()));

        assertThat(seen).extracting(EmittedEvent::id).containsExactly("id-5");
        assertThat(Auditweave.flush(WAIT)).isTrue();
        assertThat(MemorySink.shared().events()).extracting(Event::id).containsExactly("id-5");
        assertThat(runtime.metrics().captureErrors() - errorsBefore).isEqualTo(1);
        assertThat(lines).anyMatch(line -> line.contains("event tap") && line.contains("tap broke")
                && line.contains("user.blocked"));
    }

    // ---- registry ----

    @Test
    void remove_takesOnlyThatInstanceAndOnlyOnce() {
        List<String> seen = new CopyOnWriteArrayList<>();
        EventTap first = event -> seen.add("first");
        EventTap second = event -> seen.add("second");
        add(first);
        add(second);
        add(first);

        Taps.remove(first);
        runtime.accept(new Event("id-6", "t", 6L, Map.of()));

        assertThat(seen).containsExactly("second", "first");
    }

    @Test
    void add_aNullTapIsRejectedNamingIt() {
        assertThatThrownBy(() -> Auditweave.addTap(null)).isInstanceOf(NullPointerException.class).hasMessage("tap");
    }

    @Test
    void emittedEvent_rejectsMissingComponentsNamingThem() {
        assertThatThrownBy(() -> new EmittedEvent(null, "t", 0L, Map.of())).hasMessage("id");
        assertThatThrownBy(() -> new EmittedEvent("i", null, 0L, Map.of())).hasMessage("type");
        assertThatThrownBy(() -> new EmittedEvent("i", "t", 0L, null)).hasMessage("data");
    }

    private List<EmittedEvent> tap() {
        List<EmittedEvent> seen = new CopyOnWriteArrayList<>();
        add(seen::add);
        return seen;
    }

    private void add(EventTap tap) {
        Taps.add(tap);
        added.add(tap);
    }

    private void enricher(String name, Lookup lookup) {
        EventEnricher enricher = new EventEnricher() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Map<String, ?> enrich(String type, Map<String, Object> data) throws Exception {
                return lookup.enrich(type, data);
            }
        };
        Auditweave.addEnricher(enricher);
        enrichers.add(enricher);
    }

    private List<String> logLines() {
        Loggers.redirectTo(new LogTarget() {
            @Override
            public boolean isEnabled(String logger, int level) {
                return true;
            }

            @Override
            public void log(String logger, int level, String message, Throwable error) {
                warnings.add(message);
            }
        });
        return warnings;
    }

    @FunctionalInterface
    private interface Lookup {
        Map<String, ?> enrich(String type, Map<String, Object> data) throws Exception;
    }
}
