package dev.auditweave.bench.throughput;

import dev.auditweave.agent.Auditweave;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.bench.woven.WovenUserService;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second delivered end to end to a real Kafka broker on loopback (one KRaft node of Kafka's test kit in
 * this JVM, a topic of 3 partitions): {@code threads} caller threads call the compile-time woven method, the
 * {@code kafka} sink (batches of 500, key {@code data.kilo_user_id}, {@code acks=all}, idempotent) produces them,
 * and one operation ends only when the sink's ledger counts every event of it delivered (acknowledged by the
 * broker). Broker, callers and the sink's worker share the machine's cores.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar quick KafkaThroughput} from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class KafkaThroughputBenchmark {

    static final int EVENTS = 50_000;
    static final String TOPIC = "abuse-events";

    @Param({"1", "8"})
    public int threads;

    private KafkaClusterTestKit cluster;
    private ExecutorService callers;
    private WovenUserService woven;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
                .setNumControllerNodes(1).setNumBrokerNodes(1).build()).build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("auditweave.sinks", "events");
        settings.put("auditweave.sink.events.type", "kafka");
        settings.put("auditweave.sink.events.topic", TOPIC);
        settings.put("auditweave.sink.events.key", "data.kilo_user_id");
        settings.put("auditweave.sink.events.kafka.bootstrap.servers", cluster.bootstrapServers());
        settings.put("auditweave.sink.events.batch.max-events", "500");
        settings.put("auditweave.sink.events.batch.max-delay-ms", "10");
        settings.put("auditweave.sink.events.queue.capacity", Integer.toString(1 << 20));
        Auditweave.start(settings, "KafkaThroughputBenchmark");
        callers = Executors.newFixedThreadPool(threads);
        woven = new WovenUserService();
        woven.setRows(1);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        AuditweaveMetrics metrics = Auditweave.metrics("events");
        System.out.println();
        System.out.println("kafka sink: enqueued " + metrics.enqueued() + ", delivered " + metrics.delivered()
                + ", retried " + metrics.retried() + ", failed " + metrics.failed() + ", dropped " + metrics.dropped());
        Auditweave.stop(Duration.ofSeconds(10));
        callers.shutdownNow();
        cluster.close();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void auditweaveToKafka() throws InterruptedException {
        AuditweaveMetrics before = Auditweave.metrics("events");
        long target = before.delivered() + before.failed() + before.dropped() + EVENTS;
        CountDownLatch done = new CountDownLatch(threads);
        int each = EVENTS / threads;
        for (int t = 0; t < threads; t++) {
            int calls = t == 0 ? EVENTS - each * (threads - 1) : each;
            int first = t * each;
            callers.execute(() -> {
                for (int i = 0; i < calls; i++) {
                    woven.blockUser("u-" + ((first + i) % 1000), "spam");
                }
                done.countDown();
            });
        }
        done.await();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            AuditweaveMetrics now = Auditweave.metrics("events");
            if (now.delivered() + now.failed() + now.dropped() >= target) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not delivered within 120 s: " + now);
            }
            LockSupport.parkNanos(200_000);
        }
    }
}
