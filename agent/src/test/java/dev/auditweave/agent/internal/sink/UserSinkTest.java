package dev.auditweave.agent.internal.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.ConfigException;
import dev.auditweave.agent.internal.config.Settings;
import dev.auditweave.agent.internal.event.Event;
import dev.auditweave.agent.internal.runtime.AuditweaveRuntime;
import dev.auditweave.agent.metrics.AuditweaveMetrics;
import dev.auditweave.agent.spi.SendResult;
import dev.auditweave.agent.spi.Sink;
import dev.auditweave.agent.spi.SinkContext;
import dev.auditweave.agent.spi.SinkEvent;
import dev.auditweave.agent.spi.SinkProvider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sink of the user's own, made by a {@link SinkProvider} that ServiceLoader finds through this module's test
 * {@code META-INF/services} ({@link RecordingSinkProvider}, {@link BrokenSinkProvider}), as the runtime builds it from
 * {@code auditweave.sink.<name>.type}.
 */
class UserSinkTest {

    private static final Duration FLUSH = Duration.ofSeconds(10);

    @BeforeEach
    void clear() {
        RecordingSinkProvider.SINKS.clear();
    }

    @AfterEach
    void stop() {
        AuditweaveRuntime.replace(Settings.defaults().with(Map.of("auditweave.sink", "none")), List.of());
    }

    // ---- found and fed ----

    @Test
    void providerFoundByServiceLoader_receivesEveryEventOnItsOwnWorker() {
        AuditweaveRuntime runtime = AuditweaveRuntime.replace(audit(Map.of("auditweave.sink.audit.label", "L1")));

        runtime.accept(event("e1", "user.blocked"));
        runtime.accept(event("e2", "user.unblocked"));
        assertThat(runtime.flush(FLUSH)).isTrue();

        RecordingSinkProvider.Recorder audit = RecordingSinkProvider.SINKS.get("audit");
        assertThat(audit.label).isEqualTo("L1");
        assertThat(audit.received).extracting(SinkEvent::id).containsExactly("e1", "e2");
        assertThat(audit.threads).allMatch(thread -> thread.equals("auditweave-dispatch-audit"));
        assertThat(runtime.metrics("audit").delivered()).isEqualTo(2);
        assertThat(runtime.sinkNames()).containsExactly("audit");
    }

    @Test
    void context_metricsAreTheSinksOwnCounters() {
        AuditweaveRuntime runtime = AuditweaveRuntime.replace(audit(Map.of("auditweave.sink.audit.label", "L1")));
        runtime.accept(event("e1", "user.blocked"));
        assertThat(runtime.flush(FLUSH)).isTrue();

        AuditweaveMetrics seen = RecordingSinkProvider.SINKS.get("audit").context.metrics();

        assertThat(seen.delivered()).isEqualTo(1);
        assertThat(seen.enqueued()).isEqualTo(1);
    }

    @Test
    void aSinkThatThrows_failsThatBatchOnly_andTheNextIsDelivered() {
        AuditweaveRuntime runtime = AuditweaveRuntime.replace(audit(Map.of("auditweave.sink.audit.label", "L1",
                "auditweave.sink.audit.throw-on", "user.poisoned", "auditweave.sink.audit.batch.max-events", "1")));

        runtime.accept(event("e1", "user.poisoned"));
        assertThat(runtime.flush(FLUSH)).isTrue();
        runtime.accept(event("e2", "user.blocked"));
        assertThat(runtime.flush(FLUSH)).isTrue();

        assertThat(RecordingSinkProvider.SINKS.get("audit").received).extracting(SinkEvent::id).containsExactly("e2");
        AuditweaveMetrics audit = runtime.metrics("audit");
        assertThat(audit.failed()).as("a throwing sink rejects its batch").isEqualTo(1);
        assertThat(audit.delivered()).isEqualTo(1);
        assertThat(audit.retried()).as("retrying would throw again").isZero();
    }

    @Test
    void aSinkIsClosedAtShutdown() {
        AuditweaveRuntime.replace(audit(Map.of("auditweave.sink.audit.label", "L1")));
        RecordingSinkProvider.Recorder audit = RecordingSinkProvider.SINKS.get("audit");

        stop();

        assertThat(audit.closed).isTrue();
    }

