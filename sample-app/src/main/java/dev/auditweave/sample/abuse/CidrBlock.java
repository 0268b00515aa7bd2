package dev.auditweave.sample.abuse;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address block in CIDR notation.
 *
 * <pre>{@code
 * CidrBlock office = CidrBlock.parse("203.0.113.0/24");
 * office.contains("203.0.113.7");    // true
 * office.contains("198.51.100.1");   // false
 * CidrBlock.parse("203.0.113.0/33"); // IllegalArgumentException: prefix 33 is beyond 32 for an IPv4 address
 * }</pre>
 */
public final class CidrBlock {

    /** Only address literals: nothing that would make {@link InetAddress} ask a name server. */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final String text;
    private final byte[] network;
    private final int prefix;

    private CidrBlock(String text, byte[] network, int prefix) {
        this.text = text;
        this.network = network;
        this.prefix = prefix;
    }

    /**
     * Parses {@code address/prefix}; a bare address is a block of one.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static CidrBlock parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a CIDR block is address/prefix, e.g. 10.0.0.0/8, not blank");
        }
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String addressText = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] address = literal(addressText).orElseThrow(() -> new IllegalArgumentException(
                "not a CIDR block: '" + text + "' (" + addressText + " is not an IP address; expected e.g. 10.0.0.0/8)"));
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String prefixText = trimmed.substring(slash + 1);
            try {
                prefix = Integer.parseInt(prefixText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR block: '" + text + "' (prefix '" + prefixText
                        + "' is not a number)");
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("not a CIDR block: '" + text + "' (prefix " + prefix
                        + " is beyond " + bits + " for an IPv" + (bits == 32 ? 4 : 6) + " address)");
            }
        }
        return new CidrBlock(trimmed, mask(address, prefix), prefix);
    }

    /** Whether {@code ip} (an address literal) lies in this block; {@code false} for null or a non-address. */
    public boolean contains(String ip) {
        if (ip == null) {
            return false;
        }
        Optional<byte[]> address = literal(ip.strip());
        return address.isPresent() && address.get().length == network.length
                && java.util.Arrays.equals(mask(address.get(), prefix), network);
    }

    @Override
    public String toString() {
        return text;
    }

    private static Optional<byte[]> literal(String text) {
        if (text.isEmpty() || !LITERAL.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] &= (byte) (0xFF << (8 - keep));
        }
        return masked;
    }
}
