package dev.auditweave.samplespring.faults;

import dev.auditweave.agent.EventEnricher;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An enricher with faults injected for chosen users (by the event's {@code kilo_user_id}): for one of
 * {@code throwFor} its look-up throws; for one of {@code hangFor} it waits for {@code hang} first (interruptibly:
 * auditweave's deadline watch interrupts it when the event's budget ran out); for anyone else it is the enricher it
 * wraps. Only for the integration suite, see {@link EnricherFaultsConfiguration}.
 */
final class FaultyEnricher implements EventEnricher {

    private final EventEnricher delegate;
    private final Set<String> throwFor;
    private final Set<String> hangFor;
    private final Duration hang;

    FaultyEnricher(EventEnricher delegate, Set<String> throwFor, Set<String> hangFor, Duration hang) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.throwFor = Set.copyOf(throwFor);
        this.hangFor = Set.copyOf(hangFor);
        if (hang.isNegative()) {
            throw new IllegalArgumentException("a hang cannot be negative: " + hang);
        }
        this.hang = hang;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Map<String, ?> enrich(String type, Map<String, Object> data) throws Exception {
        if (data.get("kilo_user_id") instanceof String userId) {
            if (throwFor.contains(userId)) {
                throw new IllegalStateException("injected fault (sample.faults.enrich.throw-for): the look-up for "
                        + userId + " failed");
            }
            if (hangFor.contains(userId)) {
                Thread.sleep(hang.toMillis());
            }
        }
        return delegate.enrich(type, data);
    }
}
