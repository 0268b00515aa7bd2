package dev.auditweave.agent.internal.context;

import dev.auditweave.agent.ClientRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The proxies whose {@code Forwarded} and {@code X-Forwarded-For} headers are believed
 * ({@code auditweave.context.trusted-proxies}), and the client address of a request they imply. A header any client
 * can write is honoured only when the peer of the connection is trusted: then the forwarded hops are read from the
 * nearest back, each trusted one skipped, and the first one that is not trusted is the client. Without trusted
 * proxies (the default), the client is the peer. Immutable.
 *
 * <pre>{@code
 * TrustedProxies proxies = TrustedProxies.of(List.of(Cidr.parse("10.0.0.0/8")));
 * proxies.clientAddress(ClientRequest.of("GET", "/", "10.0.0.2", Map.of("X-Forwarded-For", "203.0.113.7, 10.0.0.9")));
 * // "203.0.113.7"; from a peer outside 10.0.0.0/8 the header is ignored and the peer is the client
 * }</pre>
 *
 * <p>{@code Forwarded} (RFC 7239) wins over {@code X-Forwarded-For} when both are present. A hop that is not an
 * address ({@code unknown}, an obfuscated {@code _name}) where the client should be gives {@code null}: the client is
 * not known, and no proxy's address stands in for it.
 */
public final class TrustedProxies {

    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Cidr> blocks;

    private TrustedProxies(List<Cidr> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** No trusted proxy: the client is always the peer. */
    public static TrustedProxies none() {
        return NONE;
    }

    /** The proxies in {@code blocks}. */
    public static TrustedProxies of(List<Cidr> blocks) {
        return blocks.isEmpty() ? NONE : new TrustedProxies(blocks);
    }

    /** The client address of {@code request}, or {@code null} when it is not known. */
    public String clientAddress(ClientRequest request) {
        String peer = address(request.remoteAddress());
        if (blocks.isEmpty() || !trusts(peer)) {
            return peer;
        }
        List<String> hops = hops(request);
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = address(hops.get(i));
            if (client == null || !trusts(client)) {
                return client;
            }
        }
        return client;
    }

    private boolean trusts(String address) {
        byte[] bytes = IpAddresses.parse(address);
        if (bytes == null) {
            return false;
        }
        for (Cidr block : blocks) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** The forwarded hops, the client first, the nearest proxy last. */
    private static List<String> hops(ClientRequest request) {
        List<String> hops = new ArrayList<>();
        String forwarded = request.header("Forwarded");
        if (forwarded != null) {
            for (String element : forwarded.split(",")) {
                for (String pair : element.split(";")) {
                    String trimmed = pair.trim();
                    if (trimmed.toLowerCase(Locale.ROOT).startsWith("for=")) {
                        hops.add(unquote(trimmed.substring(4).trim()));
                    }
                }
            }
            return hops;
        }
        String forwardedFor = request.header("X-Forwarded-For");
        if (forwardedFor != null) {
            for (String hop : forwardedFor.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        return hops;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /**
     * The address a hop names without brackets or port ({@code [2001:db8::1]:4711}, {@code 192.0.2.60:8080}), or
     * {@code null} when it names none.
     */
    static String address(String hop) {
        if (hop == null) {
            return null;
        }
        String text = hop.trim();
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            text = close < 0 ? text : text.substring(1, close);
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            text = text.substring(0, text.indexOf(':'));
        }
        return IpAddresses.parse(text) == null ? null : text;
    }

    @Override
    public String toString() {
        return blocks.toString();
    }
}
