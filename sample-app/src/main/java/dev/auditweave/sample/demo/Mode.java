package dev.auditweave.sample.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One way of running SampleApp with auditweave: the JVM options that bring auditweave in, and the class path.
 *
 * @param name       a short name for reports ({@code javaagent}, {@code woven})
 * @param title      what the mode is, for people
 * @param jvmOptions the options that bring auditweave in (the {@code -javaagent}, or none)
 * @param classPath  the module's jar, then the jars of its {@code target/lib}
 */
public record Mode(String name, String title, List<String> jvmOptions, List<Path> classPath) {

    public static final String AGENT_JAR = "agent/target/auditweave-agent.jar";

    /** The plain classes of sample-app, woven at start-up by the {@code -javaagent}. */
    public static Mode javaagent(Path root) throws IOException {
        Path agentJar = root.resolve(AGENT_JAR);
        require(agentJar);
        return new Mode("javaagent", "-javaagent (Byte Buddy weaves the plain classes at start-up)",
                List.of("-javaagent:" + agentJar), moduleClassPath(root, "sample-app", "auditweave-sample-app"));
    }

    /** The classes of sample-app-woven, woven at build time by ajc; no agent. */
    public static Mode woven(Path root) throws IOException {
        return new Mode("woven", "build-time weaving (AspectJ, aspectj-maven-plugin), no agent",
                List.of(), moduleClassPath(root, "sample-app-woven", "auditweave-sample-app-woven"));
    }

    private static List<Path> moduleClassPath(Path root, String module, String artifactId) throws IOException {
        Path target = root.resolve(module).resolve("target");
        Path lib = target.resolve("lib");
        require(lib);
        List<Path> classPath = new ArrayList<>();
        classPath.add(moduleJar(target, artifactId));
        try (Stream<Path> jars = Files.list(lib)) {
            jars.filter(jar -> jar.getFileName().toString().endsWith(".jar")).sorted().forEach(classPath::add);
        }
        return classPath;
    }

    private static Path moduleJar(Path target, String artifactId) throws IOException {
        require(target);
        try (Stream<Path> files = Files.list(target)) {
            String jar = artifactId + "-\\d[^/]*(?<!-sources|-tests|-javadoc)\\.jar";
            return files.filter(file -> file.getFileName().toString().matches(jar))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no " + artifactId + " jar in " + target
                            + ": build first (./demo.sh does: mvn -DskipTests package)"));
        }
    }

    private static void require(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException(path + " does not exist: build first (./demo.sh does: mvn -DskipTests package)");
        }
    }
}
