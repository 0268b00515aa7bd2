package dev.auditweave.it.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditweave.it.spring.ModerationScenario.TypedData;
import dev.auditweave.testing.LoopbackReceiver;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Bug class 6 (enrichment off the calling thread, shared/field-notes.md) in the sample app: the sign-up of an invited
 * user ({@code POST /api/auth/signup/invited}) is an {@code auth.signup} event whose {@code org_memberships} the
 * sample's {@code EventEnricher} bean ({@code auth-context}, a JPA look-up) adds after the commit. The membership is
 * written after the annotated method returned, in the same transaction, so it is in the event only because the
 * look-up ran after the commit. Each sign-up sends a {@code User-Agent} and, as a proxy on loopback would, an
 * {@code X-Forwarded-For}: the event's {@code ip_address} and {@code user_agent} are what it sent (loopback is a
 * trusted proxy of the runs). The app runs with {@link #LAUNCH_PROPERTIES}: the look-up throws for
 * {@link #THROWS} and hangs (interruptibly, far past the budget) for {@link #HANGS}.
 *
 * <p>Each {@link Step} runs once, checked through the app's answers at once; when the run emits, the step then waits
 * until its event reached the receiver (enrichment is asynchronous, and the counters of an enricher's failure or
 * timeout are counted before the event is handed on), and what it added to the counters of
 * {@code GET /actuator/auditweave} is kept for the tests.
 */
final class EnrichmentScenario {

    static final String ORGANIZATION = "org-7";
    static final String ENRICHED = "u-5";
    static final String ROLLED_BACK = "u-6";
    static final String THROWS = "u-7";
    static final String HANGS = "u-8";
    static final String ENRICHER = "auth-context";
    static final String SIGNUP = "auth.signup";
    /** The emit site the sample adds for these steps. */
    static final List<String> SITE_TYPES = List.of(SIGNUP);
    /** The enrichment budget of the runs: ample for an H2 look-up on loaded cores, and the hanging step's cost. */
    static final long BUDGET_MS = 1500;
    /** What the sample app is started with for these steps. */
    static final List<String> LAUNCH_PROPERTIES = List.of("auditweave.enrich.timeout-ms=" + BUDGET_MS,
            "auditweave.context.trusted-proxies=127.0.0.1,::1",
            "sample.faults.enrich.enabled=true", "sample.faults.enrich.throw-for=" + THROWS,
            "sample.faults.enrich.hang-for=" + HANGS);
    /** How long a step waits for its event at the receiver: its budget, the batch delay, two loaded cores. */
    private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(30);

    /** One sign-up, with what auditweave must make of it: the events that arrive, how the counters grow. */
    enum Step {
        /** Committed: the event arrives with the membership the transaction wrote after the annotated call. */
        ENRICHED_AFTER_COMMIT(ENRICHED, 200,
                List.of(signup(ENRICHED, List.of(Map.of("organization_id", ORGANIZATION, "role", "owner")))),
                new Counts(1, 1, 0, 0, 0)),
        /** The outer method throws after the sign-up: rolled back, never enriched, never sent. */
        ROLLED_BACK_SIGN_UP(ROLLED_BACK, 409, List.of(), new Counts(1, 1, 1, 0, 0)),
        /** The look-up throws: the event arrives without {@code org_memberships}, counted {@code enrichFailed}. */
        ENRICHER_THROWS(THROWS, 200, List.of(signup(THROWS, null)), new Counts(1, 1, 0, 1, 0)),
        /** The look-up hangs past the budget: the event arrives without it, counted {@code enrichTimedOut}. */
        ENRICHER_HANGS(HANGS, 200, List.of(signup(HANGS, null)), new Counts(1, 1, 0, 0, 1));

        private final String userId;
        private final int status;
        private final List<TypedData> arriving;
        private final Counts counts;

        Step(String userId, int status, List<TypedData> arriving, Counts counts) {
            this.userId = userId;
            this.status = status;
            this.arriving = arriving;
            this.counts = counts;
        }

        /** The events that must reach the receiver. */
        List<TypedData> arriving() {
            return arriving;
        }

        /** How much the step must add to the counters. */
        Counts counts() {
            return counts;
        }

        /** Whether {@code data} belongs to this step: its {@code kilo_user_id} is the step's user. */
        boolean owns(Map<String, Object> data) {
            return userId.equals(data.get("kilo_user_id"));
        }
    }

    /** What one step added to the counters of {@code GET /actuator/auditweave}. */
    record Counts(long captured, long heldForCommit, long droppedRollback, long enrichFailed, long enrichTimedOut) {

        static Counts of(JsonNode endpoint) {
            JsonNode metrics = endpoint.path("metrics");
            return new Counts(counter(metrics, "captured"), counter(metrics, "heldForCommit"),
                    counter(metrics, "droppedRollback"), counter(metrics, "enrichFailed"),
                    counter(metrics, "enrichTimedOut"));
        }

        Counts minus(Counts earlier) {
            return new Counts(captured - earlier.captured, heldForCommit - earlier.heldForCommit,
                    droppedRollback - earlier.droppedRollback, enrichFailed - earlier.enrichFailed,
                    enrichTimedOut - earlier.enrichTimedOut);
        }

        private static long counter(JsonNode parent, String name) {
            JsonNode value = parent.path(name);
            if (!value.isIntegralNumber()) {
                throw new AssertionError("GET /actuator/auditweave has no counter " + name + " in " + parent);
            }
            return value.asLong();
        }
    }

    private EnrichmentScenario() {
    }

    /**
     * Every step, in order (the hanging one last: until its call is interrupted, the enricher is skipped for other
     * events); when {@code emits}, each waits for its events at {@code receiver}. Returns what each step added to the
     * counters.
     */
    static Map<Step, Counts> drive(SampleAppSession session, LoopbackReceiver receiver, boolean emits,
                                   Supplier<String> context) throws IOException, InterruptedException {
        Map<Step, Counts> counted = new EnumMap<>(Step.class);
        Counts before = Counts.of(session.auditweaveEndpoint());
        for (Step step : Step.values()) {
            run(step, session, context);
            if (emits && !step.arriving().isEmpty()) {
                awaitArrival(receiver, step);
            }
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
        String email = step.userId + "@example.com";
        int status = step == Step.ROLLED_BACK_SIGN_UP
                ? session.transactionOutcome(step.userId, "sign-up-invited-then-fail",
                        Map.of("email", email, "organizationId", ORGANIZATION, "role", "owner"))
                : session.signUpInvited(step.userId, email, ORGANIZATION, "owner");
        assertThat(status).as(() -> step + ": the app's HTTP status\n" + context.get()).isEqualTo(step.status);
        assertThat(session.exists(step.userId))
                .as(() -> step + ": whether " + step.userId + "'s account exists afterwards\n" + context.get())
                .isEqualTo(step.status == 200);
    }

    /**
     * Waits until an event of {@code step} reached the receiver, at most {@link #ARRIVAL_TIMEOUT}; one that never
     * arrives is reported by the step's test, which finds it missing.
     */
    private static void awaitArrival(LoopbackReceiver receiver, Step step) throws InterruptedException {
        long deadline = System.nanoTime() + ARRIVAL_TIMEOUT.toNanos();
        int seen = 0;
        while (true) {
            List<JsonNode> events = receiver.events();
            if (events.subList(seen, events.size()).stream().anyMatch(event -> isOf(step, event))) {
                return;
            }
            seen = events.size();
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || !receiver.awaitEvents(seen + 1, Duration.ofNanos(remaining))) {
                return;
            }
        }
    }

    private static boolean isOf(Step step, JsonNode event) {
        return event.path("type").asText().equals(SIGNUP)
                && step.userId.equals(event.path("data").path("kilo_user_id").asText(null));
    }

    /** An {@code auth.signup} event's type and data; {@code memberships} {@code null}: without the enriched field. */
    private static TypedData signup(String userId, List<Map<String, Object>> memberships) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kilo_user_id", userId);
        data.put("event_type", "signup");
        data.put("email", userId + "@example.com");
        data.put("ip_address", SampleAppSession.CLIENT_ADDRESS);
        data.put("user_agent", SampleAppSession.USER_AGENT);
        if (memberships != null) {
            data.put("org_memberships", memberships);
        }
        return new TypedData(SIGNUP, Map.copyOf(data));
    }
}
