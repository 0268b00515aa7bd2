package dev.auditweave.sink.kafka.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kafka sink against a real KRaft broker on loopback, in both weaving modes: events delivered while the broker
 * is up, then the broker stopped (the events of that time are retried and spooled), then started again on the same
 * port: every event arrives exactly once, by the id in its {@code auditweave-event-id} header, keyed by its user.
 */
class KafkaDeliveryIT {

    private static final int PARTITIONS = 3;
    private static final int BEFORE = 20;
    private static final int TOTAL = 40;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** How often a wait reads the counters again. */
    private static final Duration POLL = Duration.ofMillis(50);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private static Map<String, String> settings(String topic, Path spool) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("auditweave.sinks", "events");
        settings.put("auditweave.sink.events.type", "kafka");
        settings.put("auditweave.sink.events.topic", topic);
        settings.put("auditweave.sink.events.key", "data.kilo_user_id");
        settings.put("auditweave.sink.events.timeout-ms", "2000");
        settings.put("auditweave.sink.events.kafka.bootstrap.servers", broker.bootstrapServers());
        settings.put("auditweave.sink.events.kafka.reconnect.backoff.max.ms", "500");
        settings.put("auditweave.sink.events.retry.max-attempts", "2");
        settings.put("auditweave.sink.events.retry.initial-backoff-ms", "100");
        settings.put("auditweave.sink.events.retry.max-backoff-ms", "500");
        settings.put("auditweave.spool.dir", spool.toString());
        return settings;
    }

    private static Path runDirectory(String mode) throws IOException {
        Path directory = Path.of(System.getProperty("auditweave.it.runDir", "target/it-runs"), "kafka-" + mode)
                .toAbsolutePath();
        if (Files.exists(directory.resolve("spool"))) {
            try (var files = Files.walk(directory.resolve("spool"))) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(directory);
        return directory;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"agent", "woven"})
    void brokerDownThenBack_everyEventArrivesOnce_keyedByItsUser(String mode) throws Exception {
        String topic = "abuse-events-" + mode;
        broker.createTopic(topic, PARTITIONS);
        Path directory = runDirectory(mode);
        Map<String, String> settings = settings(topic, directory.resolve("spool"));

        try (App app = mode.equals("agent") ? new AgentApp(settings, directory.resolve("child"))
                : new WovenApp(settings)) {
            app.emit(1, BEFORE);
            await(app, metrics -> metrics.get("delivered") == BEFORE, "the first events delivered");

            broker.stopBroker();
            try {
                app.emit(BEFORE + 1, TOTAL);
                await(app, metrics -> metrics.get("spooled") > 0, "events spooled while the broker is down");
            } finally {
                broker.startBroker();
            }

            Map<String, Long> metrics = await(app, counters -> counters.get("delivered") == TOTAL,
                    "every event delivered after the broker came back");
            assertThat(metrics).as("counters").containsEntry("failed", 0L).containsEntry("dropped", 0L)
                    .containsEntry("deadLettered", 0L).containsEntry("lost", 0L);
            assertThat(metrics.get("retried")).as("retried while the broker was down").isPositive();
            assertThat(metrics.get("replayed")).as("replayed from the spool").isPositive();
        }

        List<KafkaBroker.Received> records = broker.records(topic, PARTITIONS, Duration.ofSeconds(30));
        assertThat(records).extracting(KafkaBroker.Received::id).as("one record per event id")
                .doesNotHaveDuplicates().hasSize(TOTAL);
        assertThat(records).extracting(record -> json(record.value()).path("data").path("kilo_user_id").asText())
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, TOTAL).mapToObj(i -> "u-" + i).toList());
        assertThat(records).allSatisfy(record -> {
            JsonNode event = json(record.value());
            assertThat(record.key()).isEqualTo(event.path("data").path("kilo_user_id").asText());
            assertThat(record.id()).isEqualTo(event.path("id").asText());
            assertThat(record.type()).isEqualTo("user.blocked").isEqualTo(event.path("type").asText());
        });
    }

    private static Map<String, Long> await(App app, Predicate<Map<String, Long>> condition, String what)
            throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Map<String, Long> metrics = app.metrics();
        while (!condition.test(metrics)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE + ": " + what + "; counters " + metrics
                        + (app instanceof AgentApp child ? "\n" + child.stderr() : ""));
            }
            LockSupport.parkNanos(POLL.toNanos());
            metrics = app.metrics();
        }
        return metrics;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
