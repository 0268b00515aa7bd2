package dev.auditweave.sink.kafka;

import dev.auditweave.agent.ConfigException;
import dev.auditweave.agent.spi.SinkContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The settings of one Kafka sink, read from its {@link SinkContext}: {@code topic} (required), {@code key} (a
 * {@link RecordKey} path, optional), {@code timeout-ms} (how long one batch may take, 10 s), and the producer's own
 * properties passed through from {@code kafka.<property>} ({@code kafka.bootstrap.servers} required) over the
 * sink's defaults: {@code acks=all}, {@code enable.idempotence=true}, {@code linger.ms=0} (the delivery core batches
 * already), {@code max.block.ms} and {@code delivery.timeout.ms} of {@code timeout-ms}, so that a send never blocks
 * the sink's worker longer, and {@code request.timeout.ms} fitting inside {@code delivery.timeout.ms}. Immutable.
 *
 * <pre>{@code
 * // auditweave.sink.events.type=kafka
 * // auditweave.sink.events.topic=abuse-events
 * // auditweave.sink.events.key=data.kilo_user_id
 * // auditweave.sink.events.kafka.bootstrap.servers=broker-1:9092,broker-2:9092
 * // auditweave.sink.events.kafka.compression.type=zstd
 * ProducerSettings settings = ProducerSettings.read(context);
 * new KafkaProducer<>(settings.properties(), new ByteArraySerializer(), new ByteArraySerializer());
 * }</pre>
 */
record ProducerSettings(String topic, RecordKey key, Duration ackWait, Map<String, Object> properties) {

    /** The prefix of the producer's own properties. */
    static final String KAFKA = "kafka.";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Beyond {@code delivery.timeout.ms}: the time Kafka takes to complete a record it expired. */
    static final Duration GRACE = Duration.ofSeconds(1);

    /** Kafka's own rule for a topic name. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final String DELIVERY_TIMEOUT = "delivery.timeout.ms";
    private static final String LINGER = "linger.ms";
    private static final String REQUEST_TIMEOUT = "request.timeout.ms";

    /** @throws NullPointerException for a null argument */
    ProducerSettings {
        java.util.Objects.requireNonNull(topic, "topic");
        java.util.Objects.requireNonNull(key, "key");
        java.util.Objects.requireNonNull(ackWait, "ackWait");
        properties = Map.copyOf(properties);
    }

    /** @throws ConfigException naming the key, the value and what is expected, for a setting that does not fit */
    static ProducerSettings read(SinkContext context) {
        String topic = context.requireString("topic");
        if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw context.invalid("topic", "expected a Kafka topic name: 1 to 249 letters, digits, ., _ or -");
        }
        RecordKey key = context.string("key").map(path -> parseKey(context, path)).orElse(RecordKey.none());
        Duration timeout = context.millis("timeout-ms", DEFAULT_TIMEOUT, Duration.ofMillis(100),
                Duration.ofMinutes(10));
        Map<String, String> passed = context.withPrefix(KAFKA);
        for (String fixed : new String[] {"key.serializer", "value.serializer"}) {
            if (passed.containsKey(fixed)) {
                throw context.invalid(KAFKA + fixed, "the Kafka sink sends bytes (the event's JSON) with its own"
                        + " serializers; leave " + fixed + " out");
            }
        }
        if (!passed.containsKey("bootstrap.servers")) {
            context.requireString(KAFKA + "bootstrap.servers");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("client.id", "auditweave-" + context.name());
        properties.put("acks", "all");
        properties.put("enable.idempotence", "true");
        properties.put(LINGER, "0");
        properties.put("max.block.ms", String.valueOf(timeout.toMillis()));
        properties.put(DELIVERY_TIMEOUT, String.valueOf(timeout.toMillis()));
        properties.putAll(passed);
        long delivery = millis(context, properties, DELIVERY_TIMEOUT);
        long linger = millis(context, properties, LINGER);
        if (!passed.containsKey(REQUEST_TIMEOUT)) {
            properties.put(REQUEST_TIMEOUT, String.valueOf(Math.max(1, delivery - linger)));
        }
        return new ProducerSettings(topic, key, Duration.ofMillis(delivery).plus(GRACE), properties);
    }

    private static RecordKey parseKey(SinkContext context, String path) {
        try {
            return RecordKey.parse(path);
        } catch (IllegalArgumentException e) {
            throw context.invalid("key", e.getMessage());
        }
    }

    private static long millis(SinkContext context, Map<String, Object> properties, String property) {
        String text = String.valueOf(properties.get(property)).strip();
        try {
            long value = Long.parseLong(text);
            if (value >= 0 && value <= Integer.MAX_VALUE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // not a number: the same message as out of range
        }
        throw context.invalid(KAFKA + property, "expected a whole number of milliseconds from 0 to "
                + Integer.MAX_VALUE);
    }
}
