package dev.auditweave.sample.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveSinksTest {

    private static final URI LIVE_EVENTS = URI.create("http://127.0.0.1:2/api/events");
    private static final URI LIVE_AUTH = URI.create("http://127.0.0.1:2/api/auth-event");

    private final Map<String, String> properties = DemoLauncher.withLiveService(DemoLauncher.childProperties(
            URI.create("http://127.0.0.1:1/api/events"), URI.create("http://127.0.0.1:1/api/audit-log"),
            URI.create("http://127.0.0.1:1/api/auth-event")), LIVE_EVENTS, LIVE_AUTH);

    @Test
    void withLiveService_addsTwoSinksAfterTheDemosThree() {
        assertThat(properties.get("auditweave.sinks")).isEqualTo("abuse,audit,auth,live,live-auth");
    }

    @Test
    void withLiveService_liveTakesWhatAbuseTakes() {
        assertThat(properties.get("auditweave.sink.live.url")).isEqualTo(LIVE_EVENTS.toString());
        assertThat(properties.get("auditweave.sink.live.types"))
                .isEqualTo(properties.get("auditweave.sink.abuse.types"));
        assertThat(properties.get("auditweave.sink.live.header.CF-Access-Client-Secret"))
                .isEqualTo("${ABUSE_SERVICE_CF_ACCESS_CLIENT_SECRET}");
    }

    @Test
    void withLiveService_liveAuthIsFlatAsAuth() {
        assertThat(properties.get("auditweave.sink.live-auth.url")).isEqualTo(LIVE_AUTH.toString());
        assertThat(properties.get("auditweave.sink.live-auth.format")).isEqualTo("flat");
        assertThat(properties.get("auditweave.sink.live-auth.types"))
                .isEqualTo(properties.get("auditweave.sink.auth.types"));
    }
}
