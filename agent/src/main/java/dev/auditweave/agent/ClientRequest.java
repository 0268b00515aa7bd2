package dev.auditweave.agent;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The HTTP request a thread is serving, as a {@link RequestResolver} reports it for {@code REQUEST} in expressions:
 * what the connection says (the peer's address) and what the client sent (method, path, headers). auditweave derives
 * {@code REQUEST.ip} from it, honouring {@code Forwarded} and {@code X-Forwarded-For} only when the peer is one of the
 * trusted proxies of {@code auditweave.context.trusted-proxies}.
 *
 * <pre>{@code
 * ClientRequest.of("POST", "/api/auth/signup", "10.0.0.7",
 *     Map.of("User-Agent", "curl/8.5.0", "X-Forwarded-For", "203.0.113.7"));
 * }</pre>
 *
 * <p>Immutable; header names are looked up ignoring case. Several values of one header are given joined by
 * {@code ", "}, as HTTP combines them.
 *
 * @param method        the HTTP method, such as {@code POST}; {@code null} when the stack does not say
 * @param path          the path of the request URI, without the query; {@code null} when the stack does not say
 * @param remoteAddress the address of the peer of the connection, an IPv4 or IPv6 literal; {@code null} when unknown
 * @param headers       the request headers by name (never {@code null}, no {@code null} name or value)
 */
public record ClientRequest(String method, String path, String remoteAddress, Map<String, String> headers) {

    public ClientRequest {
        Objects.requireNonNull(headers, "headers (an empty map when there are none)");
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey() == null || header.getKey().isBlank()) {
                throw new IllegalArgumentException("a header name must not be null or blank, was '"
                        + header.getKey() + "'");
            }
            if (header.getValue() == null) {
                throw new IllegalArgumentException("the value of header " + header.getKey() + " must not be null");
            }
            copy.put(header.getKey(), header.getValue());
        }
        headers = Collections.unmodifiableMap(copy);
    }

    /** The request with these parts; see the record's components. */
    public static ClientRequest of(String method, String path, String remoteAddress, Map<String, String> headers) {
        return new ClientRequest(method, path, remoteAddress, headers);
    }

    /** The value of header {@code name} (case-insensitive), or {@code null}. */
    public String header(String name) {
        return headers.get(name);
    }
}
