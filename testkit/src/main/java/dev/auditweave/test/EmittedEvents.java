package dev.auditweave.test;

import dev.auditweave.agent.EmittedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The events one test method emitted, in the order they left for delivery (after their transaction committed and
 * their enrichers ran), recorded by {@link AuditweaveExtension} from the end of the {@code @BeforeEach} methods to
 * the return of the test method. Ask for it as a parameter of the test method and assert on it with
 * {@link AuditweaveAssertions#assertThat}:
 *
 * <pre>{@code
 * @ExtendWith(AuditweaveExtension.class)
 * class UserServiceTest {
 *     @Test
 *     void blockingAUserEmitsUserBlocked(EmittedEvents events) {
 *         users.blockUser("u-1", "spam");
 *         assertThat(events).containsEvent("user.blocked").withData("kilo_user_id", "u-1");
 *         EmittedEvent blocked = events.awaitFirst("user.blocked", Duration.ofSeconds(5));
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safe: events may be recorded on any thread (an enrichment thread, the thread that commits) while the
 * test reads. Each read returns an immutable snapshot.
 */
public final class EmittedEvents {

    private final String test;
    private final RuntimeView runtime;
    private final List<EmittedEvent> events = new ArrayList<>();
    /** The tests whose recording overlapped this one's (parallel execution), in the order they were seen. */
    private final Set<String> overlapping = new LinkedHashSet<>();

    EmittedEvents(String test, RuntimeView runtime) {
        this.test = Objects.requireNonNull(test, "test");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    /** Every event recorded so far, in order. */
    public List<EmittedEvent> all() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** The events of {@code type} recorded so far, in order. */
    public List<EmittedEvent> ofType(String type) {
        Objects.requireNonNull(type, "type");
        return all().stream().filter(event -> event.type().equals(type)).toList();
    }

    /** The type of every event recorded so far, in order, repeats included. */
    public List<String> types() {
        return all().stream().map(EmittedEvent::type).toList();
    }

    /** How many events were recorded so far. */
    public int size() {
        synchronized (events) {
            return events.size();
        }
    }

    /**
     * The first event of {@code type}, waiting for it at most {@code timeout} (an event emitted on another thread,
     * after a commit, after enrichment).
     *
     * <pre>{@code
     * EmittedEvent signin = events.awaitFirst("signin", Duration.ofSeconds(5));
     * assertThat(signin.data()).containsKey("org_memberships");
     * }</pre>
     *
     * @throws AssertionError when none came in time, listing what the test emitted instead
     */
    public EmittedEvent awaitFirst(String type, Duration timeout) {
        Objects.requireNonNull(type, "type");
        Waiting.checked(timeout);
        Predicate<EmittedEvent> ofType = event -> event.type().equals(type);
        List<EmittedEvent> seen = awaitUntil(all -> all.stream().anyMatch(ofType), timeout);
        return seen.stream().filter(ofType).findFirst().orElseThrow(() -> new AssertionError(
                "Expected an event of type " + EventText.value(type) + " within " + Waiting.text(timeout)
                        + ", but the test emitted " + EventText.emitted(seen) + hint(seen)));
    }

    /** What the test emitted so far, one event a line. */
    @Override
    public String toString() {
        return "events of " + test + ": " + EventText.emitted(all());
    }

    // ---- for the extension and the assertions ----

    /** The test this recording belongs to, by display name. */
    String test() {
        return test;
    }

    void record(EmittedEvent event) {
        synchronized (events) {
            events.add(event);
            events.notifyAll();
        }
    }

    /** Waits until {@code condition} holds for the events recorded, at most {@code timeout}; returns them then. */
    List<EmittedEvent> awaitUntil(Predicate<List<EmittedEvent>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            while (!condition.test(events)) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(events, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return List.copyOf(events);
        }
    }

    /**
     * Waits until auditweave holds no released event that the recording has not seen (none in enrichment), at most
     * {@code timeout}: after this, an event absent from the recording was not emitted by what the test did and
     * awaited. {@code false} when enrichment did not finish in time.
     */
    boolean settle(Duration timeout) {
        return runtime.awaitEnrichment(timeout);
    }

    /** Another test recorded while this one did: their events are mixed. */
    void overlappedWith(String other) {
        synchronized (overlapping) {
            overlapping.add(other);
        }
    }

    /** The tests that recorded at the same time, empty when none did. */
    List<String> overlapping() {
        synchronized (overlapping) {
            return List.copyOf(overlapping);
        }
    }

    /** For a message that says nothing was emitted: why that may be. */
    String hint(List<EmittedEvent> seen) {
        if (!seen.isEmpty() || runtime.hasSinks()) {
            return "";
        }
        return "\n(auditweave has no sink, so it captures nothing: is auditweave.sink=none?)";
    }
}
