package dev.auditweave.agent.internal.capture;

import dev.auditweave.bootstrap.EmitBridge;
import dev.auditweave.bootstrap.EmitHandler;

/**
 * The {@code -javaagent}'s runtime, when one is attached and this copy of auditweave is another (the aspect
 * library in the application's class path, a Spring Boot starter): then this copy hands its captures and its
 * control to the agent, so that one runtime (one set of queues, sinks, spool and counters) serves the JVM.
 * Decided once, when this class initialises: the agent attaches in {@code premain}, before any application class.
 */
public final class AgentHandoff {

    private static final EmitHandler AGENT = resolve();

    private AgentHandoff() {
    }

    /** The agent's handler, or {@code null} when no agent is attached or this copy is the agent's own. */
    public static EmitHandler agent() {
        return AGENT;
    }

    /**
     * The agent's handler, found once. It names {@link EmitHandler} even when none is installed, so that the interface is
     * loaded: the JIT inlines {@link #agent()} into every advice only when the type it returns is loaded, and makes
     * it a call per advised call otherwise ("unloaded signature classes"), the case of every JVM without an agent.
     */
    private static EmitHandler resolve() {
        try {
            EmitHandler handler = EmitHandler.class.cast(EmitBridge.handler());
            return handler != null && handler.getClass().getClassLoader() != AgentHandoff.class.getClassLoader()
                    ? handler : null;
        } catch (LinkageError noBridge) {
            return null;
        }
    }
}
