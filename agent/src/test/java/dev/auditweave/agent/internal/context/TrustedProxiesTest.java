package dev.auditweave.agent.internal.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditweave.agent.ClientRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private static final TrustedProxies PROXIES = TrustedProxies.of(List.of(Cidr.parse("10.0.0.0/8"),
            Cidr.parse("2001:db8::/32")));

    private static ClientRequest from(String peer, Map<String, String> headers) {
        return ClientRequest.of("GET", "/", peer, headers);
    }

    // ---------------------------------------------------------------- Cidr

    @Test
    void cidr_containsTheAddressesOfItsBlockOnly() {
        Cidr block = Cidr.parse("192.168.4.0/22");
        assertThat(block.contains("192.168.7.255")).isTrue();
        assertThat(block.contains("192.168.8.0")).isFalse();
        assertThat(Cidr.parse("127.0.0.1").contains("127.0.0.1")).isTrue();
        assertThat(Cidr.parse("127.0.0.1").contains("127.0.0.2")).isFalse();
        assertThat(Cidr.parse("::1").contains("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(Cidr.parse("0.0.0.0/0").contains("203.0.113.7")).isTrue();
        assertThat(Cidr.parse("0.0.0.0/0").contains("::1")).as("an IPv4 block never holds an IPv6 address").isFalse();
        assertThat(block.contains("not an address")).isFalse();
    }

    @Test
    void cidr_badTextIsAnErrorSayingWhatIsExpected() {
        assertThatThrownBy(() -> Cidr.parse("proxy.internal")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'proxy.internal' is not an IP address or a CIDR block (such as 10.0.0.0/8, 192.168.1.7 or"
                        + " 2001:db8::/32); host names are not accepted");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'10.0.0.0/33' has a prefix length that is not a whole number from 0 to 32");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.1/8")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'10.0.0.1/8' has bits set past its /8 prefix; write the network address of the block");
        assertThatThrownBy(() -> Cidr.parse("256.0.0.1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'256.0.0.1' is not an IP address");
    }

    // ---------------------------------------------------------------- the client address

    @Test
    void withoutTrustedProxiesTheForwardingHeadersAreIgnored() {
        ClientRequest request = from("198.51.100.9", Map.of("X-Forwarded-For", "203.0.113.7",
                "Forwarded", "for=203.0.113.8"));
        assertThat(TrustedProxies.none().clientAddress(request)).isEqualTo("198.51.100.9");
    }

    @Test
    void fromAnUntrustedPeerTheHeadersAreIgnored() {
        ClientRequest spoofed = from("198.51.100.9", Map.of("X-Forwarded-For", "10.0.0.1"));
        assertThat(PROXIES.clientAddress(spoofed)).isEqualTo("198.51.100.9");
    }

    @Test
    void fromATrustedPeerTheNearestUntrustedHopIsTheClient() {
        // The client wrote 1.1.1.1 itself: only what the trusted proxies appended is believed.
        ClientRequest request = from("10.0.0.2", Map.of("X-Forwarded-For", "1.1.1.1, 203.0.113.7, 10.0.0.9"));
        assertThat(PROXIES.clientAddress(request)).isEqualTo("203.0.113.7");
    }

    @Test
    void forwardedWinsOverXForwardedForAndItsQuotesBracketsAndPortsAreRead() {
        ClientRequest request = from("10.0.0.2", Map.of("X-Forwarded-For", "198.51.100.1",
                "Forwarded", "for=192.0.2.60;proto=http, for=\"[2001:db8:cafe::17]:4711\";by=10.0.0.2"));
        assertThat(PROXIES.clientAddress(request)).as("2001:db8::/32 is trusted, so the hop before it")
                .isEqualTo("192.0.2.60");
        ClientRequest withPort = from("10.0.0.2", Map.of("Forwarded", "for=\"203.0.113.7:51000\""));
        assertThat(PROXIES.clientAddress(withPort)).isEqualTo("203.0.113.7");
    }

    @Test
    void anUnknownOrObfuscatedClientIsNullNotAProxysAddress() {
        assertThat(PROXIES.clientAddress(from("10.0.0.2", Map.of("Forwarded", "for=unknown")))).isNull();
        assertThat(PROXIES.clientAddress(from("10.0.0.2", Map.of("X-Forwarded-For", "_hidden, 10.0.0.3")))).isNull();
    }

    @Test
    void aTrustedPeerWithoutHeadersOrOnlyTrustedHopsGivesTheFarthestKnown() {
        assertThat(PROXIES.clientAddress(from("10.0.0.2", Map.of()))).isEqualTo("10.0.0.2");
        assertThat(PROXIES.clientAddress(from("10.0.0.2", Map.of("X-Forwarded-For", "10.0.0.7, 10.0.0.8"))))
                .isEqualTo("10.0.0.7");
    }

    @Test
    void anUnknownPeerIsNull() {
        assertThat(PROXIES.clientAddress(from(null, Map.of("X-Forwarded-For", "203.0.113.7")))).isNull();
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        assertThat(PROXIES.clientAddress(from("10.0.0.2", Map.of("x-forwarded-for", "203.0.113.7"))))
                .isEqualTo("203.0.113.7");
    }
}
