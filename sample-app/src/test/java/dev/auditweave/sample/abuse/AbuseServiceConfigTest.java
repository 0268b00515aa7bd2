package dev.auditweave.sample.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AbuseServiceConfigTest {

    private static final Map<String, String> CREDENTIALS = Map.of(
            AbuseServiceConfig.CLIENT_ID_VARIABLE, "id", AbuseServiceConfig.CLIENT_SECRET_VARIABLE, "secret");

    @Test
    void parse_everyOption() {
        AbuseServiceConfig config = AbuseServiceConfig.parse(List.of("--port", "8085", "--jdbc-url",
                "jdbc:postgresql://127.0.0.1/abuse", "--allow", "10.0.0.0/8", "--allow", "2001:db8::/32",
                "--editor", "eve@acme.example=o-acme"), CREDENTIALS);

        assertThat(config.port()).isEqualTo(8085);
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1/abuse");
        assertThat(config.allowlist().allows("2001:db8::1")).isTrue();
        assertThat(config.editors()).containsOnlyKeys("eve@acme.example");
        assertThat(config.clientSecret()).isEqualTo("secret");
    }

    @Test
    void parse_defaultsToAFreePortAndH2() {
        AbuseServiceConfig config = AbuseServiceConfig.parse(List.of(), CREDENTIALS);

        assertThat(config.port()).isZero();
        assertThat(config.jdbcUrl()).startsWith("jdbc:h2:mem:");
    }

    @Test
    void parse_withoutCredentials() {
        assertThatThrownBy(() -> AbuseServiceConfig.parse(List.of(), Map.of()))
                .hasMessageStartingWith("ABUSE_SERVICE_CF_ACCESS_CLIENT_ID is not set");
    }

    @Test
    void parse_badOptions() {
        assertThatThrownBy(() -> AbuseServiceConfig.parse(List.of("--prot", "1"), CREDENTIALS))
                .hasMessageStartingWith("unknown option --prot");
        assertThatThrownBy(() -> AbuseServiceConfig.parse(List.of("--port"), CREDENTIALS))
                .hasMessage("--port needs a value");
        assertThatThrownBy(() -> AbuseServiceConfig.parse(List.of("--port", "http"), CREDENTIALS))
                .hasMessage("--port must be a number, got 'http'");
        assertThatThrownBy(() -> AbuseServiceConfig.parse(List.of("--allow", "10.0.0.0/40"), CREDENTIALS))
                .hasMessageContaining("prefix 40");
        assertThatThrownBy(() -> AbuseServiceConfig.parse(List.of("--editor", "a@b=o", "--editor", "a@b=p"),
                CREDENTIALS)).hasMessage("editor a@b is given twice");
    }
}
