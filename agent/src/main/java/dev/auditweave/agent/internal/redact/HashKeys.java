package dev.auditweave.agent.internal.redact;

/**
 * The hash key of the running runtime, for the plan builder: an annotation with a {@code HASH} field is disabled
 * when the plan is built, with an error naming the missing key, rather than failing at its first call. The capture
 * reads the runtime's own key; this only tells whether one was set.
 *
 * <pre>{@code
 * HashKeys.install(key);            // the runtime, at start, with null when no key is set
 * if (HashKeys.knownMissing()) ...  // the plan builder, for a HASH field
 * }</pre>
 */
public final class HashKeys {

    private static final Object NO_RUNTIME = new Object();
    private static final Object NONE = new Object();

    private static volatile Object installed = NO_RUNTIME;

    private HashKeys() {
    }

    /** Records the key of the runtime that starts; {@code null} when it has none. */
    public static void install(HashKey key) {
        installed = key == null ? NONE : key;
    }

    /** Whether a runtime has started without a hash key (before any runtime started, nothing is known). */
    public static boolean knownMissing() {
        return installed == NONE;
    }
}
