package dev.auditweave.agent.internal.dispatch;

import dev.auditweave.agent.internal.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jctools.queues.atomic.MpscAtomicArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The caller's cost of one offer to a sink's queue, the hot path of every emit: the bounded array queue of before
 * issue 11 ({@code MpscAtomicArrayQueue} of 16,384 slots, the rounded default of 10,000) against {@link EventQueue}
 * (a chunked queue of 262,144 events that grows and shrinks, bounded also by the events' estimated bytes, which costs
 * an estimate of the event and one atomic add per offer). Three callers offer while one worker drains in batches of
 * 500, as the dispatch worker does. In the same package as {@link EventQueue}, which is package-private.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar QueueOffer} from the repository root.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class QueueOfferBenchmark {

    private static final Event EVENT = new Event("5c0e3f4a-0000-4000-8000-000000000001", "user.blocked",
            1_716_000_000_000L, Map.of("kilo_user_id", "u-123456", "reason", "spam", "rows", 1L));

    private MpscAtomicArrayQueue<Event> before;
    private EventQueue after;
    private final List<Event> drained = new ArrayList<>(500);

    @Setup(Level.Iteration)
    public void setUp() {
        before = new MpscAtomicArrayQueue<>(10_000);
        after = new EventQueue(262_144, 64L << 20);
    }

    @Benchmark
    @Group("before")
    @GroupThreads(3)
    public boolean offerBefore() {
        return before.offer(EVENT);
    }

    @Benchmark
    @Group("before")
    @GroupThreads(1)
    public int drainBefore() {
        drained.clear();
        return before.drain(drained::add, 500);
    }

    @Benchmark
    @Group("after")
    @GroupThreads(3)
    public boolean offerAfter() {
        return after.offer(EVENT);
    }

    @Benchmark
    @Group("after")
    @GroupThreads(1)
    public int drainAfter() {
        drained.clear();
        return after.drain(drained, 500);
    }
}