    @Test
    void aProviderAddedInCode_winsOverTheServiceLoaderOneOfTheSameType() {
        List<String> made = new java.util.concurrent.CopyOnWriteArrayList<>();
        SinkProvider added = new SinkProvider() {
            @Override
            public String type() {
                return "test-recorder";
            }

            @Override
            public Sink create(SinkContext context) {
                made.add(context.name());
                return batch -> SendResult.delivered();
            }
        };
        SinkProviders.add(added);
        try {
            AuditweaveRuntime.replace(audit(Map.of()));
        } finally {
            SinkProviders.remove(added);
        }

        assertThat(made).containsExactly("audit");
        assertThat(RecordingSinkProvider.SINKS).isEmpty();
    }

    @Test
    void theBuiltInTypesAreProvidersToo() {
        assertThat(SinkProviders.byType()).containsKeys("http", "log", "memory", "test-recorder", "test-broken");
        assertThat(SinkProviders.byType().get("http")).isInstanceOf(HttpSinkProvider.class);
    }

    @Test
    void aProviderWithAnInvalidType_isRefusedNamingItsClass() {
        SinkProvider nameless = new SinkProvider() {
            @Override
            public String type() {
                return "no spaces";
            }

            @Override
            public Sink create(SinkContext context) {
                return batch -> SendResult.delivered();
            }
        };

        assertThatThrownBy(() -> SinkProviders.add(nameless)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(nameless.getClass().getName()).hasMessageContaining("'no spaces'");
    }

    // ---- start-up errors ----

    @Test
    void unknownType_namesTheKeyTheTypeAndTheKnownTypes() {
        Settings settings = Settings.defaults().with(Map.of("auditweave.sinks", "audit",
                "auditweave.sink.audit.type", "kafak"));

        assertThatThrownBy(() -> Sinks.configured(settings)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("auditweave.sink.audit.type = 'kafak' (override): no sink provider has type"
                        + " 'kafak'; the known types are http, jdbc, log, memory, test-broken, test-recorder.")
                .hasMessageContaining("META-INF/services/dev.auditweave.agent.spi.SinkProvider")
                .extracting(e -> ((ConfigException) e).key()).isEqualTo("auditweave.sink.audit.type");
    }

    @Test
    void aProviderThatThrows_isAStartUpErrorNamingTheProviderClass() {
        Settings settings = Settings.defaults().with(Map.of("auditweave.sinks", "audit",
                "auditweave.sink.audit.type", "test-broken"));

        assertThatThrownBy(() -> Sinks.configured(settings)).isInstanceOf(ConfigException.class)
                .hasMessage("auditweave.sink.audit.type = 'test-broken' (override): the sink provider "
                        + BrokenSinkProvider.class.getName() + " failed to create sink audit:"
                        + " java.io.IOException: cannot open /dev/audit");
    }

    @Test
    void aProviderThatReturnsNull_isAStartUpError() {
        Settings settings = Settings.defaults().with(Map.of("auditweave.sinks", "audit",
                "auditweave.sink.audit.type", "test-broken", "auditweave.sink.audit.null", "true"));

        assertThatThrownBy(() -> Sinks.configured(settings)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(BrokenSinkProvider.class.getName() + " returned no sink (null) for sink audit");
    }

    @Test
    void aFailingSink_closesTheSinksMadeBeforeIt() {
        Settings settings = Settings.defaults().with(Map.of("auditweave.sinks", "audit,broken",
                "auditweave.sink.audit.type", "test-recorder", "auditweave.sink.audit.label", "L1",
                "auditweave.sink.broken.type", "test-broken"));

        assertThatThrownBy(() -> Sinks.configured(settings)).isInstanceOf(ConfigException.class);
        assertThat(RecordingSinkProvider.SINKS.get("audit").closed).isTrue();
    }

    @Test
    void aRequiredSettingThatIsNotSet_namesTheKey() {
        assertThatThrownBy(() -> Sinks.configured(audit(Map.of()))).isInstanceOf(ConfigException.class)
                .hasMessage("auditweave.sink.audit.label is not set: sink audit needs it (expected a value)");
    }

    @Test
    void aSettingOfTheWrongType_namesKeyValueOriginAndExpectation() {
        Settings settings = audit(Map.of("auditweave.sink.audit.label", "L1", "auditweave.sink.audit.copies", "lots"));

        assertThatThrownBy(() -> Sinks.configured(settings)).isInstanceOf(ConfigException.class)
                .hasMessage("auditweave.sink.audit.copies = 'lots' (override): expected a whole number from 1 to 3");
    }

    @Test
    void aRuntimeWhoseSinkTypeIsUnknown_failsTheReplaceWithTheConfigException() {
        Settings settings = Settings.defaults().with(Map.of("auditweave.sinks", "audit",
                "auditweave.sink.audit.type", "kafak"));

        assertThatThrownBy(() -> AuditweaveRuntime.replace(settings)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("auditweave.sink.audit.type");
    }

    // ---- the context ----

    @Test
    void context_reportsASettingItsProviderNeverRead_withTheClosestOneItDid() {
        Settings settings = audit(Map.of("auditweave.sink.audit.label", "L1", "auditweave.sink.audit.copeis", "2"));
        ProviderContext context = new ProviderContext(settings.sinkSettings().get(0), settings.sinkOptions("audit"),
                true);
        new RecordingSinkProvider().create(context);

        assertThat(context.unreadWarnings()).containsExactly("auditweave.sink.audit.copeis (override) is not read by"
                + " sink audit (type test-recorder), so it has no effect; did you mean auditweave.sink.audit.copies?");
    }

    @Test
    void context_withPrefix_givesPassThroughSettingsWithoutThePrefix() {
        Settings settings = audit(Map.of("auditweave.sink.audit.client.acks", "all",
                "auditweave.sink.audit.client.linger.ms", "5", "auditweave.sink.audit.other", "x"));
        ProviderContext context = new ProviderContext(settings.sinkSettings().get(0), settings.sinkOptions("audit"),
                true);

        assertThat(context.withPrefix("client.")).isEqualTo(Map.of("acks", "all", "linger.ms", "5"));
        assertThat(context.unreadWarnings()).singleElement().asString().startsWith("auditweave.sink.audit.other ");
    }

    @Test
    void context_readsTheSettingsAuditweaveDefinesToo() {
        Settings settings = audit(Map.of("auditweave.sink.audit.timeout-ms", "2500"));
        ProviderContext context = new ProviderContext(settings.sinkSettings().get(0), settings.sinkOptions("audit"),
                true);

        assertThat(context.millis("timeout-ms", Duration.ofSeconds(1), Duration.ofMillis(1), Duration.ofHours(1)))
                .isEqualTo(Duration.ofMillis(2500));
        assertThat(context.key("timeout-ms")).isEqualTo("auditweave.sink.audit.timeout-ms");
    }

    @Test
    void context_encodesAnEventInTheSinksFormat() {
        Settings settings = audit(Map.of("auditweave.sink.audit.format", "flat"));
        ProviderContext context = new ProviderContext(settings.sinkSettings().get(0), settings.sinkOptions("audit"),
                true);

        byte[] line = context.encode(event("e1", "user.blocked"));

        assertThat(new String(line, StandardCharsets.UTF_8)).isEqualTo("{\"kilo_user_id\":\"u-1\"}");
    }

    @Test
    void context_invalid_isAConfigExceptionInTheGettersShape() {
        Settings settings = audit(Map.of("auditweave.sink.audit.mode", "both"));
        ProviderContext context = new ProviderContext(settings.sinkSettings().get(0), settings.sinkOptions("audit"),
                true);

        assertThat(context.invalid("mode", "expected one of a, b")).hasMessage(
                "auditweave.sink.audit.mode = 'both' (override): expected one of a, b");
        assertThat(context.invalid("missing", "needed with mode=both")).hasMessage(
                "auditweave.sink.audit.missing is not set: needed with mode=both");
    }

    private static Settings audit(Map<String, String> more) {
        Map<String, String> values = new HashMap<>(Map.of("auditweave.sinks", "audit",
                "auditweave.sink.audit.type", "test-recorder", "auditweave.sink.audit.batch.max-delay-ms", "0"));
        values.putAll(more);
        return Settings.defaults().with(values);
    }

    private static Event event(String id, String type) {
        return new Event(id, type, 1_716_000_000_000L, Map.of("kilo_user_id", "u-1"));
    }
}
