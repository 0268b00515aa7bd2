package dev.auditweave.sample.abuse;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The Cloudflare Access service-token check of field notes §1: {@code CF-Access-Client-Id} and
 * {@code CF-Access-Client-Secret} must both match, compared in constant time.
 */
final class CfAccess {

    static final String CLIENT_ID_HEADER = "CF-Access-Client-Id";
    static final String CLIENT_SECRET_HEADER = "CF-Access-Client-Secret";
    /** The header Cloudflare Access sets to the signed-in person's email. */
    static final String USER_EMAIL_HEADER = "Cf-Access-Authenticated-User-Email";

    private final byte[] clientId;
    private final byte[] clientSecret;

    CfAccess(String clientId, String clientSecret) {
        this.clientId = Objects.requireNonNull(clientId, "clientId").getBytes(StandardCharsets.UTF_8);
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret").getBytes(StandardCharsets.UTF_8);
    }

    boolean admits(Headers headers) {
        return matches(headers.getFirst(CLIENT_ID_HEADER), clientId)
                & matches(headers.getFirst(CLIENT_SECRET_HEADER), clientSecret);
    }

    private static boolean matches(String given, byte[] expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected);
    }
}
