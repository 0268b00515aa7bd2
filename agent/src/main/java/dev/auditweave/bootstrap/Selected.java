package dev.auditweave.bootstrap;

/**
 * What step one of a capture answers, as one {@code long} so that the guard-false path allocates nothing: {@code 0}
 * when nothing fires; else bit {@code i} set for each annotation {@code i} that may fire ({@code -1}: every one),
 * or an ask for one argument. An ask says that a guard reads argument {@link #argumentIndex} and that this argument
 * alone may rule the call out, and that the weaver did not hand it to step one (a primitive, or one past the sixth):
 * the weaver reads that one argument and asks again ({@code selectArgument}), before it builds any arguments array.
 * A weaver that cannot read it goes on with {@link #candidates} instead, and step two evaluates every guard in full.
 *
 * <pre>{@code
 * long selected = EmitBridge.select(planId, type, result, a0, a1, a2, a3, a4, a5);
 * if (selected != 0L && Selected.asksArgument(selected)) {
 *     selected = EmitBridge.selectArgument(planId, type, selected, arguments[Selected.argumentIndex(selected)]);
 * }
 * }</pre>
 *
 * <p>Internal: the protocol between the weavers and the runtime, not an API for applications.
 */
public final class Selected {

    /** The most annotations an ask carries as {@link #candidates}: one bit each, in the low 32 bits. */
    public static final int ASKABLE = 32;

    private static final long ASK = Long.MIN_VALUE;
    private static final int INDEX_SHIFT = 32;
    /** Parameter indices fit in a byte: the JVM allows at most 255 parameter slots. */
    private static final long INDEX_MASK = 0xFFL;

    private Selected() {
    }

    /**
     * An ask for argument {@code index}, for a call whose {@code candidates} (annotations 0 to 31) may fire so far.
     *
     * @throws IllegalArgumentException when {@code index} is not a parameter index or {@code candidates} is empty or
     *                                  names an annotation past the 32nd
     */
    public static long askingArgument(int index, long candidates) {
        if (index < 0 || index > INDEX_MASK) {
            throw new IllegalArgumentException("a parameter index is 0 to 255, not " + index);
        }
        if (candidates == 0L || candidates >>> ASKABLE != 0L) {
            throw new IllegalArgumentException("an ask carries 1 to 32 annotations, not " + Long.toBinaryString(candidates));
        }
        return ASK | (long) index << INDEX_SHIFT | candidates;
    }

    /**
     * Whether step one asks for an argument. Any other answer is {@code 0}, {@code -1} or a set of bits below bit 63,
     * so an ask is the one answer below {@code -1}.
     */
    public static boolean asksArgument(long selected) {
        return selected < -1L;
    }

    /** The parameter an ask is for, from 0. */
    public static int argumentIndex(long asked) {
        return (int) (asked >>> INDEX_SHIFT & INDEX_MASK);
    }

    /** The annotations that may fire: those of an ask, or {@code selected} itself when it is not one. */
    public static long candidates(long selected) {
        return asksArgument(selected) ? selected & 0xFFFF_FFFFL : selected;
    }
}
