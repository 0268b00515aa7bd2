package dev.auditweave.it.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditweave.it.spring.ModerationScenario.TypedData;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Bug class 3 (phantom events, shared/field-notes.md) in the sample app: annotated calls inside Spring transactions
 * that roll back, commit, or commit only in part. Each {@link Step} runs once, through the app's HTTP API; the
 * app's answer and the database afterwards (read back over HTTP) are checked at once, and the counters of
 * {@code GET /actuator/auditweave} are read before and after it, so that what the step alone did to them is kept
 * for the tests. Each step's names are its own, so its events can be told apart at the receiver.
 */
final class TransactionScenario {

    static final String CAROL = "u-3";
    static final String DAVE = "u-4";
    /** u-1's display name: a rename of anyone else to it fails at commit (unique constraint, checked at flush). */
    static final String TAKEN_NAME = "alice";
    static final String RENAMED = "user.renamed";
    static final String RENAME_REQUESTED = "user.rename_requested";
    /** The emit sites the sample adds for these steps (two sites emit {@code user.renamed}). */
    static final List<String> SITE_TYPES = List.of(RENAMED, RENAMED, RENAME_REQUESTED);

    /**
     * One transaction outcome, with what auditweave must make of it: the events that arrive (matched by the step's
     * own {@code display_name}s and {@code reason}s), and how {@code captured}, {@code heldForCommit} and
     * {@code droppedRollback} grow.
     */
    enum Step {
        OUTER_THROWS(Set.of("carol-outer-throws"), List.of(), 1, 1, 1),
        ROLLBACK_ONLY(Set.of("carol-rollback-only"), List.of(), 1, 1, 1),
        COMMIT_FAILS(Set.of(TAKEN_NAME), List.of(), 1, 1, 1),
        REQUIRES_NEW_COMMITS_OUTER_ROLLS_BACK(Set.of("carol-requires-new-outer", "dave-requires-new-inner"),
                List.of(renamed(DAVE, "dave-requires-new-inner")), 2, 2, 1),
        COMMITS(Set.of("carol-committed"), List.of(renamed(CAROL, "carol-committed")), 1, 1, 0),
        IMMEDIATE_DESPITE_ROLLBACK(Set.of("dave-requested"),
                List.of(new TypedData(RENAME_REQUESTED, Map.of("kilo_user_id", DAVE, "display_name", "dave-requested"))),
                2, 1, 1),
        REPOSITORY_METHOD_OUTER_THROWS(Set.of("repository-outer-throws"), List.of(), 1, 1, 1);

        private final Set<String> names;
        private final List<TypedData> arriving;
        private final Counts counts;

        Step(Set<String> names, List<TypedData> arriving, long captured, long heldForCommit, long droppedRollback) {
            this.names = names;
            this.arriving = arriving;
            this.counts = new Counts(captured, heldForCommit, droppedRollback);
        }

        /** The events that must reach the receiver, in any order. */
        List<TypedData> arriving() {
            return arriving;
        }

        /** How much the step must add to the counters. */
        Counts counts() {
            return counts;
        }

        /** Whether {@code data} belongs to this step: its {@code display_name} or {@code reason} is the step's. */
        boolean owns(Map<String, Object> data) {
            return names.contains(String.valueOf(data.get("display_name")))
                    || names.contains(String.valueOf(data.get("reason")));
        }
    }

    /** What one step added to {@code captured}, {@code heldForCommit} and {@code droppedRollback}. */
    record Counts(long captured, long heldForCommit, long droppedRollback) {

        static Counts of(JsonNode endpoint) {
            JsonNode metrics = endpoint.path("metrics");
            return new Counts(counter(metrics, "captured"), counter(metrics, "heldForCommit"),
                    counter(metrics, "droppedRollback"));
        }

        Counts minus(Counts earlier) {
            return new Counts(captured - earlier.captured, heldForCommit - earlier.heldForCommit,
                    droppedRollback - earlier.droppedRollback);
        }

        private static long counter(JsonNode parent, String name) {
            JsonNode value = parent.path(name);
            if (!value.isIntegralNumber()) {
                throw new AssertionError("GET /actuator/auditweave has no counter " + name + " in " + parent);
            }
            return value.asLong();
        }
    }

