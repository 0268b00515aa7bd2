package dev.auditweave.bootstrap;

import java.io.File;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.util.jar.JarFile;

/**
 * The {@code Premain-Class} of {@code auditweave-agent.jar}; does as little as possible:
 *
 * <pre>{@code
 * java -javaagent:auditweave-agent.jar=sink=http,http.url=https://host/api/events -jar app.jar
 * }</pre>
 *
 * <ol>
 *   <li>appends the agent jar to the bootstrap class path, where only this package lies at the top level, so that
 *       {@link EmitBridge} is one class that every application class loader reaches;</li>
 *   <li>opens the rest of the jar (kept under {@code inst/} as {@code .classdata}, invisible to every other
 *       loader) in a private {@link AgentClassLoader};</li>
 *   <li>hands over to the agent proper, {@code dev.auditweave.agent.internal.weave.bytebuddy.AuditweaveAgent}, in it.</li>
 * </ol>
 *
 * <p>As a program ({@link #main}), it runs the agent jar's commands, such as {@code scan}.
 *
 * So the agent's classes never meet the application's: not a woven copy of auditweave in a fat jar, not the
 * application's Byte Buddy or Jackson. If anything fails here the application starts uninstrumented.
 */
public final class AgentLauncher {

    static final String AGENT_CLASS = "dev.auditweave.agent.internal.weave.bytebuddy.AuditweaveAgent";
    static final String COMMAND_CLASS = "dev.auditweave.agent.internal.scan.ScanCommand";

    private AgentLauncher() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        launch("premain", arguments, instrumentation);
    }

    /** For dynamic attach. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        launch("agentmain", arguments, instrumentation);
    }

    /**
     * {@code java -jar auditweave-agent.jar scan [--json] <dir-or-jar>...}: the agent jar's commands, run in the
     * agent's own class loader as the agent is; the shared classes (such as {@code ConfigException}, which the
     * configuration classes throw) come from the system class loader, whose class path is this jar.
     */
    public static void main(String[] args) throws Exception {
        File jar = agentJar();
        ClassLoader loader = new AgentClassLoader(new JarFile(jar, false), jar.toURI().toURL(),
                ClassLoader.getSystemClassLoader());
        Object status = Class.forName(COMMAND_CLASS, true, loader)
                .getMethod("run", String[].class, PrintStream.class, PrintStream.class)
                .invoke(null, args, System.out, System.err);
        System.exit((Integer) status);
    }

    private static void launch(String entry, String arguments, Instrumentation instrumentation) {
        try {
            File jar = agentJar();
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar));
            ClassLoader loader = new AgentClassLoader(new JarFile(jar, false), jar.toURI().toURL());
            Class.forName(AGENT_CLASS, true, loader)
                    .getMethod(entry, String.class, Instrumentation.class)
                    .invoke(null, arguments, instrumentation);
        } catch (Throwable t) {
            // No logging library exists yet at this point: the JDK's own logger says it.
            System.getLogger("dev.auditweave.agent").log(System.Logger.Level.ERROR,
                    "auditweave: the agent could not start; the application runs uninstrumented", t);
        }
    }

    private static File agentJar() throws URISyntaxException {
        return new File(AgentLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
