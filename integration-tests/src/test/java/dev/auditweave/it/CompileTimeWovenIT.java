package dev.auditweave.it;

/**
 * The suite with the fixtures woven at build time by ajc (this module's {@code target/classes}), the agent's
 * main jar as the aspect library on the class path, slf4j-simple as the application's logger, and no agent.
 */
class CompileTimeWovenIT extends AbstractEmitSuite {

    @Override
    ChildJvm jvm() {
        return ChildJvm.compileTimeWoven();
    }
}
