package dev.auditweave.agent.internal.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.EventEnricher;
import dev.auditweave.agent.internal.event.EnrichRequest;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.event.EventIds;
import dev.auditweave.agent.internal.log.Loggers;
import dev.auditweave.agent.internal.metrics.Counters;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.bootstrap.LogTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The enrichment stage alone: events in, events out to a queue, with the counters and log lines it leaves. */
class EnrichmentTest {

    private static final long WAIT_SECONDS = 10;
    private static final Duration LONG = Duration.ofSeconds(30);
    /** Long enough for a quick enricher to finish on a loaded machine, short enough for a test. */
    private static final Duration SHORT = Duration.ofMillis(500);

    private final Counters counters = new Counters();
    private final BlockingQueue<Event> sent = new LinkedBlockingQueue<>();
    private final List<EventEnricher> added = new ArrayList<>();
    private final List<CountDownLatch> latches = new ArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private Enrichment stage;

    @AfterEach
    void stop() {
        latches.forEach(CountDownLatch::countDown);
        if (stage != null) {
            stage.shutdown(System.nanoTime());
        }
        added.forEach(Enrichers::remove);
        Loggers.redirectTo(null);
    }

    // ---- enriching ----

    @Test
    void start_runsNoThreadUntilAnEventNamesAnEnricher() throws InterruptedException {
        add("orgMemberships-0", (type, data) -> Map.of("org_memberships", List.of()));
        start(3, 16, Duration.ofSeconds(5));

        assertThat(stage.threadsStarted()).as("an application without enrichers runs none").isFalse();
        stage.offer(event("signin", Map.of("kilo_user_id", "u-1"), "orgMemberships-0"));

        assertThat(next().data()).containsKey("org_memberships");
        assertThat(stage.threadsStarted()).isTrue();
    }

    @Test
    void shutdown_beforeAnyEvent_startsNothingLater() {
        start(1, 4, Duration.ofSeconds(5));
        stage.shutdown(System.nanoTime());

        stage.offer(event("signin", Map.of("kilo_user_id", "u-1"), "orgMemberships-0"));

        assertThat(stage.threadsStarted()).isFalse();
        assertThat(sent).as("sent on without enrichment").hasSize(1);
    }

    @Test
    void offer_anEnricherAddsItsFieldsAfterTheDeclaredOnes_onAnEnrichmentThread() throws InterruptedException {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        add("orgMemberships-1", (type, data) -> {
            ranOn.set(Thread.currentThread());
            return Map.of("org_memberships", List.of(Map.of("organization_id", "o-1", "role", "owner")));
        });
        start(2, 100, LONG);

        Event event = event("signin", Map.of("kilo_user_id", "u-1"), "orgMemberships-1");
        stage.offer(event);

        Event enriched = next();
        assertThat(enriched.id()).isEqualTo(event.id());
        assertThat(enriched.type()).isEqualTo("signin");
        assertThat(enriched.occurredAt()).isEqualTo(event.occurredAt());
        assertThat(enriched.data()).containsExactly(Map.entry("kilo_user_id", "u-1"),
                Map.entry("org_memberships", List.of(Map.of("organization_id", "o-1", "role", "owner"))));
        assertThat(enriched.enrichRequest()).as("nothing left to enrich").isNull();
        assertThat(ranOn.get().getName()).matches("auditweave-enrich-\\d+");
        assertThat(ranOn.get().isDaemon()).isTrue();
        assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
        assertThat(metrics().enrichFailed() + metrics().enrichTimedOut()).isZero();
    }

    @Test
    void offer_twoEnrichersRunInOrder_theSecondSeesTheFirstsFields() throws InterruptedException {
        List<String> order = new CopyOnWriteArrayList<>();
        add("first-2", (type, data) -> {
            order.add("first");
            return Map.of("a", 1);
        });
        add("second-2", (type, data) -> {
            order.add("second saw a=" + data.get("a"));
            return Map.of("b", 2);
        });
        start(2, 100, LONG);

        stage.offer(event("signin", Map.of("kilo_user_id", "u-1"), "first-2", "second-2"));

        assertThat(next().data()).containsExactly(Map.entry("kilo_user_id", "u-1"), Map.entry("a", 1),
                Map.entry("b", 2));
        assertThat(order).containsExactly("first", "second saw a=1");
    }

