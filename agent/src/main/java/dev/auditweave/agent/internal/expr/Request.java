package dev.auditweave.agent.internal.expr;

import java.util.Objects;

/**
 * What expressions see as {@code REQUEST}: the HTTP request the calling thread was serving when the annotated
 * method returned, reduced to readable values. Internal; immutable. It cannot be a field value as a whole, nor can
 * its {@code headers}: an expression names the part it sends, so that no cookie or authorization header leaves the
 * process by accident.
 *
 * <pre>{@code
 * REQUEST.ip                        // "203.0.113.7": the client, behind trusted proxies (auditweave.context.trusted-proxies)
 * REQUEST.userAgent                 // the User-Agent header, or null
 * REQUEST.method + ' ' + REQUEST.path   // "POST /api/auth/signup"
 * REQUEST.headers['CF-IPCountry']   // any header by name, case-insensitive; null when absent
 * }</pre>
 *
 * @param ip        the client's address: the peer's, or the one a trusted proxy forwarded; {@code null} when unknown
 * @param method    the HTTP method, such as {@code POST}; {@code null} when unknown
 * @param path      the path of the request URI, without the query; {@code null} when unknown
 * @param userAgent the {@code User-Agent} header, or {@code null}
 * @param headers   every request header by name, case-insensitive (several values of one name joined by
 *                  {@code ", "})
 */
public record Request(String ip, String method, String path, String userAgent, ContextMap headers) {

    public Request {
        Objects.requireNonNull(headers, "headers");
    }
}
