package dev.auditweave.agent.internal.sink;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs HTTP requests by the Standard Webhooks scheme (https://www.standardwebhooks.com): the headers
 * {@code webhook-id}, {@code webhook-timestamp} (epoch seconds) and {@code webhook-signature}
 * ({@code v1,<base64 of HMAC-SHA256(key, id + "." + timestamp + "." + body)>}), with the key the base64 part of a
 * {@code whsec_} secret. Immutable; its {@link #toString()} never shows the key.
 *
 * <pre>{@code
 * WebhookSigner signer = WebhookSigner.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
 * signer.signature("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}".getBytes(UTF_8));
 * // "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
 * }</pre>
 */
public final class WebhookSigner {

    /** The prefix of a Standard Webhooks secret. */
    public static final String PREFIX = "whsec_";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 16;

    private final SecretKeySpec key;

    private WebhookSigner(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /**
     * The signer of {@code secret}, {@code whsec_} and the base64 of the key (the prefix may be left out).
     *
     * @throws IllegalArgumentException when the rest is not base64 or decodes to fewer than 16 bytes (the message
     *                                  never shows the secret)
     */
    public static WebhookSigner of(String secret) {
        String encoded = secret.strip();
        if (encoded.startsWith(PREFIX)) {
            encoded = encoded.substring(PREFIX.length());
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected whsec_ and the base64 of the key, but the part after whsec_"
                    + " is not base64");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("expected whsec_ and the base64 of a key of at least " + MIN_KEY_BYTES
                    + " bytes, but the key has " + key.length);
        }
        WebhookSigner signer = new WebhookSigner(key);
        signer.mac(); // fails now, at start-up, if this JVM has no HmacSHA256
        return signer;
    }

    /** The value of {@code webhook-signature} for one request. */
    public String signature(String id, long timestampSeconds, byte[] body) {
        Mac mac = mac();
        mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot compute " + ALGORITHM + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSigner[v1, HmacSHA256]";
    }
}
