package dev.auditweave.sink.kafka;

import dev.auditweave.agent.ConfigException;
import dev.auditweave.agent.spi.Sink;
import dev.auditweave.agent.spi.SinkContext;
import dev.auditweave.agent.spi.SinkProvider;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The sink type {@code kafka}: each event one record of a topic, keyed for per-identity ordering, produced by an
 * idempotent producer with {@code acks=all}, its id in the header {@code auditweave-event-id}.
 *
 * <pre>{@code
 * auditweave.sinks=events
 * auditweave.sink.events.type=kafka
 * auditweave.sink.events.topic=abuse-events
 * auditweave.sink.events.key=data.kilo_user_id
 * auditweave.sink.events.kafka.bootstrap.servers=broker-1:9092,broker-2:9092
 * auditweave.sink.events.kafka.compression.type=zstd
 * auditweave.spool.dir=/var/spool/billing-events
 * }</pre>
 *
 * <p>Listed in {@code META-INF/services/dev.auditweave.agent.spi.SinkProvider}; found by the runtime's
 * {@link java.util.ServiceLoader} search on the application's class path, with the agent or woven at build time.
 * See docs/delivery.md, "The Kafka sink".
 */
public final class KafkaSinkProvider implements SinkProvider {

    /** For the {@link java.util.ServiceLoader}. */
    public KafkaSinkProvider() {
    }

    @Override
    public String type() {
        return "kafka";
    }

    /**
     * Makes the sink {@code context.name()} and its producer (which connects lazily: a broker down at start-up is a
     * retry of the first batches, not a start-up error).
     *
     * @throws ConfigException for a setting that does not fit, or producer properties Kafka refuses
     */
    @Override
    public Sink create(SinkContext context) {
        ProducerSettings settings = ProducerSettings.read(context);
        KafkaProducer<byte[], byte[]> producer;
        try {
            producer = new KafkaProducer<>(settings.properties(), new ByteArraySerializer(),
                    new ByteArraySerializer());
        } catch (KafkaException e) {
            throw new ConfigException(context.key(ProducerSettings.KAFKA + "*"), context.key(ProducerSettings.KAFKA
                    + "*") + ": the Kafka producer refused its properties: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
        }
        context.info("producing to topic " + settings.topic() + " of "
                + settings.properties().get("bootstrap.servers") + ", key " + settings.key());
        return new KafkaSink(producer, settings.topic(), settings.key(), settings.ackWait(), context, System::nanoTime);
    }
}