    private TransactionScenario() {
    }

    /** Every step, in order; returns what each added to the counters. */
    static Map<Step, Counts> drive(SampleAppSession session, Supplier<String> context)
            throws IOException, InterruptedException {
        Map<Step, Counts> counted = new EnumMap<>(Step.class);
        Counts before = Counts.of(session.auditweaveEndpoint());
        for (Step step : Step.values()) {
            run(step, session, context);
            Counts after = Counts.of(session.auditweaveEndpoint());
            counted.put(step, after.minus(before));
            before = after;
        }
        return counted;
    }

    /** The events all steps must deliver, in any order. */
    static List<TypedData> arrivingEvents() {
        return Arrays.stream(Step.values()).flatMap(step -> step.arriving().stream()).toList();
    }

    /** The {@code droppedRollback} all steps must add up to. */
    static long droppedRollback() {
        return Arrays.stream(Step.values()).mapToLong(step -> step.counts().droppedRollback()).sum();
    }

    private static void run(Step step, SampleAppSession session, Supplier<String> context)
            throws IOException, InterruptedException {
        String carol = displayName(session, CAROL);
        String dave = displayName(session, DAVE);
        switch (step) {
            case OUTER_THROWS -> {
                expectStatus(step, session.transactionOutcome(CAROL, "rename-then-fail",
                        Map.of("name", "carol-outer-throws")), 409, context);
                expectName(step, session, CAROL, carol, context);
            }
            case ROLLBACK_ONLY -> {
                expectStatus(step, session.transactionOutcome(CAROL, "rename-then-rollback-only",
                        Map.of("name", "carol-rollback-only")), 200, context);
                expectName(step, session, CAROL, carol, context);
            }
            case COMMIT_FAILS -> {
                expectStatus(step, session.rename(CAROL, TAKEN_NAME), 409, context);
                expectName(step, session, CAROL, carol, context);
            }
            case REQUIRES_NEW_COMMITS_OUTER_ROLLS_BACK -> {
                expectStatus(step, session.transactionOutcome(CAROL, "rename-both-then-fail",
                        Map.of("name", "carol-requires-new-outer", "otherUser", DAVE,
                                "otherName", "dave-requires-new-inner")), 409, context);
                expectName(step, session, CAROL, carol, context);
                expectName(step, session, DAVE, "dave-requires-new-inner", context);
            }
            case COMMITS -> {
                expectStatus(step, session.rename(CAROL, "carol-committed"), 200, context);
                expectName(step, session, CAROL, "carol-committed", context);
            }
            case IMMEDIATE_DESPITE_ROLLBACK -> {
                expectStatus(step, session.transactionOutcome(DAVE, "request-rename-then-fail",
                        Map.of("name", "dave-requested")), 409, context);
                expectName(step, session, DAVE, dave, context);
            }
            case REPOSITORY_METHOD_OUTER_THROWS -> {
                expectStatus(step, session.transactionOutcome(CAROL, "block-then-fail",
                        Map.of("reason", "repository-outer-throws")), 409, context);
                assertThat(session.user(CAROL).path("blocked").asBoolean())
                        .as(() -> step + ": the block rolled back\n" + context.get()).isFalse();
            }
            default -> throw new IllegalStateException(String.valueOf(step));
        }
    }

    private static String displayName(SampleAppSession session, String userId)
            throws IOException, InterruptedException {
        return session.user(userId).path("displayName").asText();
    }

    private static void expectStatus(Step step, int status, int expected, Supplier<String> context) {
        assertThat(status).as(() -> step + ": the app's HTTP status\n" + context.get()).isEqualTo(expected);
    }

    private static void expectName(Step step, SampleAppSession session, String userId, String expected,
                                   Supplier<String> context) throws IOException, InterruptedException {
        assertThat(displayName(session, userId))
                .as(() -> step + ": " + userId + "'s display name afterwards\n" + context.get()).isEqualTo(expected);
    }

    private static TypedData renamed(String userId, String displayName) {
        return new TypedData(RENAMED, Map.of("kilo_user_id", userId, "display_name", displayName));
    }
}
