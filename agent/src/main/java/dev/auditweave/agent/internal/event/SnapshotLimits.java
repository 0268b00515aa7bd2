package dev.auditweave.agent.internal.event;

/**
 * How much of a field's value {@link EventValues} copies into an event, so that a deep, huge or cyclic value can
 * neither overflow the calling thread's stack nor make it copy without end. Immutable; the runtime builds one from
 * {@code auditweave.snapshot.max-depth} and {@code auditweave.snapshot.max-elements} at start-up.
 *
 * <pre>{@code
 * SnapshotLimits limits = new SnapshotLimits(16, 1000);           // the defaults, SnapshotLimits.DEFAULTS
 * Object copy = EventValues.snapshot(value, limits);
 * }</pre>
 *
 * @param maxDepth      the deepest nesting of maps, lists, arrays, records and optionals copied (a top-level list is
 *                      depth 0, its element lists depth 1); a container deeper than that becomes a marker
 * @param maxElements   the most entries copied from one map, list or array; a marker entry says how many were left out
 * @param maxTextLength the longest {@code toString()} text of any other object kept; a longer one is cut
 */
public record SnapshotLimits(int maxDepth, int maxElements, int maxTextLength) {

    /** The longest {@code toString()} text kept unless said otherwise. */
    public static final int DEFAULT_MAX_TEXT_LENGTH = 4096;

    /** {@code auditweave.snapshot.max-depth} 16, {@code auditweave.snapshot.max-elements} 1000, text 4096 chars. */
    public static final SnapshotLimits DEFAULTS = new SnapshotLimits(16, 1000);

    public SnapshotLimits {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, was " + maxDepth);
        }
        if (maxElements < 1) {
            throw new IllegalArgumentException("maxElements must be at least 1, was " + maxElements);
        }
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("maxTextLength must be at least 1, was " + maxTextLength);
        }
    }

    /** Limits with the default text length, {@value #DEFAULT_MAX_TEXT_LENGTH} characters. */
    public SnapshotLimits(int maxDepth, int maxElements) {
        this(maxDepth, maxElements, DEFAULT_MAX_TEXT_LENGTH);
    }
}
