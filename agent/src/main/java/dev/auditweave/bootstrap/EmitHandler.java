package dev.auditweave.bootstrap;

import java.lang.reflect.Method;

/**
 * What the agent's runtime offers to code outside its own class loader: the advice inlined into application
 * classes, and a compile-time woven copy of auditweave that finds the agent attached. Only JDK types cross it,
 * since each side has its own copy of every auditweave class. Internal: implemented by the agent alone.
 */
public interface EmitHandler {

    /**
     * Step one of a capture by the agent's advice, with the method's first six parameters at hand as
     * {@code a0} to {@code a5}: each as it is when of a reference type, {@code null} when primitive or absent. 0 when
     * nothing of the method can fire; a guard that reads one of them alone is decided in this call. An ask for one
     * argument ({@link Selected}) when the guard reads another alone (a primitive, or one past the sixth). Never
     * throws.
     */
    long select(int planId, Class<?> type, Object result, Object a0, Object a1, Object a2, Object a3, Object a4,
                Object a5);

    /**
     * Step one again, for the argument an ask of {@link #select(int, Class, Object, Object, Object, Object, Object,
     * Object, Object)} is for: what may fire once
     * {@code argument} is known ({@link Selected#candidates} when it is not the one asked for). Never throws.
     */
    long selectArgument(int planId, Class<?> type, long asked, Object argument);

    /** Step two of a capture by the agent's advice, for what {@link #select} selected. Never throws. */
    void afterReturn(int planId, Class<?> type, Object self, Object[] args, Object result, long selected);

    /** Step one after the advised method threw {@code thrown}: 0 when nothing of the method can fire. Never throws. */
    long selectThrown(int planId, Class<?> type, Throwable thrown);

    /**
     * Step two after the advised method threw, for what {@link #selectThrown(int, Class, Throwable)} selected. Never
     * throws.
     */
    void afterThrow(int planId, Class<?> type, Object self, Object[] args, Throwable thrown, long selected);

    /**
     * After a method returning a Reactor {@code Mono} or {@code Flux} returned {@code publisher}: what the advice
     * returns instead, a publisher that watches it (the very {@code publisher} when nothing is to fire). Never throws.
     */
    Object afterPublisher(int planId, Class<?> type, Object self, Object[] args, Object publisher);

    /** Step one of a capture by a woven aspect, handed to the agent's runtime. Never throws. */
    long select(Method method, Object result);

    /** Step one again, for the argument asked for: {@link #selectArgument(int, Class, long, Object)}. Never throws. */
    long selectArgument(Method method, long asked, Object argument);

    /** Step two of a capture by a woven aspect, handed to the agent's runtime. Never throws. */
    void afterReturn(Method method, Object[] args, Object result, long selected);

    /** Step one after a method woven by a copy of auditweave threw, handed to the agent's runtime. Never throws. */
    long selectThrown(Method method, Throwable thrown);

    /** Step two after a woven method threw, handed to the agent's runtime. Never throws. */
    void afterThrow(Method method, Object[] args, Throwable thrown, long selected);

    /** A woven method returned a Reactor publisher: the agent's runtime watches it, as the advice's. Never throws. */
    Object afterPublisher(Method method, Object[] args, Object publisher);

    /** The agent's runtime, for the facade of any copy of auditweave: see {@link RuntimeControl}. */
    RuntimeControl control();
}
