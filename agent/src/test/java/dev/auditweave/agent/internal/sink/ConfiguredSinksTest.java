package dev.auditweave.agent.internal.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.config.Settings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfiguredSinksTest {

    @Test
    void buildsOneSinkPerNamedDestination() {
        Settings settings = Settings.defaults().with(Map.of(
                "auditweave.sinks", "abuse,auth,audit,tests",
                "auditweave.sink.abuse.type", "http",
                "auditweave.sink.abuse.url", "http://127.0.0.1:9/api/events",
                "auditweave.sink.auth.type", "http",
                "auditweave.sink.auth.url", "http://127.0.0.1:9/api/auth-event",
                "auditweave.sink.auth.format", "flat",
                "auditweave.sink.auth.types", "auth.*",
                "auditweave.event.max-bytes", "4096",
                "auditweave.sink.audit.type", "log",
                "auditweave.sink.tests.type", "memory"));

        List<Sinks.Configured> sinks = Sinks.configured(settings);

        assertThat(sinks).extracting(Sinks.Configured::name).containsExactly("abuse", "auth", "audit", "tests");
        HttpSink auth = (HttpSink) sinks.get(1).sink();
        assertThat(auth.url()).isEqualTo(URI.create("http://127.0.0.1:9/api/auth-event"));
        assertThat(auth.options()).isEqualTo(HttpSink.Options.isolating(Format.FLAT, "auditweave", 4096));
        assertThat(sinks.get(1).settings().eventTypes()).containsExactly("auth.*");
        assertThat(sinks.get(2).sink()).isInstanceOf(LogSink.class);
        assertThat(sinks.get(3).sink()).isSameAs(MemorySink.named("tests"));
    }

    @Test
    void theShorthandHttpSinkKeepsWholeBatchRejectionsButLimitsEventSize() {
        Settings settings = Settings.defaults().with(Map.of("auditweave.sink", "http",
                "auditweave.http.url", "http://127.0.0.1:9/api/events"));

        HttpSink http = (HttpSink) Sinks.from(settings).get(0);

        assertThat(http.name()).isEqualTo("http");
        assertThat(http.options()).isEqualTo(new HttpSink.Options(Format.ENVELOPE, "auditweave", 1_048_576, false));
    }
}
