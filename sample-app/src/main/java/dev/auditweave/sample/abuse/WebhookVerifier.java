package dev.auditweave.sample.abuse;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the Standard Webhooks signature of a request, as a receiver must: {@code webhook-signature} holds a
 * {@code v1,<base64 HMAC-SHA256(key, id.timestamp.body)>} for the {@code whsec_} secret, and
 * {@code webhook-timestamp} is within five minutes of now (a replayed old request is refused).
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.of(System.getenv("ABUSE_SERVICE_WEBHOOK_SECRET"), Clock.systemUTC());
 * String problem = verifier.problem(exchange.getRequestHeaders(), body);   // null when the request is genuine
 * }</pre>
 */
public final class WebhookVerifier {

    /** How far {@code webhook-timestamp} may be from now. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final SecretKeySpec key;
    private final Clock clock;

    private WebhookVerifier(byte[] key, Clock clock) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.clock = clock;
    }

    /** @throws IllegalArgumentException when {@code secret} is not {@code whsec_} and base64 */
    public static WebhookVerifier of(String secret, Clock clock) {
        String encoded = secret.strip().startsWith("whsec_") ? secret.strip().substring(6) : secret.strip();
        return new WebhookVerifier(Base64.getDecoder().decode(encoded), clock);
    }

    /** Why the request is refused, or {@code null} when its signature is good and fresh. */
    public String problem(Headers headers, byte[] body) {
        String id = headers.getFirst("webhook-id");
        String timestamp = headers.getFirst("webhook-timestamp");
        String signatures = headers.getFirst("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return "unsigned: expected webhook-id, webhook-timestamp and webhook-signature";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return "webhook-timestamp is not a number of seconds";
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return "webhook-timestamp is more than " + TOLERANCE.toMinutes() + " minutes from now";
        }
        byte[] expected = sign(id + "." + seconds + ".", body);
        for (String signature : signatures.strip().split(" ")) {
            if (signature.startsWith("v1,") && matches(signature.substring(3), expected)) {
                return null;
            }
        }
        return "webhook-signature does not match the body";
    }

    private static boolean matches(String encoded, byte[] expected) {
        try {
            return MessageDigest.isEqual(Base64.getDecoder().decode(encoded), expected);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private byte[] sign(String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
