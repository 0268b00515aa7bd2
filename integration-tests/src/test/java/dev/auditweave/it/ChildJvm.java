package dev.auditweave.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How to start a child JVM running {@code ScenarioMain} in one weaving mode.
 *
 * @param name       a short name for logs and the run directory, e.g. {@code agent-17}
 * @param java       the {@code java} executable
 * @param agentJar   the {@code -javaagent} jar, or {@code null} for the compile-time woven mode
 * @param classpath  the child's class path
 */
public record ChildJvm(String name, Path java, Path agentJar, String classpath) {

    static final String MAIN_CLASS = "dev.auditweave.it.fixtures.ScenarioMain";

    /** Environment variable naming a JDK 25 home, for {@link AgentModeOnJava25IT}. */
    static final String JAVA25_HOME_VARIABLE = "AUDITWEAVE_TEST_JAVA25_HOME";
    static final Path DEFAULT_JAVA25_HOME = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    /**
     * {@code java -javaagent:auditweave-agent.jar -cp <it-fixtures jar + Jackson 2.10 + annotations>}: the plain
     * javac-compiled fixtures, no aspectjrt and no agent main jar on the class path.
     */
    static ChildJvm agentMode(String name, Path java) {
        String classpath = ItPaths.file("auditweave.it.fixturesJar") + File.pathSeparator
                + ItPaths.classpathFile("auditweave.it.agentModeClasspathFile");
        return new ChildJvm(name, java, ItPaths.file("auditweave.it.agentJar"), classpath);
    }

    /** The JVM running these tests (Java 17). */
    static ChildJvm agentModeOnCurrentJava() {
        return agentMode("agent-17", currentJava());
    }

    /** Java 25 from {@value #JAVA25_HOME_VARIABLE} or {@link #DEFAULT_JAVA25_HOME}; skips the caller when absent. */
    static ChildJvm agentModeOnJava25() {
        return agentMode("agent-25", java25OrSkip());
    }

    /**
     * The {@code java} of Java 25 from {@value #JAVA25_HOME_VARIABLE} or {@link #DEFAULT_JAVA25_HOME}; skips the
     * calling test (a JUnit assumption) with a message naming where it looked when there is none.
     */
    public static Path java25OrSkip() {
        String configured = System.getenv(JAVA25_HOME_VARIABLE);
        Path home = configured == null || configured.isBlank() ? DEFAULT_JAVA25_HOME : Path.of(configured);
        Path java = home.resolve("bin").resolve("java");
        assumeTrue(Files.isExecutable(java), "no Java 25 at " + java + " (set " + JAVA25_HOME_VARIABLE + ")");
        return java;
    }

    /**
     * {@code java -cp <integration-tests/target/classes + auditweave-agent main jar + annotations + aspectjrt +
     * slf4j-api + slf4j-simple + Jackson 2.10>}: the fixtures woven at build time, no agent.
     */
    static ChildJvm compileTimeWoven() {
        String classpath = ItPaths.directory("auditweave.it.wovenClasses") + File.pathSeparator
                + ItPaths.classpathFile("auditweave.it.wovenModeClasspathFile");
        return new ChildJvm("woven", currentJava(), null, classpath);
    }

    /**
     * Both at once, as a team migrating from one mode to the other might run: the woven fixtures and the
     * aspect library on the class path, and the {@code -javaagent}. The agent must leave woven classes alone.
     */
    static ChildJvm agentOnCompileTimeWoven() {
        ChildJvm woven = compileTimeWoven();
        return new ChildJvm("agent-on-woven", currentJava(), ItPaths.file("auditweave.it.agentJar"), woven.classpath());
    }

    /** The woven fixtures without any SLF4J provider on the class path: SLF4J alone would log nothing. */
    static ChildJvm compileTimeWovenWithoutSlf4jProvider() {
        String classpath = Arrays.stream(compileTimeWoven().classpath().split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("slf4j-simple"))
                .collect(Collectors.joining(File.pathSeparator));
        return new ChildJvm("woven-no-slf4j-provider", currentJava(), null, classpath);
    }

    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Whether this is the -javaagent mode. */
    public boolean isAgentMode() {
        return agentJar != null;
    }

    /** The full command line running {@code ScenarioMain}. {@code agentArguments} may be {@code null}. */
    List<String> command(String agentArguments, List<String> systemProperties, List<String> arguments) {
        return command(MAIN_CLASS, agentArguments, systemProperties, arguments);
    }

    /** The full command line running {@code mainClass}. {@code agentArguments} may be {@code null}. */
    List<String> command(String mainClass, String agentArguments, List<String> systemProperties,
                         List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        if (agentJar != null) {
            command.add("-javaagent:" + agentJar + (agentArguments == null ? "" : "=" + agentArguments));
        } else if (agentArguments != null) {
            throw new IllegalArgumentException("agent arguments need the agent mode");
        }
        systemProperties.forEach(property -> command.add("-D" + property));
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    /** Paths handed over by failsafe's system properties (see the pom). */
    public static final class ItPaths {

        private ItPaths() {
        }

        public static Path file(String property) {
            Path path = Path.of(required(property));
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException(property + " = " + path + " does not exist: build it first"
                        + " (mvn verify at the root builds every module in order)");
            }
            return path;
        }

        static Path directory(String property) {
            Path path = Path.of(required(property));
            if (!Files.isDirectory(path)) {
                throw new IllegalStateException(property + " = " + path + " is not a directory");
            }
            return path;
        }

        static String classpathFile(String property) {
            try {
                return Files.readString(file(property)).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public static Path runDirectory() {
            String configured = System.getProperty("auditweave.it.runDirectory");
            return Path.of(configured == null ? "target/it-runs" : configured);
        }

        private static String required(String property) {
            String value = System.getProperty(property);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("system property " + property + " is not set: run the *IT tests"
                        + " through failsafe (mvn verify), which passes it");
            }
            return value;
        }
    }
}
