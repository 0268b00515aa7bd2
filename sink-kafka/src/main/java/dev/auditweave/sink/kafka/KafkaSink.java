package dev.auditweave.sink.kafka;

import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.agent.spi.Sink;
import dev.auditweave.agent.spi.SinkContext;
import dev.auditweave.agent.spi.SinkEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Produces each event of a batch as one record of the topic (key from {@link RecordKey}, value the event's JSON in
 * the sink's format, headers {@value #ID_HEADER} and {@value #TYPE_HEADER}), then waits for every acknowledgement,
 * at most the producer's {@code delivery.timeout.ms} plus a grace: by then Kafka has completed every record, so a
 * retry never races a record still in the producer's buffer.
 *
 * <p>Outcomes: every record acknowledged, {@code delivered}; one whose failure may pass (broker unreachable, no
 * leader, timeout), {@code retry}, and the records of the batch that were acknowledged are remembered so that the
 * batch sent again does not produce them twice; one refused for good by the broker (too large, not authorised),
 * poison. Retries, backoff and the spool are the delivery core's; the producer's own retries stay within
 * {@code delivery.timeout.ms}.
 */
final class KafkaSink implements Sink {

    /** The header holding the event's id, UTF-8: the key to de-duplicate on. */
    static final String ID_HEADER = "auditweave-event-id";
    /** The header holding the event's type, UTF-8: to route without parsing the value. */
    static final String TYPE_HEADER = "auditweave-event-type";
    /** How many acknowledged ids of retried batches are remembered. */
    static final int ACKED_CAPACITY = 65_536;

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final RecordKey key;
    private final Duration wait;
    private final SinkContext context;
    private final LongSupplier nanoTime;
    private final AckedIds acked = new AckedIds(ACKED_CAPACITY);

    /**
     * @param producer the producer, owned (closed) by this sink
     * @param topic    where every record goes
     * @param key      the record key of an event
     * @param wait     how long a batch waits for its acknowledgements once its last record was handed over
     * @param context  the sink's context: its format and its log
     * @param nanoTime the clock of {@code wait}, {@link System#nanoTime} but in tests
     */
    KafkaSink(Producer<byte[], byte[]> producer, String topic, RecordKey key, Duration wait, SinkContext context,
              LongSupplier nanoTime) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.key = Objects.requireNonNull(key, "key");
        this.wait = Objects.requireNonNull(wait, "wait");
        this.context = Objects.requireNonNull(context, "context");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public SendResult send(List<? extends SinkEvent> batch) {
        List<SinkEvent> sent = new ArrayList<>(batch.size());
        List<Future<RecordMetadata>> futures = new ArrayList<>(batch.size());
        List<SendResult.Poison> poisoned = new ArrayList<>();
        Throwable retry = null;
        for (SinkEvent event : batch) {
            if (acked.contains(event.id())) {
                continue;
            }
            try {
                Future<RecordMetadata> future = producer.send(record(event));
                if (failedForNow(future)) {
                    // Metadata not to be had within max.block.ms: the broker is away, the rest would wait as long.
                    retry = cause(future);
                    break;
                }
                sent.add(event);
                futures.add(future);
            } catch (KafkaException e) {
                if (Failures.isFinal(e)) {
                    poisoned.add(new SendResult.Poison(event, Failures.describe(e)));
                } else {
                    retry = e;
                    break;
                }
            }
        }
        long deadline = nanoTime.getAsLong() + wait.toNanos();
        for (int i = 0; i < futures.size(); i++) {
            SinkEvent event = sent.get(i);
            try {
                futures.get(i).get(Math.max(0, deadline - nanoTime.getAsLong()), TimeUnit.NANOSECONDS);
                acked.add(event.id());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (Failures.isFinal(cause)) {
                    poisoned.add(new SendResult.Poison(event, Failures.describe(cause)));
                } else if (retry == null) {
                    retry = cause;
                }
            } catch (TimeoutException e) {
                if (retry == null) {
                    retry = new TimeoutException("no acknowledgement within " + wait.toMillis() + " ms");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                retry = e;
                break;
            }
        }
        return outcome(batch, poisoned, retry);
    }

    private SendResult outcome(List<? extends SinkEvent> batch, List<SendResult.Poison> poisoned, Throwable retry) {
        if (retry != null) {
            context.warn("cannot produce to topic " + topic + "; the batch is sent again later", retry);
            return SendResult.retry(Failures.describe(retry));
        }
        batch.forEach(event -> acked.remove(event.id()));
        if (poisoned.isEmpty()) {
            return SendResult.delivered();
        }
        context.warn("the broker refused events of topic " + topic + " for good; they are dead-lettered", null);
        return SendResult.partial(batch.size() - poisoned.size(), poisoned);
    }

    private ProducerRecord<byte[], byte[]> record(SinkEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader(ID_HEADER, event.id().getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(TYPE_HEADER, event.type().getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, null, null, key.of(event), context.encode(event), headers);
    }

    /** A future that failed already, retriably: the producer gave up on metadata within {@code max.block.ms}. */
    private static boolean failedForNow(Future<RecordMetadata> future) {
        if (!future.isDone()) {
            return false;
        }
        try {
            future.get();
            return false;
        } catch (ExecutionException e) {
            return !Failures.isFinal(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Why {@code future}, done and failed, failed. */
    private static Throwable cause(Future<RecordMetadata> future) {
        try {
            future.get();
            return new IllegalStateException("a failed send completed normally");
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    @Override
    public void close() {
        producer.close(wait);
    }

    /** The topic and key, for the start-up description. */
    @Override
    public String toString() {
        return "kafka topic " + topic + ", key " + key;
    }
}
