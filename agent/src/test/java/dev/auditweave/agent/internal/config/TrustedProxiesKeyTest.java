package dev.auditweave.agent.internal.config;

import dev.auditweave.agent.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.internal.context.Cidr;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustedProxiesKeyTest {

    private static final String KEY = "auditweave.context.trusted-proxies";

    @Test
    void trustedProxies_defaultIsNone() {
        assertThat(Settings.defaults().get(ConfigKeys.CONTEXT_TRUSTED_PROXIES)).isEmpty();
    }

    @Test
    void trustedProxies_aListOfAddressesAndBlocks() {
        Settings settings = Settings.from(null, Map.of(KEY, "10.0.0.0/8, 127.0.0.1,::1/128,10.0.0.0/8"), Map.of(),
                null);

        assertThat(settings.get(ConfigKeys.CONTEXT_TRUSTED_PROXIES)).extracting(Cidr::toString)
                .containsExactly("10.0.0.0/8", "127.0.0.1", "::1/128");
    }

    @Test
    void trustedProxies_aHostNameIsAnErrorNamingTheKeyAndTheValue() {
        assertThatThrownBy(() -> Settings.from(null, Map.of(KEY, "10.0.0.0/8,lb.internal"), Map.of(), null))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo(KEY))
                .hasMessage(KEY + " = '10.0.0.0/8,lb.internal' (system property): 'lb.internal' is not an IP address"
                        + " or a CIDR block (such as 10.0.0.0/8, 192.168.1.7 or 2001:db8::/32); host names are not"
                        + " accepted; expected a comma-separated list of IP addresses and CIDR blocks, such as"
                        + " 10.0.0.0/8,192.168.1.7,::1, or empty for none");
    }

    @Test
    void trustedProxies_aPrefixTooLongIsAnError() {
        assertThatThrownBy(() -> Settings.from(null, Map.of(KEY, "::1/129"), Map.of(), null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'::1/129' has a prefix length that is not a whole number from 0 to 128");
    }
}
