package dev.auditweave.sample.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CidrBlockTest {

    @Test
    void contains_ipv4Prefix() {
        CidrBlock block = CidrBlock.parse("203.0.113.0/24");

        assertThat(block.contains("203.0.113.0")).isTrue();
        assertThat(block.contains("203.0.113.255")).isTrue();
        assertThat(block.contains("203.0.114.1")).isFalse();
    }

    @Test
    void contains_prefixNotOnAByteBoundary() {
        CidrBlock block = CidrBlock.parse("10.0.0.0/13");

        assertThat(block.contains("10.7.255.255")).isTrue();
        assertThat(block.contains("10.8.0.0")).isFalse();
    }

    @Test
    void contains_ipv6() {
        CidrBlock block = CidrBlock.parse("2001:db8::/32");

        assertThat(block.contains("2001:db8:1::7")).isTrue();
        assertThat(block.contains("2001:db9::1")).isFalse();
        assertThat(block.contains("10.0.0.1")).isFalse();
    }

    @Test
    void contains_bareAddressIsABlockOfOne() {
        CidrBlock block = CidrBlock.parse("198.51.100.7");

        assertThat(block.contains("198.51.100.7")).isTrue();
        assertThat(block.contains("198.51.100.8")).isFalse();
    }

    @Test
    void contains_nullOrNotAnAddress() {
        CidrBlock block = CidrBlock.parse("0.0.0.0/0");

        assertThat(block.contains(null)).isFalse();
        assertThat(block.contains("localhost")).isFalse();
        assertThat(block.contains("1.2.3.4")).isTrue();
    }

    @Test
    void parse_prefixTooLong() {
        assertThatThrownBy(() -> CidrBlock.parse("10.0.0.0/33"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a CIDR block: '10.0.0.0/33' (prefix 33 is beyond 32 for an IPv4 address)");
    }

    @Test
    void parse_prefixNotANumber() {
        assertThatThrownBy(() -> CidrBlock.parse("10.0.0.0/x"))
                .hasMessage("not a CIDR block: '10.0.0.0/x' (prefix 'x' is not a number)");
    }

    @Test
    void parse_hostNameIsRefusedWithoutALookUp() {
        assertThatThrownBy(() -> CidrBlock.parse("example.com/24"))
                .hasMessageContaining("example.com is not an IP address");
    }

    @Test
    void allowlist_anyBlock() {
        Allowlist allowlist = Allowlist.of(List.of("10.0.0.0/8", "192.168.0.0/16"));

        assertThat(allowlist.allows("192.168.4.4")).isTrue();
        assertThat(allowlist.allows("172.16.0.1")).isFalse();
    }
}
