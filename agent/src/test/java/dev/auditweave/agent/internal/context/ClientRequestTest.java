package dev.auditweave.agent.internal.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.ClientRequest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientRequestTest {

    @Test
    void headersAreCopiedAndLookedUpIgnoringCase() {
        Map<String, String> headers = new HashMap<>(Map.of("User-Agent", "curl/8.5.0"));
        ClientRequest request = ClientRequest.of("GET", "/", "127.0.0.1", headers);
        headers.put("Cookie", "session=1");

        assertThat(request.header("user-agent")).isEqualTo("curl/8.5.0");
        assertThat(request.headers()).as("a copy").doesNotContainKey("Cookie");
        assertThatThrownBy(() -> request.headers().put("X", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void badHeadersAreRejectedNamingWhatIsWrong() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("X-Request-Id", null);
        assertThatThrownBy(() -> ClientRequest.of("GET", "/", null, nullValue))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the value of header X-Request-Id must not be null");
        assertThatThrownBy(() -> ClientRequest.of("GET", "/", null, Map.of(" ", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a header name must not be null or blank, was ' '");
        assertThatThrownBy(() -> ClientRequest.of("GET", "/", null, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("headers");
    }
}
