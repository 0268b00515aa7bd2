package dev.auditweave.sink.kafka;

import dev.auditweave.agent.spi.SinkEvent;
import java.util.Map;

/** A {@link SinkEvent} of the unit tests. */
record TestEvent(String id, String type, long occurredAt, Map<String, Object> data) implements SinkEvent {

    static TestEvent blocked(String id, String userId) {
        return new TestEvent(id, "user.blocked", 1_716_000_000_000L, Map.of("kilo_user_id", userId));
    }
}