    @Test
    void offer_aDeclaredFieldWinsOverAnEnrichersField_andAnEarlierEnricherOverALaterOne() throws InterruptedException {
        captureWarnings();
        add("clashing-3", (type, data) -> Map.of("kilo_user_id", "from-enricher", "plan", "pro"));
        add("later-3", (type, data) -> Map.of("plan", "free"));
        start(1, 100, LONG);

        stage.offer(event("signin.clash", Map.of("kilo_user_id", "u-1"), "clashing-3", "later-3"));
        stage.offer(event("signin.clash", Map.of("kilo_user_id", "u-2"), "clashing-3", "later-3"));

        assertThat(next().data()).containsExactly(Map.entry("kilo_user_id", "u-1"), Map.entry("plan", "pro"));
        assertThat(next().data()).containsExactly(Map.entry("kilo_user_id", "u-2"), Map.entry("plan", "pro"));
        assertThat(warnings).filteredOn(line -> line.contains("'kilo_user_id'")).singleElement().asString()
                .contains("enricher 'clashing-3'", "signin.clash", "already has", "logged once");
        assertThat(warnings).filteredOn(line -> line.contains("'plan'")).singleElement().asString()
                .contains("enricher 'later-3'");
    }

    @Test
    void offer_enrichedValuesAreSnapshots() throws InterruptedException {
        List<String> roles = new ArrayList<>(List.of("owner"));
        add("snapshot-4", (type, data) -> Map.of("roles", roles));
        start(1, 100, LONG);

        stage.offer(event("signin", Map.of(), "snapshot-4"));
        Event enriched = next();
        roles.add("admin");

        assertThat(enriched.data().get("roles")).isEqualTo(List.of("owner"));
    }

    // ---- failures ----

    @Test
    void offer_aThrowingEnricher_theEventIsSentWithoutItsFields_countedAndLoggedByName() throws InterruptedException {
        captureWarnings();
        add("throwing-5", (type, data) -> {
            throw new java.sql.SQLException("connection refused");
        });
        add("fine-5", (type, data) -> Map.of("fine", true));
        start(1, 100, LONG);

        stage.offer(event("signin.throws", Map.of("kilo_user_id", "u-1"), "throwing-5", "fine-5"));

        assertThat(next().data()).containsExactly(Map.entry("kilo_user_id", "u-1"), Map.entry("fine", true));
        assertThat(metrics().enrichFailed()).isEqualTo(1);
        assertThat(metrics().enrichTimedOut()).isZero();
        assertThat(warnings).singleElement().asString().contains("enricher 'throwing-5'", "signin.throws",
                "java.sql.SQLException: connection refused", "sent without its fields");
    }

    @Test
    void offer_anUnknownName_theEventIsSent_countedAndTheMessageListsTheKnownNames() throws InterruptedException {
        captureWarnings();
        add("known-6", (type, data) -> Map.of("known", 1));
        start(1, 100, LONG);

        stage.offer(event("signin.unknown", Map.of("kilo_user_id", "u-1"), "orgMembershipz-6", "known-6"));

        assertThat(next().data()).containsExactly(Map.entry("kilo_user_id", "u-1"), Map.entry("known", 1));
        assertThat(metrics().enrichFailed()).isEqualTo(1);
        assertThat(warnings).singleElement().asString().contains("enricher 'orgMembershipz-6'", "signin.unknown",
                "no enricher has this name", "known-6");
    }

    @Test
    void offer_anEnricherPastTheBudget_theEventIsSentWithTheEarlierFieldsOnly_andCountedTimedOut()
            throws InterruptedException {
        captureWarnings();
        CountDownLatch hang = latch();
        CountDownLatch entered = new CountDownLatch(1);
        AtomicInteger laterRan = new AtomicInteger();
        add("quick-7", (type, data) -> Map.of("quick", 1));
        add("hanging-7", (type, data) -> {
            entered.countDown();
            hang.await();
            return Map.of("hanging", 1);
        });
        add("after-7", (type, data) -> {
            laterRan.incrementAndGet();
            return Map.of("after", 1);
        });
        start(1, 100, SHORT);

        stage.offer(event("signin.slow", Map.of("kilo_user_id", "u-1"), "quick-7", "hanging-7", "after-7"));

        Event event = next();
        assertThat(entered.getCount()).isZero();
        assertThat(event.data()).containsExactly(Map.entry("kilo_user_id", "u-1"), Map.entry("quick", 1));
        assertThat(metrics().enrichTimedOut()).isEqualTo(1);
        assertThat(metrics().enrichFailed()).as("its interrupt is not a failure").isZero();
        assertThat(warnings).singleElement().asString().contains("enricher 'hanging-7'", "signin.slow",
                "500 ms", "auditweave.enrich.timeout-ms");
        assertThat(laterRan).as("the enrichers after it do not run").hasValue(0);
        assertThat(sent).isEmpty();
    }

