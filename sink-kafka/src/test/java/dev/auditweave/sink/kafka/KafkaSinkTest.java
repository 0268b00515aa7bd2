package dev.auditweave.sink.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.spi.SendResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class KafkaSinkTest {

    private static final Duration WAIT = Duration.ofSeconds(11);

    /** Each send is acknowledged, failed with the exception, or left pending, as the script says, in order. */
    private static final class ScriptedProducer extends MockProducer<byte[], byte[]> {
        private static final RuntimeException PENDING = new RuntimeException("pending");
        private static final RuntimeException ACK = new RuntimeException("acknowledged");
        private final Deque<RuntimeException> script = new ArrayDeque<>();

        ScriptedProducer() {
            super(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        }

        ScriptedProducer then(RuntimeException outcome) {
            script.add(outcome);
            return this;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
            Future<RecordMetadata> future = super.send(record);
            RuntimeException outcome = script.isEmpty() ? ACK : script.poll();
            if (outcome == ACK) {
                completeNext();
            } else if (outcome != PENDING) {
                errorNext(outcome);
            }
            return future;
        }
    }

    private final TestSinkContext context = new TestSinkContext(java.util.Map.of());
    private final AtomicLong now = new AtomicLong();

    private KafkaSink sink(ScriptedProducer producer, RecordKey key) {
        return new KafkaSink(producer, "abuse-events", key, WAIT, context, now::get);
    }

    private static List<String> ids(List<ProducerRecord<byte[], byte[]>> records) {
        return records.stream().map(record -> new String(record.headers().lastHeader(KafkaSink.ID_HEADER).value(),
                StandardCharsets.UTF_8)).toList();
    }

    // delivered

    @Test
    void everyRecordAcknowledged_isDelivered_withKeyValueAndHeaders() {
        ScriptedProducer producer = new ScriptedProducer();

        SendResult result = sink(producer, RecordKey.parse("data.kilo_user_id"))
                .send(List.of(TestEvent.blocked("e-1", "u-1"), TestEvent.blocked("e-2", "u-2")));

        assertThat(result).isEqualTo(SendResult.delivered());
        ProducerRecord<byte[], byte[]> first = producer.history().get(0);
        assertThat(first.topic()).isEqualTo("abuse-events");
        assertThat(new String(first.key(), StandardCharsets.UTF_8)).isEqualTo("u-1");
        assertThat(new String(first.value(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"e-1\"}");
        assertThat(new String(first.headers().lastHeader(KafkaSink.TYPE_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("user.blocked");
        assertThat(ids(producer.history())).containsExactly("e-1", "e-2");
    }

    // retry

    @Test
    void retriableFailure_isARetry_andTheResentBatchSkipsWhatWasAcknowledged() {
        ScriptedProducer producer = new ScriptedProducer().then(ScriptedProducer.ACK).then(new NotEnoughReplicasException("isr"))
                .then(ScriptedProducer.ACK);
        KafkaSink sink = sink(producer, RecordKey.none());
        List<TestEvent> batch = List.of(TestEvent.blocked("e-1", "u-1"), TestEvent.blocked("e-2", "u-2"),
                TestEvent.blocked("e-3", "u-3"));

        SendResult first = sink.send(batch);
        SendResult second = sink.send(batch);

        assertThat(first).isInstanceOfSatisfying(SendResult.Retry.class,
                retry -> assertThat(retry.reason()).contains("NotEnoughReplicasException"));
        assertThat(second).isEqualTo(SendResult.delivered());
        // e-1 acknowledged; e-2 failed at once, so e-3 waited for the retry; the retry skips e-1.
        assertThat(ids(producer.history())).containsExactly("e-1", "e-2", "e-2", "e-3");
        assertThat(context.warnings).singleElement().asString().contains("cannot produce to topic abuse-events");
    }

    @Test
    void deliveredBatch_forgetsItsAcknowledgedIds_soTheSameIdLaterIsProducedAgain() {
        ScriptedProducer producer = new ScriptedProducer().then(new NotEnoughReplicasException("isr"));
        KafkaSink sink = sink(producer, RecordKey.none());
        List<TestEvent> batch = List.of(TestEvent.blocked("e-1", "u-1"));

        sink.send(batch);
        sink.send(batch);
        sink.send(batch);

        assertThat(ids(producer.history())).containsExactly("e-1", "e-1", "e-1");
    }

    @Test
    void metadataNotAvailableWithinMaxBlock_stopsTheBatchAtTheFirstRecord() {
        ScriptedProducer producer = new ScriptedProducer().then(new TimeoutException("metadata after 10000 ms"));

        SendResult result = sink(producer, RecordKey.none())
                .send(List.of(TestEvent.blocked("e-1", "u-1"), TestEvent.blocked("e-2", "u-2")));

        assertThat(result).isInstanceOfSatisfying(SendResult.Retry.class,
                retry -> assertThat(retry.reason()).contains("metadata after 10000 ms"));
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void noAcknowledgementWithinTheWait_isARetry() {
        ScriptedProducer producer = new ScriptedProducer().then(ScriptedProducer.PENDING);
        now.set(0);
        KafkaSink sink = new KafkaSink(producer, "abuse-events", RecordKey.none(), WAIT, context,
                () -> now.getAndAdd(WAIT.toNanos()));

        SendResult result = sink.send(List.of(TestEvent.blocked("e-1", "u-1")));

        assertThat(result).isInstanceOfSatisfying(SendResult.Retry.class,
                retry -> assertThat(retry.reason()).contains("no acknowledgement within 11000 ms"));
    }

    @Test
    void sendThatThrows_isARetry() {
        ScriptedProducer producer = new ScriptedProducer();
        producer.sendException = new org.apache.kafka.common.KafkaException("producer in a bad state");

        SendResult result = sink(producer, RecordKey.none()).send(List.of(TestEvent.blocked("e-1", "u-1")));

        assertThat(result).isInstanceOfSatisfying(SendResult.Retry.class,
                retry -> assertThat(retry.reason()).contains("producer in a bad state"));
    }

    @Test
    void interruptedWhileWaiting_isARetry_andKeepsTheInterrupt() {
        ScriptedProducer producer = new ScriptedProducer().then(ScriptedProducer.PENDING);
        Thread.currentThread().interrupt();
        try {
            SendResult result = sink(producer, RecordKey.none()).send(List.of(TestEvent.blocked("e-1", "u-1")));

            assertThat(result).isInstanceOf(SendResult.Retry.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    // poison

    @Test
    void recordRefusedForGood_isPoison_theOthersDelivered() {
        ScriptedProducer producer = new ScriptedProducer().then(ScriptedProducer.ACK).then(new RecordTooLargeException("2 MiB"));
        TestEvent large = TestEvent.blocked("e-2", "u-2");

        SendResult result = sink(producer, RecordKey.none()).send(List.of(TestEvent.blocked("e-1", "u-1"), large));

        assertThat(result).isInstanceOfSatisfying(SendResult.Partial.class, partial -> {
            assertThat(partial.delivered()).isEqualTo(1);
            assertThat(partial.poisoned()).singleElement().satisfies(poison -> {
                assertThat(poison.event()).isSameAs(large);
                assertThat(poison.reason()).isEqualTo("RecordTooLargeException: 2 MiB");
            });
        });
    }

    @Test
    void retriableAndFinalInOneBatch_isARetry() {
        ScriptedProducer producer = new ScriptedProducer().then(new RecordTooLargeException("2 MiB"))
                .then(new NotEnoughReplicasException("isr"));

        SendResult result = sink(producer, RecordKey.none())
                .send(List.of(TestEvent.blocked("e-1", "u-1"), TestEvent.blocked("e-2", "u-2")));

        assertThat(result).isInstanceOf(SendResult.Retry.class);
    }

    // close

    @Test
    void close_closesTheProducer() {
        ScriptedProducer producer = new ScriptedProducer();

        sink(producer, RecordKey.none()).close();

        assertThat(producer.closed()).isTrue();
    }
}
