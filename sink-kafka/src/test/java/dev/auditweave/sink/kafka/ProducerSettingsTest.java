package dev.auditweave.sink.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.ConfigException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {

    private static Map<String, String> minimal() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("topic", "abuse-events");
        settings.put("kafka.bootstrap.servers", "127.0.0.1:9092");
        return settings;
    }

    private static ProducerSettings read(Map<String, String> settings) {
        return ProducerSettings.read(new TestSinkContext(settings));
    }

    // defaults

    @Test
    void defaults_idempotentAllAcks_boundedBlockingAndDelivery() {
        ProducerSettings settings = read(minimal());

        assertThat(settings.topic()).isEqualTo("abuse-events");
        assertThat(settings.properties()).containsEntry("bootstrap.servers", "127.0.0.1:9092")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("max.block.ms", "10000")
                .containsEntry("delivery.timeout.ms", "10000")
                .containsEntry("linger.ms", "0")
                .containsEntry("request.timeout.ms", "10000")
                .containsEntry("client.id", "auditweave-events");
        assertThat(settings.ackWait()).isEqualTo(Duration.ofSeconds(11));
        assertThat(settings.key().of(TestEvent.blocked("e-1", "u-1"))).isNull();
    }

    @Test
    void timeoutMs_boundsBlockingAndDelivery() {
        Map<String, String> given = minimal();
        given.put("timeout-ms", "3000");

        ProducerSettings settings = read(given);

        assertThat(settings.properties()).containsEntry("max.block.ms", "3000")
                .containsEntry("delivery.timeout.ms", "3000");
        assertThat(settings.ackWait()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void key_isReadAsAPath() {
        Map<String, String> given = minimal();
        given.put("key", "data.kilo_user_id");

        assertThat(read(given).key().of(TestEvent.blocked("e-1", "u-7"))).asString().isEqualTo("u-7");
    }

    // pass-through

    @Test
    void kafkaProperties_passThroughOverTheDefaults_andTheRequestTimeoutFitsInside() {
        Map<String, String> given = minimal();
        given.put("kafka.compression.type", "zstd");
        given.put("kafka.linger.ms", "20");
        given.put("kafka.delivery.timeout.ms", "5000");

        ProducerSettings settings = read(given);

        assertThat(settings.properties()).containsEntry("compression.type", "zstd")
                .containsEntry("linger.ms", "20")
                .containsEntry("delivery.timeout.ms", "5000")
                .containsEntry("request.timeout.ms", "4980");
        assertThat(settings.ackWait()).isEqualTo(Duration.ofMillis(6000));
    }

    @Test
    void requestTimeoutGiven_isKept() {
        Map<String, String> given = minimal();
        given.put("kafka.request.timeout.ms", "2000");

        assertThat(read(given).properties()).containsEntry("request.timeout.ms", "2000");
    }

    // bad settings

    @Test
    void withoutTopic_isAnErrorNamingTheKey() {
        Map<String, String> given = minimal();
        given.remove("topic");

        assertThatThrownBy(() -> read(given)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("auditweave.sink.events.topic is not set");
    }

    @Test
    void badTopic_isAnErrorNamingTheRule() {
        Map<String, String> given = minimal();
        given.put("topic", "abuse events");

        assertThatThrownBy(() -> read(given)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("auditweave.sink.events.topic")
                .hasMessageContaining("expected a Kafka topic name");
    }

    @Test
    void withoutBootstrapServers_isAnErrorNamingTheKey() {
        Map<String, String> given = minimal();
        given.remove("kafka.bootstrap.servers");

        assertThatThrownBy(() -> read(given)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("auditweave.sink.events.kafka.bootstrap.servers is not set");
    }

    @Test
    void badKey_isAnErrorNamingTheKeyAndThePath() {
        Map<String, String> given = minimal();
        given.put("key", "kilo_user_id");

        assertThatThrownBy(() -> read(given)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("auditweave.sink.events.key")
                .hasMessageContaining("'kilo_user_id' is not a key path");
    }

    @Test
    void serializerGiven_isAnError() {
        Map<String, String> given = minimal();
        given.put("kafka.value.serializer", "org.apache.kafka.common.serialization.StringSerializer");

        assertThatThrownBy(() -> read(given)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("auditweave.sink.events.kafka.value.serializer")
                .hasMessageContaining("leave value.serializer out");
    }

    @Test
    void deliveryTimeoutNotANumber_isAnErrorNamingTheKey() {
        Map<String, String> given = minimal();
        given.put("kafka.delivery.timeout.ms", "soon");

        assertThatThrownBy(() -> read(given)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("auditweave.sink.events.kafka.delivery.timeout.ms = 'soon'")
                .hasMessageContaining("expected a whole number of milliseconds");
    }
}