    @Test
    void offer_aHungEnricherDoesNotHoldUpLaterEvents_evenWithOneThread() throws InterruptedException {
        CountDownLatch hang = latch();
        CountDownLatch interrupted = new CountDownLatch(1);
        add("stuck-8", (type, data) -> {
            // Deaf to interrupts: the thread stays in here until the test ends.
            while (true) {
                try {
                    if (hang.await(1, TimeUnit.HOURS)) {
                        return Map.of();
                    }
                } catch (InterruptedException deaf) {
                    interrupted.countDown();
                }
            }
        });
        add("fast-8", (type, data) -> Map.of("fast", true));
        start(1, 100, SHORT);

        stage.offer(event("signin.stuck", Map.of(), "stuck-8"));
        assertThat(next().type()).isEqualTo("signin.stuck");
        assertThat(interrupted.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("interrupted, and ignored it").isTrue();
        stage.offer(event("signin.fast", Map.of(), "fast-8"));

        Event later = next();
        assertThat(later.type()).isEqualTo("signin.fast");
        assertThat(later.data()).as("enriched by the thread that replaced the stuck one").containsEntry("fast", true);
        assertThat(metrics().enrichTimedOut()).isEqualTo(1);
    }

    @Test
    void offer_anEnricherAThreadIsStuckIn_isSkippedForOtherEvents_untilTheStuckCallReturns()
            throws InterruptedException {
        captureWarnings();
        CountDownLatch hang = latch();
        AtomicInteger calls = new AtomicInteger();
        add("deaf-14", (type, data) -> {
            if (calls.incrementAndGet() == 1) {
                while (true) {
                    try {
                        if (hang.await(1, TimeUnit.HOURS)) {
                            return Map.of();
                        }
                    } catch (InterruptedException deaf) {
                        // keeps hanging
                    }
                }
            }
            return Map.of("deaf", calls.get());
        });
        add("other-14", (type, data) -> Map.of("other", true));
        start(2, 100, SHORT);
        stage.offer(event("signin.deaf", Map.of(), "deaf-14"));
        assertThat(next().data()).isEmpty();

        stage.offer(event("signin.deaf.again", Map.of(), "deaf-14", "other-14"));

        assertThat(next().data()).containsExactly(Map.entry("other", true));
        assertThat(calls).as("not called again while stuck").hasValue(1);
        assertThat(metrics().enrichTimedOut()).isEqualTo(2);
        assertThat(warnings).anySatisfy(line -> assertThat(line).contains("enricher 'deaf-14' skipped",
                "signin.deaf.again", "still running past"));
        hang.countDown();
        await(() -> {
            stage.offer(event("signin.deaf.later", Map.of(), "deaf-14"));
            try {
                return next().data().containsKey("deaf");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void offer_aFullStage_sendsTheEventAtOnceWithoutEnrichment_countedTimedOut() throws InterruptedException {
        captureWarnings();
        CountDownLatch hang = latch();
        CountDownLatch entered = new CountDownLatch(1);
        add("blocking-9", (type, data) -> {
            entered.countDown();
            hang.await();
            return Map.of("late", 1);
        });
        start(1, 1, LONG);
        stage.offer(event("signin.first", Map.of(), "blocking-9"));
        assertThat(entered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        stage.offer(event("signin.second", Map.of("kilo_user_id", "u-2"), "blocking-9"));

        Event second = sent.poll();
        assertThat(second).as("sent before offer returned").isNotNull();
        assertThat(second.data()).containsExactly(Map.entry("kilo_user_id", "u-2"));
        assertThat(second.enrichRequest()).isNull();
        assertThat(metrics().enrichTimedOut()).isEqualTo(1);
        assertThat(warnings).singleElement().asString().contains("signin.second", "auditweave.enrich.queue.capacity");
        hang.countDown();
        assertThat(next().data()).containsEntry("late", 1);
    }

    // ---- flush and shutdown ----

    @Test
    void awaitIdle_waitsUntilTheEventInEnrichmentWasSent() throws InterruptedException {
        CountDownLatch release = latch();
        add("slow-10", (type, data) -> {
            release.await();
            return Map.of("slow", 1);
        });
        start(1, 100, LONG);
        stage.offer(event("signin", Map.of(), "slow-10"));

        assertThat(stage.awaitIdle(System.nanoTime())).as("not idle while enriching").isFalse();
        release.countDown();

        assertThat(stage.awaitIdle(System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS))).isTrue();
        assertThat(sent.poll()).isNotNull().satisfies(e -> assertThat(e.data()).containsEntry("slow", 1));
    }

    @Test
    void shutdown_letsAnEventInEnrichmentFinishWithinTheDeadline() throws InterruptedException {
        CountDownLatch release = latch();
        add("finishing-11", (type, data) -> {
            release.await();
            return Map.of("finished", true);
        });
        start(1, 100, LONG);
        stage.offer(event("signin", Map.of(), "finishing-11"));
        AtomicInteger cut = new AtomicInteger(-1);
        Thread stopping = new Thread(() -> cut.set(stage.shutdown(System.nanoTime() + TimeUnit.SECONDS.toNanos(30))));
        stopping.start();

        await(() -> stopping.getState() == Thread.State.TIMED_WAITING);
        assertThat(sent).as("shutdown waits for it").isEmpty();
        release.countDown();
        stopping.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));

        assertThat(cut).hasValue(0);
        assertThat(sent.poll()).isNotNull().satisfies(e -> assertThat(e.data()).containsEntry("finished", true));
        assertThat(metrics().enrichTimedOut()).isZero();
    }

    @Test
    void shutdown_sendsWhatIsStillInEnrichmentAtTheDeadline_withTheFieldsGatheredSoFar() throws InterruptedException {
        captureWarnings();
        CountDownLatch hang = latch();
        CountDownLatch entered = new CountDownLatch(1);
        add("done-12", (type, data) -> Map.of("done", 1));
        add("hanging-12", (type, data) -> {
            entered.countDown();
            hang.await();
            return Map.of("never", 1);
        });
        start(1, 100, LONG);
        stage.offer(event("signin", Map.of(), "done-12", "hanging-12"));
        stage.offer(event("signin.queued", Map.of(), "done-12"));
        assertThat(entered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        int cut = stage.shutdown(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50));

        assertThat(cut).isEqualTo(2);
        List<Event> out = new ArrayList<>();
        sent.drainTo(out);
        assertThat(out).extracting(Event::type).containsExactlyInAnyOrder("signin", "signin.queued");
        assertThat(out).filteredOn(e -> e.type().equals("signin")).singleElement()
                .satisfies(e -> assertThat(e.data()).containsExactly(Map.entry("done", 1)));
        assertThat(metrics().enrichTimedOut()).isEqualTo(2);
        assertThat(warnings).anySatisfy(line -> assertThat(line).contains("2 events were still in enrichment"));
    }

    @Test
    void offer_afterShutdown_sendsAtOnceWithoutEnrichment() {
        add("any-13", (type, data) -> Map.of("any", 1));
        start(1, 100, LONG);
        stage.shutdown(System.nanoTime());

        stage.offer(event("signin", Map.of("kilo_user_id", "u-1"), "any-13"));

        assertThat(sent.poll()).isNotNull().satisfies(e -> assertThat(e.data()).containsOnlyKeys("kilo_user_id"));
        assertThat(metrics().enrichTimedOut()).isEqualTo(1);
    }

    // ---- policy ----

    @Test
    void policy_rejectsValuesThatCannotWork() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EnrichPolicy(0, 1, LONG))
                .hasMessage("threads must be at least 1, was 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EnrichPolicy(1, 0, LONG))
                .hasMessage("queueCapacity must be at least 1, was 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EnrichPolicy(1, 1, Duration.ZERO))
                .hasMessage("timeout must be positive, was PT0S");
    }

    // ---- helpers ----

    private interface Enrich {
        Map<String, ?> enrich(String type, Map<String, Object> data) throws Exception;
    }

    private void add(String name, Enrich body) {
        EventEnricher enricher = new EventEnricher() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Map<String, ?> enrich(String type, Map<String, Object> data) throws Exception {
                return body.enrich(type, data);
            }
        };
        Enrichers.add(enricher);
        added.add(enricher);
    }

    private void start(int threads, int capacity, Duration timeout) {
        stage = new Enrichment(new EnrichPolicy(threads, capacity, timeout), counters, sent::add);
        stage.start();
    }

    private CountDownLatch latch() {
        CountDownLatch latch = new CountDownLatch(1);
        latches.add(latch);
        return latch;
    }

    private static Event event(String type, Map<String, Object> data, String... enrichers) {
        return new Event(EventIds.random(), type, 1_716_000_000_000L, new LinkedHashMap<>(data),
                new EnrichRequest(List.of(enrichers), null));
    }

    private Event next() throws InterruptedException {
        Event event = sent.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(event).as("an event reached the next stage").isNotNull();
        return event;
    }

    private AuditweaveMetrics metrics() {
        return counters.snapshot();
    }

    private void captureWarnings() {
        Loggers.redirectTo(new LogTarget() {
            @Override
            public boolean isEnabled(String logger, int level) {
                return level >= 30;
            }

            @Override
            public void log(String logger, int level, String message, Throwable error) {
                if (logger.startsWith("dev.auditweave.agent.internal.enrich")) {
                    warnings.add(message);
                }
            }
        });
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within %d s", WAIT_SECONDS).isLessThan(deadline);
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
