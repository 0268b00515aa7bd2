package dev.auditweave.bootstrap;

import java.lang.reflect.Method;

/**
 * The way from instrumented application code into the agent's runtime. The agent appends its jar to the bootstrap
 * class path, so every class loader reaches this class, while the runtime itself lives in the agent's private
 * class loader (see {@link AgentLauncher}). The advice the agent inlines calls the static methods here; they
 * forward to the {@link EmitHandler} the agent installed. Without an agent (a woven application carries a copy of
 * this class in its own class loader) nothing is installed and {@link #handler()} is {@code null}.
 *
 * <p>Internal: not an API for applications.
 */
public final class EmitBridge {

    private static volatile EmitHandler handler;

    private EmitBridge() {
    }

    /**
     * Installs the agent's handler unless one is installed already (a second {@code -javaagent} of auditweave);
     * returns whether {@code agentHandler} is now the one.
     */
    public static synchronized boolean install(EmitHandler agentHandler) {
        if (handler == null) {
            handler = agentHandler;
        }
        return handler == agentHandler;
    }

    /** The agent's handler, or {@code null} when no agent is attached. */
    public static EmitHandler handler() {
        return handler;
    }

    /** Called by the advice: {@link EmitHandler#select(int, Class, Object, Object, Object, Object, Object, Object, Object)}. */
    public static long select(int planId, Class<?> type, Object result, Object a0, Object a1, Object a2, Object a3,
                              Object a4, Object a5) {
        EmitHandler installed = Advised.HANDLER;
        return installed == null ? 0L : installed.select(planId, type, result, a0, a1, a2, a3, a4, a5);
    }

    /** Called by the advice after an ask: {@link EmitHandler#selectArgument(int, Class, long, Object)}. */
    public static long selectArgument(int planId, Class<?> type, long asked, Object argument) {
        EmitHandler installed = Advised.HANDLER;
        return installed == null ? 0L : installed.selectArgument(planId, type, asked, argument);
    }

    /** Called by the advice: {@link EmitHandler#afterReturn(int, Class, Object, Object[], Object, long)}. */
    public static void afterReturn(int planId, Class<?> type, Object self, Object[] args, Object result,
                                   long selected) {
        EmitHandler installed = Advised.HANDLER;
        if (installed != null) {
            installed.afterReturn(planId, type, self, args, result, selected);
        }
    }

    /** Called by the advice after the method threw: {@link EmitHandler#selectThrown(int, Class, Throwable)}. */
    public static long selectThrown(int planId, Class<?> type, Throwable thrown) {
        EmitHandler installed = Advised.HANDLER;
        return installed == null ? 0L : installed.selectThrown(planId, type, thrown);
    }

    /** Called by the advice: {@link EmitHandler#afterThrow(int, Class, Object, Object[], Throwable, long)}. */
    public static void afterThrow(int planId, Class<?> type, Object self, Object[] args, Throwable thrown,
                                  long selected) {
        EmitHandler installed = Advised.HANDLER;
        if (installed != null) {
            installed.afterThrow(planId, type, self, args, thrown, selected);
        }
    }

    /**
     * Called by the publisher advice: {@link EmitHandler#afterPublisher(int, Class, Object, Object[], Object)}; the
     * very {@code publisher} without a handler.
     */
    public static Object afterPublisher(int planId, Class<?> type, Object self, Object[] args, Object publisher) {
        EmitHandler installed = Advised.HANDLER;
        return installed == null ? publisher : installed.afterPublisher(planId, type, self, args, publisher);
    }

    /**
     * The handler as the advice sees it: a constant to the JIT, so that the guard-false path pays no volatile read
     * and no interface dispatch. Initialised at the first advice call, which comes after {@link #install}: the
     * agent installs its handler before it instruments anything.
     */
    private static final class Advised {
        static final EmitHandler HANDLER = handler;
    }

    /** For a woven copy of auditweave handing a call to the agent: {@link EmitHandler#select(Method, Object)}. */
    public static long select(Method method, Object result) {
        EmitHandler installed = handler;
        return installed == null ? 0L : installed.select(method, result);
    }

    /** For a woven copy handing a call to the agent: {@link EmitHandler#afterReturn(Method, Object[], Object, long)}. */
    public static void afterReturn(Method method, Object[] args, Object result, long selected) {
        EmitHandler installed = handler;
        if (installed != null) {
            installed.afterReturn(method, args, result, selected);
        }
    }
}
