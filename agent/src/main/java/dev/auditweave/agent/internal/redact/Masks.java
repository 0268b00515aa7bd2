package dev.auditweave.agent.internal.redact;

/**
 * {@code @Field(redact = Redact.MASK)}: most of a text replaced by {@code *}.
 *
 * <pre>{@code
 * Masks.mask("ada@example.com");       // "***@example.com"
 * Masks.mask("4242424242424242");      // "****4242"
 * Masks.mask("secret");                // "****"
 * }</pre>
 */
final class Masks {

    /** Text at least this long keeps its last {@link #KEPT} characters; shorter text keeps none. */
    static final int MIN_LENGTH_TO_KEEP = 8;
    static final int KEPT = 4;

    private Masks() {
    }

    /**
     * An e-mail address ({@code local@domain}, both parts non-empty) becomes {@code ***@domain}; other text of
     * {@value #MIN_LENGTH_TO_KEEP} characters or more becomes {@code ****} and its last {@value #KEPT}; shorter text
     * becomes {@code ****}. The length of the clear text is never shown.
     */
    static String mask(String text) {
        int at = text.lastIndexOf('@');
        if (at > 0 && at < text.length() - 1) {
            return "***" + text.substring(at);
        }
        if (text.codePointCount(0, text.length()) >= MIN_LENGTH_TO_KEEP) {
            return "****" + text.substring(text.offsetByCodePoints(text.length(), -KEPT));
        }
        return "****";
    }
}
