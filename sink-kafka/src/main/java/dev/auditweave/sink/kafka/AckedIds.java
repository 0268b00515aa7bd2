package dev.auditweave.sink.kafka;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The ids of events the broker acknowledged in a batch whose outcome was nevertheless a retry (another event of it
 * failed): when the delivery core sends that batch again, these are not produced a second time. Bounded: past
 * {@code capacity} ids the oldest are forgotten (at worst, one duplicate each, which the id header lets a consumer
 * drop). Used by the sink's worker thread only.
 */
final class AckedIds {

    private final int capacity;
    private final Set<String> ids = new LinkedHashSet<>();

    /** @throws IllegalArgumentException for a capacity below 1 */
    AckedIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    void add(String id) {
        ids.add(id);
        Iterator<String> oldest = ids.iterator();
        while (ids.size() > capacity) {
            oldest.next();
            oldest.remove();
        }
    }

    boolean contains(String id) {
        return ids.contains(id);
    }

    /** Forgets {@code id}: its batch's outcome has been reported. */
    void remove(String id) {
        ids.remove(id);
    }

    int size() {
        return ids.size();
    }
}
