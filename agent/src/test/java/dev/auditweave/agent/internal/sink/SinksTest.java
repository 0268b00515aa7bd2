package dev.auditweave.agent.internal.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditweave.agent.internal.config.Settings;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinksTest {

    @Test
    void theLogSinkIsTheDefault() {
        assertThat(Sinks.from(Settings.defaults())).singleElement().isInstanceOf(LogSink.class);
    }

    @Test
    void anHttpSinkWithoutAUrlIsASilentNoOp() {
        Settings settings = Settings.defaults().with(Map.of("auditweave.sink", "http"));

        assertThat(Sinks.from(settings)).isEmpty();
    }

    @Test
    void buildsEveryNamedSink() {
        Settings settings = Settings.defaults().with(Map.of("auditweave.sink", "log,http,memory",
                "auditweave.http.url", "http://127.0.0.1:9/api/events"));

        assertThat(Sinks.configured(settings)).extracting(Sinks.Configured::name).containsExactly("log", "http", "memory");
        assertThat(((HttpSink) Sinks.from(settings).get(1)).url()).isEqualTo(URI.create("http://127.0.0.1:9/api/events"));
    }

    @Test
    void noneMeansNoSinkAtAll() {
        assertThat(Sinks.from(Settings.defaults().with(Map.of("auditweave.sink", "none")))).isEmpty();
    }
}
