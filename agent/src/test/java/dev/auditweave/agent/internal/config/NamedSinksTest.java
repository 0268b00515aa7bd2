package dev.auditweave.agent.internal.config;

import dev.auditweave.agent.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** auditweave.sinks and auditweave.sink.<name>.*: several destinations, each checked and named in errors. */
class NamedSinksTest {

    @Test
    void theAbuseServiceAndAnAuditLog() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("auditweave.sinks", "abuse, Audit");
        properties.put("auditweave.sink.abuse.type", "http");
        properties.put("auditweave.sink.abuse.url", "https://abuse.internal/api/events");
        properties.put("auditweave.sink.abuse.types", "user.*,org.*");
        properties.put("auditweave.sink.abuse.header.CF-Access-Client-Id", "${CF_ID}");
        properties.put("auditweave.sink.abuse.batch.max-events", "100");
        properties.put("auditweave.sink.audit.type", "log");
        properties.put("auditweave.sink.audit.format", "cloudevents");
        properties.put("auditweave.retry.max-attempts", "7");

        Settings settings = Settings.from(null, properties, Map.of("CF_ID", "id-1"), null);

        assertThat(settings.namedSinks()).containsExactly("abuse", "audit");
        List<SinkSettings> sinks = settings.sinkSettings();
        assertThat(sinks).extracting(SinkSettings::name).containsExactly("abuse", "audit");
        SinkSettings abuse = sinks.get(0);
        assertThat(abuse.type()).isEqualTo("http");
        assertThat(abuse.url()).contains(URI.create("https://abuse.internal/api/events"));
        assertThat(abuse.eventTypes()).containsExactly("user.*", "org.*");
        assertThat(abuse.receivesAllTypes()).isFalse();
        assertThat(abuse.headers()).containsExactly(Map.entry("CF-Access-Client-Id", "id-1"));
        assertThat(abuse.format()).isEqualTo("envelope");
        assertThat(abuse.batchMaxEvents()).isEqualTo(100);
        assertThat(abuse.retryMaxAttempts()).as("falls back to the global key").isEqualTo(7);
        assertThat(abuse.maxEventBytes()).isEqualTo(1_048_576);
        SinkSettings audit = sinks.get(1);
        assertThat(audit.type()).isEqualTo("log");
        assertThat(audit.format()).isEqualTo("cloudevents");
        assertThat(audit.source()).isEqualTo("auditweave");
        assertThat(audit.eventTypes()).containsExactly("*");
        assertThat(audit.batchMaxEvents()).isEqualTo(500);
        assertThat(settings.warnings()).isEmpty();
    }

    @Test
    void everyKeyHasItsEnvironmentForm() {
        Map<String, String> environment = Map.of(
                "AUDITWEAVE_SINKS", "abuse-eu",
                "AUDITWEAVE_SINK_ABUSE_EU_TYPE", "http",
                "AUDITWEAVE_SINK_ABUSE_EU_URL", "${ABUSE_SERVICE_URL}",
                "AUDITWEAVE_SINK_ABUSE_EU_HEADER_CF_ACCESS_CLIENT_SECRET", "${ABUSE_SERVICE_CF_ACCESS_CLIENT_SECRET}",
                "AUDITWEAVE_SINK_ABUSE_EU_CONNECT_TIMEOUT_MS", "300",
                "AUDITWEAVE_SINK_ABUSE_EU_TIMEOUT_MS", "4000",
                "ABUSE_SERVICE_URL", "http://abuse/api/events",
                "ABUSE_SERVICE_CF_ACCESS_CLIENT_SECRET", "s3cret");

        SinkSettings sink = Settings.from(null, Map.of(), environment, null).sinkSettings().get(0);

        assertThat(sink.name()).isEqualTo("abuse-eu");
        assertThat(sink.url()).contains(URI.create("http://abuse/api/events"));
        assertThat(sink.headers()).containsExactly(Map.entry("CF-ACCESS-CLIENT-SECRET", "s3cret"));
        assertThat(sink.connectTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(sink.timeout()).isEqualTo(Duration.ofMillis(4000));
    }

    @Test
    void theOneSinkShorthandIsUnchanged() {
        Settings settings = Settings.from("sink=log,http,http.url=http://h/api/events,http.header.X-Key=k",
                Map.of(), Map.of(), null);

        assertThat(settings.namedSinks()).isEmpty();
        assertThat(settings.sinkSettings()).extracting(SinkSettings::name, SinkSettings::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("log", "log"),
                        org.assertj.core.groups.Tuple.tuple("http", "http"));
        SinkSettings http = settings.sinkSettings().get(1);
        assertThat(http.url()).contains(URI.create("http://h/api/events"));
        assertThat(http.headers()).containsExactly(Map.entry("X-Key", "k"));
        assertThat(http.eventTypes()).containsExactly("*");
        assertThat(http.format()).isEqualTo("envelope");
    }

    @Test
    void anHttpSinkWithoutUrlIsAccepted() {
        Settings settings = Settings.from(null, Map.of("auditweave.sinks", "abuse", "auditweave.sink.abuse.type",
                "http"), Map.of(), null);

        assertThat(settings.sinkSettings().get(0).url()).isEqualTo(Optional.empty());
    }

    @Test
    void aKeyForASinkThatIsNotNamedIsAnError() {
        Map<String, String> properties = Map.of("auditweave.sinks", "abuse", "auditweave.sink.abuse.type", "log",
                "auditweave.sink.abuze.url", "http://h/e");

        assertThatThrownBy(() -> Settings.from(null, properties, Map.of(), null))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("auditweave.sink.abuze.url"))
                .hasMessage("auditweave.sink.abuze.url = 'http://h/e' (system property): there is no sink named"
                        + " 'abuze': auditweave.sinks = 'abuse' (system property)");
    }

    @Test
    void aSinkKeyWithoutAuditweaveSinksIsAnError() {
        assertThatThrownBy(() -> Settings.from("sink.audit.type=log", Map.of(), Map.of(), null))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("auditweave.sink.audit.type"))
                .hasMessageContaining("there is no sink named 'audit'");
    }

    @Test
    void aNamedSinkWithoutTypeIsAnError() {
        assertThatThrownBy(() -> Settings.from(null, Map.of("auditweave.sinks", "abuse,audit",
                "auditweave.sink.abuse.type", "log"), Map.of(), null))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("auditweave.sink.audit.type"))
                .hasMessage("auditweave.sink.audit.type is not set: auditweave.sinks = 'abuse,audit' (system property)"
                        + " names sink 'audit', which needs a type: expected http, jdbc, log, memory or the type of a"
                        + " SinkProvider (a letter, then letters, digits, ., _ or -)");
    }

    @Test
    void badValuesNameTheKey() {
        assertBad("auditweave.sink.abuse.types", "user.[a-z]*", "expected a comma-separated list of event types"
                + " where * stands for any text, such as user.*,org.*, not 'user.[a-z]*'");
        assertBad("auditweave.sink.abuse.types", "user.*,,org.*", "expected a comma-separated list of event types"
                + " where * stands for any text, such as user.*,org.*, not ''");
        assertBad("auditweave.sink.abuse.type", "kafka stream", "expected http, jdbc, log, memory or the type of a"
                + " SinkProvider (a letter, then letters, digits, ., _ or -)");
        assertBad("auditweave.sink.abuse.format", "xml",
                "expected one of envelope, flat, cloudevents, cloudevents-batch");
        assertBad("auditweave.sink.abuse.url", "ftp://h/e",
                "expected an absolute http or https URL such as https://host/api/events, or empty for none");
        assertBad("auditweave.sink.abuse.batch.max-events", "0", "expected a whole number from 1 to 100000");
        assertBad("auditweave.sink.abuse.source", "", "expected a CloudEvents source, such as /billing-service");
    }

    @Test
    void aJdbcUrl_isNoUrlForAnHttpSink() {
        assertBad("auditweave.sink.abuse.url", "jdbc:postgresql://db/app",
                "expected an absolute http or https URL such as https://host/api/events, or empty for none");
    }

    @Test
    void theUrlOfASinkOfAnotherType_isLeftToItsProvider() {
        Settings settings = Settings.from(null, Map.of("auditweave.sinks", "audit", "auditweave.sink.audit.type",
                "jdbc", "auditweave.sink.audit.url", "jdbc:h2:mem:audit;DB_CLOSE_DELAY=-1"), Map.of(), null);

        assertThat(settings.sinkSettings().get(0).url()).as("only an http sink has an endpoint").isEmpty();
        assertThat(settings.sinkOptions("audit").string("url")).contains("jdbc:h2:mem:audit;DB_CLOSE_DELAY=-1");
    }

    @Test
    void aSinkUrl_isAnAbsoluteUrlWithoutSpaces_whateverTheType() {
        assertThatThrownBy(() -> Settings.from(null, Map.of("auditweave.sinks", "audit", "auditweave.sink.audit.type",
                "jdbc", "auditweave.sink.audit.url", "db host/app"), Map.of(), null))
                .isInstanceOf(ConfigException.class)
                .hasMessage("auditweave.sink.audit.url = 'db host/app' (system property): expected an absolute URL:"
                        + " http or https for an http sink (https://host/api/events), jdbc: for a jdbc sink"
                        + " (jdbc:postgresql://host:5432/app), or empty for none");
    }

    @Test
    void aPasswordInASinkUrl_isNeverShown() {
        Settings settings = Settings.from(null, Map.of("auditweave.sinks", "audit", "auditweave.sink.audit.type",
                "jdbc", "auditweave.sink.audit.url", "jdbc:postgresql://u:hunter2@db/app?user=u&password=hunter2&ssl=true"),
                Map.of(), null);

        assertThat(settings.describe()).contains("auditweave.sink.audit.url = jdbc:postgresql://***@db/app?user=u"
                + "&password=***&ssl=true").doesNotContain("hunter2");
    }

    @Test
    void badSinkNamesAreErrors() {
        assertThatThrownBy(() -> Settings.from(null, Map.of("auditweave.sinks", "abuse,au dit"), Map.of(), null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("auditweave.sinks"));
    }

    @Test
    void theShorthandAndNamedSinksTogetherAreAnError() {
        assertThatThrownBy(() -> Settings.from("sink=http", Map.of("auditweave.sinks", "audit",
                "auditweave.sink.audit.type", "log"), Map.of(), null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("auditweave.sink"))
                .hasMessageStartingWith("auditweave.sink = 'http' (agent argument): cannot be combined with"
                        + " auditweave.sinks = 'audit' (system property)");
    }

    @Test
    void aPerSinkMaxBackoffBelowItsInitialIsAnError() {
        assertThatThrownBy(() -> Settings.from(null, Map.of("auditweave.sinks", "a", "auditweave.sink.a.type", "log",
                "auditweave.sink.a.retry.max-backoff-ms", "100"), Map.of(), null))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("auditweave.sink.a.retry.max-backoff-ms"));
    }

    @Test
    void theGlobalHttpKeysAreIgnoredWithAWarningWhenSinksAreNamed() {
        Settings settings = Settings.from(null, Map.of("auditweave.sinks", "a", "auditweave.sink.a.type", "log",
                "auditweave.http.url", "http://h/e", "auditweave.http.header.X-Key", "k"), Map.of(), null);

        assertThat(settings.warnings()).containsExactlyInAnyOrder(
                "auditweave.http.url (system property) is ignored: auditweave.sinks is set; use"
                        + " auditweave.sink.<name>.url",
                "auditweave.http.header.* is ignored: auditweave.sinks is set; use"
                        + " auditweave.sink.<name>.header.<Header-Name>");
    }

    @Test
    void describeHidesPerSinkHeaderValues() {
        Settings settings = Settings.from(null, Map.of("auditweave.sinks", "a", "auditweave.sink.a.type", "http",
                "auditweave.sink.a.header.X-Key", "secret-value"), Map.of(), null);

        assertThat(settings.describe()).contains("auditweave.sink.a.header.X-Key = *** (system property)")
                .contains("auditweave.sink.a.type = http (system property)").doesNotContain("secret-value");
    }

    @Test
    void aHeaderNamedLikeASettingIsStillAHeader() {
        Settings settings = Settings.from(null, Map.of("auditweave.sinks", "a", "auditweave.sink.a.type", "http",
                "auditweave.sink.a.header.url", "u"), Map.of(), null);

        assertThat(settings.sinkSettings().get(0).headers()).containsExactly(Map.entry("url", "u"));
        assertThat(settings.sinkSettings().get(0).url()).isEmpty();
    }

    @Test
    void theTwoPartFamilySplitsSinkAndHeader() {
        KeyFamily headers = SinkKeys.HEADER;

        assertThat(headers.variableOf("auditweave.sink.abuse.header.X-Id")).contains("abuse.header.X-Id");
        assertThat(headers.parts("abuse.header.X-Id")).containsExactly("abuse", "X-Id");
        assertThat(headers.variableOf("auditweave.sink.abuse.header.")).isEmpty();
        assertThat(headers.variableOf("auditweave.sink.a.b.header.X")).isEmpty();
        assertThat(headers.variableOfEnvironment("AUDITWEAVE_SINK_ABUSE_EU_HEADER_CF_ACCESS_CLIENT_ID"))
                .contains("ABUSE-EU.header.CF-ACCESS-CLIENT-ID");
        assertThat(headers.environmentPattern()).isEqualTo("AUDITWEAVE_SINK_<NAME>_HEADER_<HEADER_NAME>");
    }

    @Test
    void aMisspelledSinkKeyIsASettingOfTheSinksOwn_warnedAboutWithASuggestionWhenItsProviderDoesNotReadIt() {
        Settings settings = Settings.from(null, Map.of("auditweave.sinks", "abuse", "auditweave.sink.abuse.type", "http",
                "auditweave.sink.abuse.ulr", "http://h/e"), Map.of(), null);

        assertThat(settings.warnings()).isEmpty();
        assertThat(settings.sinkOptions("abuse").own()).containsExactly("ulr");
        assertThat(settings.sinkOptions("abuse").unreadWarnings(java.util.Set.of(), "http")).containsExactly(
                "auditweave.sink.abuse.ulr (system property) is not read by sink abuse (type http), so it has no"
                        + " effect; did you mean auditweave.sink.abuse.url?");
    }

    @Test
    void aSinksOwnSetting_mustBelongToANamedSink() {
        assertThatThrownBy(() -> Settings.from(null, Map.of("auditweave.sinks", "abuse",
                "auditweave.sink.abuse.type", "http", "auditweave.sink.audit.path", "/tmp/a"), Map.of(), null))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("auditweave.sink.audit.path"))
                .hasMessageContaining("there is no sink named 'audit'");
    }

    @Test
    void aSinksOwnSetting_isNotReadFromTheEnvironment() {
        Settings settings = Settings.from(null, Map.of("auditweave.sinks", "audit", "auditweave.sink.audit.type", "log"),
                Map.of("AUDITWEAVE_SINK_AUDIT_PATH", "/tmp/a"), null);

        assertThat(settings.sinkOptions("audit").string("path")).isEmpty();
        assertThat(settings.warnings()).singleElement().asString().contains("AUDITWEAVE_SINK_AUDIT_PATH");
    }

    @Test
    void aSinksOwnSetting_namedLikeASecret_isMaskedInDescribe() {
        Settings settings = Settings.from(null, Map.of("auditweave.sinks", "db", "auditweave.sink.db.type", "log",
                "auditweave.sink.db.password", "hunter2", "auditweave.sink.db.user", "app"), Map.of(), null);

        assertThat(settings.describe()).contains("auditweave.sink.db.password = *** (system property)")
                .contains("auditweave.sink.db.user = app (system property)").doesNotContain("hunter2");
    }

    @Test
    void aKafkaJaasConfigIsShownMasked() {
        Settings settings = Settings.from(null, Map.of("auditweave.sinks", "events", "auditweave.sink.events.type",
                "log", "auditweave.sink.events.kafka.sasl.jaas.config", "PlainLoginModule password=\"hunter2\";"),
                Map.of(), null);

        assertThat(settings.describe()).contains("auditweave.sink.events.kafka.sasl.jaas.config = *** (system"
                + " property)").doesNotContain("hunter2");
    }

    private static void assertBad(String key, String value, String expected) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("auditweave.sinks", "abuse");
        properties.put("auditweave.sink.abuse.type", "http");
        properties.put(key, value);
        assertThatThrownBy(() -> Settings.from(null, properties, Map.of(), null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessage(key + " = '" + value + "' (system property): " + expected);
    }
}
