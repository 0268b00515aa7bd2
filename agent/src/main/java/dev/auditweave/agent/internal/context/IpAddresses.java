package dev.auditweave.agent.internal.context;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IP address literals, read without ever asking DNS: an IPv4 dotted quad, or an IPv6 literal (with or without
 * brackets, with or without a zone). Anything else, a host name included, is not an address.
 *
 * <pre>{@code
 * IpAddresses.parse("203.0.113.7");   // 4 bytes
 * IpAddresses.parse("[2001:db8::1]"); // 16 bytes
 * IpAddresses.parse("proxy.local");   // null: a name, never looked up
 * }</pre>
 */
final class IpAddresses {

    private IpAddresses() {
    }

    /** The bytes of the literal {@code text} (4 or 16), or {@code null} when it is not one. */
    static byte[] parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (literal.indexOf(':') >= 0) {
            return ipv6(literal);
        }
        return ipv4(literal);
    }

    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    private static byte[] ipv6(String text) {
        String literal = text;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (literal.isEmpty() || !literal.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            return null;
        }
        try {
            // A literal with ':' is parsed as an IPv6 address, never looked up.
            return InetAddress.getByName("[" + literal + "]").getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
