package dev.auditweave.test;

import static dev.auditweave.test.AuditweaveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.AuditweaveTransaction;
import dev.auditweave.agent.EventEnricher;
import dev.auditweave.test.fixtures.Accounts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The extension in a real Jupiter run (EngineTestKit), over code woven at build time in this JVM: the scenario
 * classes below are test classes as a user writes them, run only from here.
 */
class AuditweaveExtensionTest {

    private static final Accounts ACCOUNTS = new Accounts();

    // ---- recording and isolation ----

    @Test
    void eachTestSeesItsOwnEventsOnly() {
        assertThat(Outcomes.run(Isolation.class).byTest()).containsExactly(
                Map.entry("blocks", "passed"), Map.entry("startsEmpty", "passed"),
                Map.entry("anUpdateOfNoRowEmitsNothing", "passed"));
    }

    @ExtendWith(AuditweaveExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Isolation {
        @Test
        @Order(1)
        void blocks(EmittedEvents events) {
            ACCOUNTS.block("u-1", "spam", 1);
            assertThat(events).containsEvent("user.blocked").withData("kilo_user_id", "u-1").withData("reason", "spam");
            assertThat(events).containsExactlyTypes("user.blocked");
        }

        @Test
        @Order(2)
        void startsEmpty(EmittedEvents events) {
            assertThat(events).containsNoEvents();
        }

        @Test
        @Order(3)
        void anUpdateOfNoRowEmitsNothing(EmittedEvents events) {
            ACCOUNTS.block("u-1", "spam", 0);
            assertThat(events).doesNotContainEvent("user.blocked");
        }
    }

    @Test
    void recordsWhatTheTestMethodEmitsNotItsSetUp() {
        assertThat(Outcomes.run(Lifecycle.class).byTest()).containsExactly(Map.entry("deletes", "passed"));
    }

    @ExtendWith(AuditweaveExtension.class)
    static class Lifecycle {
        @BeforeEach
        void setUp() {
            ACCOUNTS.block("u-0", "setup", 1);
        }

        @Test
        void deletes(EmittedEvents events) {
            ACCOUNTS.delete("u-1");
            assertThat(events).containsExactlyTypes("user.deleted");
        }
    }

    @Test
    void anEventOfTheSetUpStillInEnrichmentWhenTheTestStartsIsNotRecorded() {
        assertThat(Outcomes.run(SetUpStillEnriching.class).byTest())
                .containsExactly(Map.entry("seesNothingOfTheSetUp", "passed"));
    }

    @ExtendWith(AuditweaveExtension.class)
    static class SetUpStillEnriching {
        private final CountDownLatch release = new CountDownLatch(1);
        private final EventEnricher slow = new EventEnricher() {
            @Override
            public String name() {
                return Accounts.MEMBERSHIPS;
            }

            @Override
            public Map<String, ?> enrich(String type, Map<String, Object> data) throws InterruptedException {
                release.await(30, TimeUnit.SECONDS);
                return Map.of();
            }
        };

        @BeforeEach
        void setUp() {
            Auditweave.addEnricher(slow);
            ACCOUNTS.signIn("u-0");
            Thread test = Thread.currentThread();
            // Lets the enricher finish only once this thread waits (for enrichment, before the recording starts).
            new Thread(() -> {
                while (test.getState() != Thread.State.TIMED_WAITING) {
                    Thread.onSpinWait();
                }
                release.countDown();
            }).start();
        }

        @AfterEach
        void tearDown() {
            Auditweave.removeEnricher(slow);
        }

        @Test
        void seesNothingOfTheSetUp(EmittedEvents events) {
            assertThat(events).containsNoEvents();
        }
    }

    // ---- failure messages in a real run ----

    @Test
    void aFailingAssertionFailsTheTestListingWhatWasEmitted() {
        assertThat(Outcomes.run(WrongExpectation.class).byTest()).containsExactly(Map.entry("expectsUnblocked",
                "AssertionError: Expected an event of type \"user.unblocked\" within 50 ms, but none of that type was"
                        + " emitted; the test emitted 1 event:\n  1. user.blocked {kilo_user_id=\"u-1\", reason=\"spam\"}"));
    }

    @ExtendWith(AuditweaveExtension.class)
    static class WrongExpectation {
        @Test
        void expectsUnblocked(EmittedEvents events) {
            ACCOUNTS.block("u-1", "spam", 1);
            assertThat(events).within(Duration.ofMillis(50)).containsEvent("user.unblocked");
        }
    }

    // ---- after commit, later, enriched ----

    @Test
    void anEventHeldForATransactionIsAbsentUntilTheCommitAndNeverComesOnRollback() {
        assertThat(Outcomes.run(Transactions.class).byTest()).containsOnly(
                Map.entry("heldUntilCommit", "passed"), Map.entry("droppedOnRollback", "passed"));
    }

    @ExtendWith(AuditweaveExtension.class)
    static class Transactions {
        @Test
        void heldUntilCommit(EmittedEvents events) {
            try (AuditweaveTransaction transaction = Auditweave.beginTransaction()) {
                ACCOUNTS.delete("u-1");
                assertThat(events).doesNotContainEvent("user.deleted");
                transaction.commit();
            }
            assertThat(events).containsEvent("user.deleted").withData("kilo_user_id", "u-1");
        }

        @Test
        void droppedOnRollback(EmittedEvents events) {
            try (AuditweaveTransaction transaction = Auditweave.beginTransaction()) {
                ACCOUNTS.delete("u-1");
                transaction.rollback();
            }
            assertThat(events).doesNotContainEvent("user.deleted");
        }
    }

    @Test
    void anEventCapturedLaterOnAnotherThreadOrEnrichedIsWaitedFor() {
        assertThat(Outcomes.run(Later.class).byTest()).containsOnly(
                Map.entry("completedElsewhere", "passed"), Map.entry("enriched", "passed"));
    }

    @ExtendWith(AuditweaveExtension.class)
    static class Later {
        private final EventEnricher memberships = new EventEnricher() {
            @Override
            public String name() {
                return Accounts.MEMBERSHIPS;
            }

            @Override
            public Map<String, ?> enrich(String type, Map<String, Object> data) {
                return Map.of("org_memberships", List.of("o-1"));
            }
        };

        @BeforeEach
        void addEnricher() {
            Auditweave.addEnricher(memberships);
        }

        @AfterEach
        void removeEnricher() {
            Auditweave.removeEnricher(memberships);
        }

        @Test
        void completedElsewhere(EmittedEvents events) throws InterruptedException {
            CompletableFuture<Long> payment = new CompletableFuture<>();
            ACCOUNTS.purchase("u-1", payment);
            assertThat(events).doesNotContainEvent("billing.credit_purchased");

            Thread payer = new Thread(() -> payment.complete(5_000L));
            payer.start();

            assertThat(events).containsEvent("billing.credit_purchased").withData("microdollars_acquired", 5_000);
            payer.join();
        }

        @Test
        void enriched(EmittedEvents events) {
            ACCOUNTS.signIn("u-1");
            assertThat(events).containsEvent("signin").withData("org_memberships", List.of("o-1"));
            assertThat(events).doesNotContainEvent("user.blocked").containsExactlyTypes("signin");
        }
    }

    // ---- where EmittedEvents can be taken ----

    @Test
    void emittedEventsAnywhereButInATestMethodIsAClearError() {
        String expected = "ParameterResolutionException: EmittedEvents holds what one test method emits: take it as a"
                + " parameter of the @Test method, not of ";
        assertThat(Outcomes.run(InConstructor.class).byTest().get("test")).startsWith(expected)
                .contains("InConstructor(dev.auditweave.test.EmittedEvents)");
        assertThat(Outcomes.run(InBeforeAll.class).container()).startsWith(expected).contains("setUpAll");
        assertThat(Outcomes.run(InBeforeEach.class).byTest().get("test")).startsWith(expected).contains("setUp");
    }

    @ExtendWith(AuditweaveExtension.class)
    static class InConstructor {
        InConstructor(EmittedEvents events) {
        }

        @Test
        void test() {
        }
    }

    @ExtendWith(AuditweaveExtension.class)
    static class InBeforeAll {
        @BeforeAll
        static void setUpAll(EmittedEvents events) {
        }

        @Test
        void test() {
        }
    }

    @ExtendWith(AuditweaveExtension.class)
    static class InBeforeEach {
        @BeforeEach
        void setUp(EmittedEvents events) {
        }

        @Test
        void test() {
        }
    }

    // ---- registration without @ExtendWith ----

    @Test
    void withAutodetectionOnTheServicesFileRegistersTheExtension() {
        assertThat(Outcomes.run(Autodetected.class, "junit.jupiter.extensions.autodetection.enabled", "true")
                .byTest()).containsExactly(Map.entry("records", "passed"));
        assertThat(Outcomes.run(Autodetected.class).byTest().get("records"))
                .as("without autodetection nothing resolves the parameter")
                .startsWith("ParameterResolutionException: No ParameterResolver registered");
    }

    static class Autodetected {
        @Test
        void records(EmittedEvents events) {
            ACCOUNTS.delete("u-1");
            assertThat(events).containsExactlyTypes("user.deleted");
        }
    }

    // ---- parallel execution ----

    private static final String[] PARALLEL = {
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "2"};

    @Test
    void twoTestsThatRecordAtTheSameTimeFailSayingTheirEventsAreMixed() {
        Map<String, String> outcomes = Outcomes.run(Overlapping.class, PARALLEL).byTest();

        assertThat(outcomes).containsOnlyKeys("first", "second");
        assertThat(outcomes.get("first")).startsWith("AssertionError: Cannot tell the events of Overlapping.first"
                + " apart: 1 other test recorded events at the same time (Overlapping.second;");
        assertThat(outcomes.get("second")).contains("@ResourceLock(AuditweaveExtension.EVENTS)");
    }

    @ExtendWith(AuditweaveExtension.class)
    static class Overlapping {
        /** Both tests are recording once both passed it. */
        static final CyclicBarrier BOTH_RECORDING = new CyclicBarrier(2);

        @Test
        void first(EmittedEvents events) throws Exception {
            BOTH_RECORDING.await(30, TimeUnit.SECONDS);
            ACCOUNTS.delete("u-1");
            assertThat(events).containsEvent("user.deleted");
        }

        @Test
        void second(EmittedEvents events) throws Exception {
            BOTH_RECORDING.await(30, TimeUnit.SECONDS);
            ACCOUNTS.block("u-1", "spam", 1);
            assertThat(events).containsEvent("user.blocked");
        }
    }

    @Test
    void underTheResourceLockTheyRunOneAfterTheOtherAndPass() {
        assertThat(Outcomes.run(Locked.class, PARALLEL).byTest())
                .containsOnly(Map.entry("first", "passed"), Map.entry("second", "passed"));
    }

    @ExtendWith(AuditweaveExtension.class)
    @ResourceLock(AuditweaveExtension.EVENTS)
    static class Locked {
        @Test
        void first(EmittedEvents events) {
            ACCOUNTS.delete("u-1");
            assertThat(events).containsExactlyTypes("user.deleted");
        }

        @Test
        void second(EmittedEvents events) {
            ACCOUNTS.block("u-1", "spam", 1);
            assertThat(events).containsExactlyTypes("user.blocked");
        }
    }

    @Test
    void woven_theFixturesOfTheseRunsAreWovenInThisJvm() {
        assertThat(Auditweave.agentAttached()).isFalse();
        assertThat(Accounts.class.getDeclaredFields()).anyMatch(field -> field.getName().startsWith("ajc$"));
    }
}
