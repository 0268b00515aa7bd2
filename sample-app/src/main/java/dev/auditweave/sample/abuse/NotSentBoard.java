package dev.auditweave.sample.abuse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The demo's "rightly not sent" lists, as the demo launcher posts them: one list per run, the latest one kept. */
public final class NotSentBoard {

    private final Map<String, List<NotSentItem>> byRun = new LinkedHashMap<>();

    /** Replaces the list of {@code run}. */
    public synchronized void put(String run, List<NotSentItem> items) {
        byRun.put(run, List.copyOf(items));
    }

    /** Every run's items, in the order the runs were first posted. */
    public synchronized List<NotSentItem> all() {
        List<NotSentItem> all = new ArrayList<>();
        byRun.values().forEach(all::addAll);
        return all;
    }
}
