package dev.auditweave.it;

/**
 * The suite with the compile-time woven fixtures AND the {@code -javaagent}: every event must still arrive
 * exactly once, because the agent skips classes that AspectJ already wove.
 */
class AgentOnWovenClassesIT extends AbstractEmitSuite {

    @Override
    ChildJvm jvm() {
        return ChildJvm.agentOnCompileTimeWoven();
    }
}
