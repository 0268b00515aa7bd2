package dev.auditweave.agent.internal.context;

import java.util.Arrays;

/**
 * A block of IP addresses, written {@code 10.0.0.0/8}, {@code 2001:db8::/32}, or a single address
 * ({@code 127.0.0.1}, {@code ::1}), as {@code auditweave.context.trusted-proxies} lists them. Immutable.
 *
 * <pre>{@code
 * Cidr proxies = Cidr.parse("10.0.0.0/8");
 * proxies.contains("10.1.2.3");      // true
 * proxies.contains("203.0.113.7");   // false
 * }</pre>
 */
public final class Cidr {

    private final String text;
    private final byte[] network;
    private final int prefix;

    private Cidr(String text, byte[] network, int prefix) {
        this.text = text;
        this.network = network;
        this.prefix = prefix;
    }

    /**
     * The block {@code text} stands for.
     *
     * @throws IllegalArgumentException when it is not an IPv4 or IPv6 address, optionally followed by {@code /} and a
     *                                  prefix length that fits it (0 to 32, 0 to 128), with no bits set past the prefix
     */
    public static Cidr parse(String text) {
        String written = text == null ? "" : text.trim();
        int slash = written.indexOf('/');
        String address = slash < 0 ? written : written.substring(0, slash);
        byte[] bytes = IpAddresses.parse(address);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + written + "' is not an IP address or a CIDR block (such as"
                    + " 10.0.0.0/8, 192.168.1.7 or 2001:db8::/32); host names are not accepted");
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = written.substring(slash + 1);
            if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(length) > bits) {
                throw new IllegalArgumentException("'" + written + "' has a prefix length that is not a whole number"
                        + " from 0 to " + bits);
            }
            prefix = Integer.parseInt(length);
        }
        for (int bit = prefix; bit < bits; bit++) {
            if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                throw new IllegalArgumentException("'" + written + "' has bits set past its /" + prefix
                        + " prefix; write the network address of the block");
            }
        }
        return new Cidr(written, bytes, prefix);
    }

    /** Whether the address literal {@code address} is in this block; a text that is not an address is not. */
    public boolean contains(String address) {
        return contains(IpAddresses.parse(address));
    }

    boolean contains(byte[] address) {
        if (address == null || address.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && prefix == cidr.prefix && Arrays.equals(network, cidr.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        return text;
    }
}
