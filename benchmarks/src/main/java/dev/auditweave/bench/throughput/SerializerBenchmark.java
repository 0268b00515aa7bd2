package dev.auditweave.bench.throughput;

import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.event.EventIds;
import dev.auditweave.agent.internal.sink.EventJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The serialiser alone, on one thread: {@code EventJson.envelope} of a batch of 500 events shaped like
 * {@code user.blocked} (random id, type, occurred_at, two string fields). Score: events per second on one core.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar quick Serializer}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SerializerBenchmark {

    static final int BATCH = 500;

    private List<Event> batch;

    @Setup
    public void setUp() {
        batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("kilo_user_id", "u-" + i);
            data.put("reason", "spam");
            batch.add(new Event(EventIds.random(), "user.blocked", 1_716_000_000_000L + i, data));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public byte[] envelope500() {
        return EventJson.envelope(batch);
    }
}
