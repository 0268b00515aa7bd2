package dev.auditweave.agent.internal.config;

import dev.auditweave.agent.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every invalid value names the key, the value, its source and what is expected. */
class ValidationTest {

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            auditweave.enabled                 | yes          | expected true or false
            auditweave.sink                    | kafka        | expected a comma-separated list of log, http, memory; or none alone
            auditweave.sink                    | log,,http    | expected a comma-separated list of log, http, memory; or none alone
            auditweave.sink                    | none,log     | expected none alone: it cannot be combined with log, http, memory
            auditweave.http.url                | ftp://host/e | expected an absolute http or https URL such as https://host/api/events, or empty for none
            auditweave.http.url                | /api/events  | expected an absolute http or https URL such as https://host/api/events, or empty for none
            auditweave.http.url                | http://h/a b | expected an absolute http or https URL such as https://host/api/events, or empty for none (Illegal character in path)
            auditweave.http.timeout-ms         | 0            | expected a whole number of milliseconds from 1 to 3600000
            auditweave.http.connect-timeout-ms | 2s           | expected a whole number of milliseconds from 1 to 3600000
            auditweave.batch.max-events        | abc          | expected a whole number from 1 to 100000
            auditweave.batch.max-events        | 0            | expected a whole number from 1 to 100000
            auditweave.batch.max-events        | 100001       | expected a whole number from 1 to 100000
            auditweave.batch.max-events        | 99999999999  | expected a whole number from 1 to 100000
            auditweave.batch.max-delay-ms      | 3600001      | expected a whole number of milliseconds from 0 to 3600000
            auditweave.batch.max-delay-ms      | -1           | expected a whole number of milliseconds from 0 to 3600000
            auditweave.queue.capacity          | 0            | expected a whole number from 1 to 10000000
            auditweave.queue.capacity          | 10000001     | expected a whole number from 1 to 10000000
            auditweave.queue.max-bytes         | 1023         | expected a whole number of bytes from 1024 to 4611686018427387903
            auditweave.queue.max-bytes         | 4611686018427387904 | expected a whole number of bytes from 1024 to 4611686018427387903
            auditweave.spool.max-bytes         | 65535        | expected a whole number of bytes from 65536 to 4611686018427387903
            auditweave.spool.max-bytes         | 9223372036854775808 | expected a whole number of bytes from 65536 to 4611686018427387903
            auditweave.spool.max-bytes         | 64KiB        | expected a whole number of bytes from 65536 to 4611686018427387903
            auditweave.retry.max-attempts      | 101          | expected a whole number from 1 to 100
            auditweave.retry.initial-backoff-ms| 1.5          | expected a whole number of milliseconds from 0 to 3600000
            auditweave.retry.max-backoff-ms    | x            | expected a whole number of milliseconds from 0 to 3600000
            auditweave.shutdown.timeout-ms     | forever      | expected a whole number of milliseconds from 0 to 3600000
            """)
    void namesKeyValueSourceAndExpectation(String key, String value, String expected) {
        assertThatThrownBy(() -> Settings.from(null, Map.of(key, value), Map.of(), null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessage(key + " = '" + value + "' (system property): " + expected);
    }

    @Test
    void theBoundsOfAWholeNumberAreAccepted() {
        Settings lowest = Settings.from(null, Map.of("auditweave.batch.max-events", "1",
                "auditweave.batch.max-delay-ms", "0", "auditweave.queue.max-bytes", "1024"), Map.of(), null);
        Settings highest = Settings.from(null, Map.of("auditweave.batch.max-events", "100000",
                "auditweave.batch.max-delay-ms", "3600000", "auditweave.queue.max-bytes", "4611686018427387903"),
                Map.of(), null);

        assertThat(lowest.batchMaxEvents()).isEqualTo(1);
        assertThat(lowest.batchMaxDelay()).isEqualTo(Duration.ZERO);
        assertThat(lowest.get(ConfigKeys.QUEUE_MAX_BYTES)).isEqualTo(1024L);
        assertThat(highest.batchMaxEvents()).isEqualTo(100_000);
        assertThat(highest.batchMaxDelay()).isEqualTo(Duration.ofHours(1));
        assertThat(highest.get(ConfigKeys.QUEUE_MAX_BYTES)).isEqualTo(Long.MAX_VALUE / 2);
    }

    @Test
    void theExampleFromTheDocumentation() {
        assertThatThrownBy(() -> Settings.from(null, Map.of("auditweave.batch.max-events", "abc"), Map.of(), null))
                .hasMessage("auditweave.batch.max-events = 'abc' (system property): expected a whole number from 1"
                        + " to 100000");
    }

    @Test
    void agentArgumentsAreNamedAsSource() {
        assertThatThrownBy(() -> Settings.from("queue.capacity=-3", Map.of(), Map.of(), null))
                .hasMessage("auditweave.queue.capacity = '-3' (agent argument): expected a whole number from 1 to"
                        + " 10000000");
    }

    @Test
    void environmentVariablesAreNamedAsSource() {
        assertThatThrownBy(() -> Settings.from(null, Map.of(), Map.of("AUDITWEAVE_ENABLED", "on"), null))
                .hasMessage("auditweave.enabled = 'on' (environment variable AUDITWEAVE_ENABLED): expected true or"
                        + " false");
    }

    @Test
    void maxBackoffBelowTheDefaultInitialBackoff() {
        assertThatThrownBy(() -> Settings.from(null, Map.of("auditweave.retry.max-backoff-ms", "100"), Map.of(),
                null))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("auditweave.retry.max-backoff-ms"))
                .hasMessage("auditweave.retry.max-backoff-ms = '100' (system property): expected at least"
                        + " auditweave.retry.initial-backoff-ms = '200' (default)");
    }

    @Test
    void initialBackoffAboveTheDefaultMaxBackoff() {
        assertThatThrownBy(() -> Settings.from(null, Map.of(), Map.of("AUDITWEAVE_RETRY_INITIAL_BACKOFF_MS",
                "60000"), null))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("auditweave.retry.max-backoff-ms"))
                .hasMessage("auditweave.retry.max-backoff-ms = '30000' (default): expected at least"
                        + " auditweave.retry.initial-backoff-ms = '60000' (environment variable"
                        + " AUDITWEAVE_RETRY_INITIAL_BACKOFF_MS)");
    }

    @Test
    void equalBackoffsAreFine() {
        Settings settings = Settings.from("retry.initial-backoff-ms=500,retry.max-backoff-ms=500", Map.of(),
                Map.of(), null);

        assertThat(settings.retryMaxBackoff()).isEqualTo(settings.retryInitialBackoff());
    }

    @Test
    void aHeaderValueWithALineBreakIsAnErrorThatHidesTheValue() {
        assertThatThrownBy(() -> Settings.from(null, Map.of("auditweave.http.header.X-Api-Key", "a\r\nHost: evil"),
                Map.of(), null))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("auditweave.http.header.X-Api-Key"))
                .hasMessage("auditweave.http.header.X-Api-Key = '***' (system property): expected a header value"
                        + " without line breaks; empty leaves the header out")
                .message().doesNotContain("evil");
    }

    @Test
    void anInvalidHeaderNameIsAnError() {
        assertThatThrownBy(() -> Settings.from(null, Map.of("auditweave.http.header.X Api", "v"), Map.of(), null))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("auditweave.http.header.X Api"))
                .hasMessage("auditweave.http.header.X Api = '***' (system property): expected a header name made of"
                        + " letters, digits and !#$%&'*+-.^_`|~ after auditweave.http.header.");
    }

    @Test
    void valuesAreTrimmedAndCaseInsensitiveWhereThatIsHarmless() {
        Settings settings = Settings.from(null, Map.of("auditweave.enabled", " FALSE ", "auditweave.sink",
                "LOG, Memory, log", "auditweave.http.url", "HTTPS://host/e"), Map.of(), null);

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.sinks()).containsExactly("log", "memory");
        assertThat(settings.httpUrl()).isPresent();
    }

    @Test
    void noneMeansNoSinks() {
        assertThat(Settings.from("sink=none", Map.of(), Map.of(), null).sinks()).isEmpty();
    }

    @Test
    void anEmptyUrlIsNoUrl() {
        Settings settings = Settings.from("sink=http,http.url=", Map.of(), Map.of(), null);

        assertThat(settings.sinks()).containsExactly("http");
        assertThat(settings.httpUrl()).isEmpty();
    }
}
