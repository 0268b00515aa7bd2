package dev.auditweave.agent.internal.expr;

import java.util.concurrent.CompletionStage;

/**
 * When a call's outcome is known, which decides when its annotations fire and what {@code result} means: at the
 * return (the returned value), or later, when the {@code CompletionStage}, Reactor {@code Mono} or Reactor
 * {@code Flux} the method returned completes. Reactor is told by class name, so the agent needs no compile-time
 * view of it.
 *
 * <pre>{@code
 * Completion.of(int.class)                 // RETURN: result is the int
 * Completion.of(CompletableFuture.class)   // STAGE:  result is the value it completes with
 * Completion.of(Mono.class)                // MONO:   result is the value, or null when it completes empty
 * Completion.of(Flux.class)                // FLUX:   result is the number of elements, a long
 * }</pre>
 */
public enum Completion {

    /** The outcome is the return (or the exception): the result is the returned value. */
    RETURN(null),

    /** A {@code CompletionStage}: the result is the value it completes with normally. */
    STAGE("CompletionStage"),

    /**
     * A Reactor {@code Mono}, once per subscription: the result is the value it emits, or {@code null} when it
     * completes empty.
     */
    MONO("Mono"),

    /**
     * A Reactor {@code Flux}, once per subscription: the result is the number of elements it emitted before it
     * completed, a {@code long} (so {@code RETURNED_ROWS} is that count).
     */
    FLUX("Flux");

    private static final String MONO_CLASS = "reactor.core.publisher.Mono";
    private static final String FLUX_CLASS = "reactor.core.publisher.Flux";
    private static final String PUBLISHER_INTERFACE = "org.reactivestreams.Publisher";

    private final String typeName;

    Completion(String typeName) {
        this.typeName = typeName;
    }

    /** How a method declared to return {@code returnType} completes. */
    public static Completion of(Class<?> returnType) {
        if (CompletionStage.class.isAssignableFrom(returnType)) {
            return STAGE;
        }
        for (Class<?> c = returnType; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(MONO_CLASS)) {
                return MONO;
            }
            if (c.getName().equals(FLUX_CLASS)) {
                return FLUX;
            }
        }
        return RETURN;
    }

    /**
     * Reactor's {@code Mono} or {@code Flux} class itself among {@code type} and its superclasses, or {@code null}:
     * the class whose operators wrap a returned publisher.
     */
    public static Class<?> reactorBase(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(MONO_CLASS) || c.getName().equals(FLUX_CLASS)) {
                return c;
            }
        }
        return null;
    }

    /**
     * Whether {@code type} is a Reactive Streams {@code Publisher} (by name, through its interfaces and theirs): the
     * outcome of such a method is not its return.
     */
    public static boolean isPublisher(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(PUBLISHER_INTERFACE)) {
                return true;
            }
            for (Class<?> implemented : c.getInterfaces()) {
                if (isPublisher(implemented)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the outcome comes after the return: the annotations fire when the returned value completes. */
    public boolean later() {
        return this != RETURN;
    }

    /** Whether the method returns a Reactor publisher, which the weaver replaces by one that watches it. */
    public boolean publisher() {
        return this == MONO || this == FLUX;
    }

    /** {@code "CompletionStage"}, {@code "Mono"} or {@code "Flux"}; {@code null} for {@link #RETURN}. */
    public String typeName() {
        return typeName;
    }
}
