package dev.auditweave.agent.internal.redact;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key of {@code @Field(redact = Redact.HASH)}: HMAC-SHA256 of a value's text, as 64 lower-case hex digits.
 * Immutable and safe to share between threads; its {@link #toString()} never shows the key.
 *
 * <pre>{@code
 * HashKey key = HashKey.of(System.getenv("AUDITWEAVE_REDACT_KEY"));
 * key.hash("ada@example.com");   // the same 64 hex digits for the same text and key, every time
 * }</pre>
 */
public final class HashKey {

    /** The shortest key accepted, in UTF-8 bytes: a shorter one is a typo or a placeholder, not a secret. */
    public static final int MIN_BYTES = 16;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Mac prototype;

    private HashKey(SecretKeySpec key, Mac prototype) {
        this.key = key;
        this.prototype = prototype;
    }

    /**
     * The key whose bytes are the UTF-8 encoding of {@code secret}.
     *
     * @throws IllegalArgumentException when {@code secret} is shorter than {@value #MIN_BYTES} bytes (the message
     *                                  gives the length, never the secret)
     */
    public static HashKey of(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("the key has " + bytes.length + " bytes; expected at least " + MIN_BYTES);
        }
        SecretKeySpec spec = new SecretKeySpec(bytes, ALGORITHM);
        return new HashKey(spec, newMac(spec));
    }

    /** HMAC-SHA256 of {@code text} (UTF-8) under this key, as 64 lower-case hexadecimal digits. */
    public String hash(String text) {
        return HexFormat.of().formatHex(mac().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A {@link Mac} of its own for this call: a {@code Mac} holds state and is not thread-safe. */
    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException notCloneable) {
            return newMac(key);
        }
    }

    private static Mac newMac(SecretKeySpec spec) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(spec);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot compute " + ALGORITHM + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return "HashKey[HmacSHA256, " + key.getEncoded().length + " bytes]";
    }
}
