package dev.auditweave.test.agent;

import static dev.auditweave.test.AuditweaveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.AuditweaveTransaction;
import dev.auditweave.agent.EmittedEvent;
import dev.auditweave.agent.EventEnricher;
import dev.auditweave.agent.EventTap;
import dev.auditweave.test.AuditweaveExtension;
import dev.auditweave.test.EmittedEvents;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The kit under the {@code -javaagent} the reactor built (failsafe's {@code argLine}), over classes only the agent
 * instruments: the test's classes and the agent's runtime share nothing but the public API on the bootstrap class
 * path, and recording still works.
 */
class AgentModeIT {

    private static final PlainAccounts ACCOUNTS = new PlainAccounts();

    @Test
    void theAgentIsAttachedAndAloneInstrumentsTheFixtures() {
        assertThat(Auditweave.agentAttached()).isTrue();
        assertThat(PlainAccounts.class.getDeclaredFields()).noneMatch(field -> field.getName().startsWith("ajc$"));
        assertThat(EmittedEvent.class.getClassLoader()).as("shared on the bootstrap class path").isNull();
        assertThat(EventTap.class.getClassLoader()).isNull();
    }

    @Test
    void theKitRecordsTheAgentsEventsAndItsAssertionsPassAndFailAsInProcess() {
        Map<String, String> outcomes = run(UnderTheAgent.class);

        assertThat(outcomes).containsEntry("blocks", "passed").containsEntry("heldUntilCommit", "passed")
                .containsEntry("completedElsewhere", "passed").containsEntry("enriched", "passed")
                .containsEntry("startsEmpty", "passed");
        assertThat(outcomes.get("expectsUnblocked")).isEqualTo("AssertionError: Expected an event of type"
                + " \"user.unblocked\" within 50 ms, but none of that type was emitted; the test emitted 1 event:"
                + "\n  1. user.blocked {kilo_user_id=\"u-1\", reason=\"spam\"}");
    }

    @ExtendWith(AuditweaveExtension.class)
    static class UnderTheAgent {
        private final EventEnricher memberships = new EventEnricher() {
            @Override
            public String name() {
                return PlainAccounts.MEMBERSHIPS;
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
        void blocks(EmittedEvents events) {
            ACCOUNTS.block("u-1", "spam", 1);
            ACCOUNTS.block("u-2", "spam", 0);
            assertThat(events).containsEvent("user.blocked").withData("kilo_user_id", "u-1");
            assertThat(events).containsExactlyTypes("user.blocked");
        }

        @Test
        void startsEmpty(EmittedEvents events) {
            assertThat(events).containsNoEvents();
        }

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
        void completedElsewhere(EmittedEvents events) throws InterruptedException {
            CompletableFuture<Long> payment = new CompletableFuture<>();
            ACCOUNTS.purchase("u-1", payment);
            Thread payer = new Thread(() -> payment.complete(5_000L));
            payer.start();
            assertThat(events).containsEvent("billing.credit_purchased").withData("microdollars_acquired", 5_000);
            payer.join();
        }

        @Test
        void enriched(EmittedEvents events) {
            ACCOUNTS.signIn("u-1");
            assertThat(events).containsEvent("signin").withData("org_memberships", List.of("o-1"));
        }

        @Test
        void expectsUnblocked(EmittedEvents events) {
            ACCOUNTS.block("u-1", "spam", 1);
            assertThat(events).within(Duration.ofMillis(50)).containsEvent("user.unblocked");
        }
    }

    private static Map<String, String> run(Class<?> testClass) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents().finished()
                .stream().forEach(event -> outcomes.put(
                        ((MethodSource) event.getTestDescriptor().getSource().orElseThrow()).getMethodName(),
                        event.getRequiredPayload(TestExecutionResult.class).getThrowable()
                                .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).orElse("passed")));
        return outcomes;
    }
}
