package dev.auditweave.agent.metrics;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the calls whose guard was false, for one {@code @EmitsAbuseEvent}: the guard-false path is the hot one,
 * so each annotation has its own striped counter (no shared cache line, no allocation, no look-up), and
 * {@link #total()} sums them all only when the metrics are read.
 *
 * <pre>{@code
 * if (!spec.guard().test(args, result, now)) { spec.guardedOut().increment(); return; }
 * }</pre>
 */
public final class GuardCounter {

    /** Every counter ever made; one per compiled annotation, so bounded by the application's code. */
    private static final Queue<GuardCounter> ALL = new ConcurrentLinkedQueue<>();

    private final LongAdder count = new LongAdder();

    public GuardCounter() {
        ALL.add(this);
    }

    public void increment() {
        count.increment();
    }

    public long sum() {
        return count.sum();
    }

    /** Guard-false calls of every annotation in this JVM since it started. */
    public static long total() {
        long total = 0;
        for (GuardCounter counter : ALL) {
            total += counter.count.sum();
        }
        return total;
    }

    @Override
    public String toString() {
        return "GuardCounter[" + sum() + "]";
    }
}
