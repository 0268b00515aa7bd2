package dev.auditweave.sink.kafka.it;

import java.util.Map;

/** The application under test, in one weaving mode: it blocks users and reports the counters of sink events. */
interface App extends AutoCloseable {

    /** Blocks users u-from to u-to, one event each. */
    void emit(int from, int to) throws Exception;

    /** The counters of sink {@code events}, by name ({@code delivered}, {@code retried}, {@code spooled}, ...). */
    Map<String, Long> metrics() throws Exception;

    /** Parses {@code delivered=1 retried=0 ...}. */
    static Map<String, Long> parse(String words) {
        Map<String, Long> metrics = new java.util.LinkedHashMap<>();
        for (String word : words.strip().split(" ")) {
            String[] pair = word.split("=", 2);
            metrics.put(pair[0], Long.parseLong(pair[1]));
        }
        return metrics;
    }
}
