package dev.auditweave.agent.internal.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Time that moves only when told, or when the worker sleeps (each sleep recorded): no test waits for real. */
final class FakeClock implements Ticker, Sleeper {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Long> sleeps = new ArrayList<>();

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleep(long nanos) {
        synchronized (sleeps) {
            sleeps.add(nanos);
        }
        now.addAndGet(nanos);
    }

    void advance(long nanos) {
        now.addAndGet(nanos);
    }

    /** Every wait the worker slept through, in order, in nanoseconds. */
    List<Long> sleeps() {
        synchronized (sleeps) {
            return List.copyOf(sleeps);
        }
    }
}
