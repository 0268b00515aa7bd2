package dev.auditweave.agent;

/**
 * An invalid configuration value, reported at start-up.
 *
 * <p>The message names the key, the offending value, where it came from and what is expected, so that it can be
 * shown to the user as is:
 *
 * <pre>{@code
 * try {
 *     Settings settings = Settings.load(agentArgs);
 * } catch (ConfigException e) {
 *     // auditweave.batch.max-events = 'abc' (system property): expected a whole number from 1 to 100000
 *     log.error("auditweave: {}", e.getMessage());
 * }
 * }</pre>
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key     the full key at fault, such as {@code auditweave.http.url}
     * @param message the complete, user-facing explanation
     */
    public ConfigException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The full key at fault, such as {@code auditweave.batch.max-events}. */
    public String key() {
        return key;
    }

    /**
     * The one message shape for a bad value: {@code key = 'value' (origin): problem}. Public because the agent
     * jar shares this class on the bootstrap class path, where no package-private member reaches the
     * configuration classes.
     */
    public static ConfigException invalid(String key, String shownValue, String origin, String problem) {
        return new ConfigException(key, key + " = '" + shownValue + "' (" + origin + "): " + problem);
    }
}
