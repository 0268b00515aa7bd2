package dev.auditweave.sample.abuse;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The unknown event types seen so far; each is logged once, the first time it arrives. */
final class UnknownTypes {

    private static final Logger LOG = LoggerFactory.getLogger(UnknownTypes.class);

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /** Notes an unknown type; returns whether it was new (and so logged). */
    boolean note(String type) {
        boolean first = seen.add(type);
        if (first) {
            LOG.info("accepted an event of unknown type '{}': stored, scored 0 (logged once per type)", type);
        }
        return first;
    }

    List<String> all() {
        return seen.stream().sorted().toList();
    }
}
