package dev.auditweave.it.spring;

import dev.auditweave.it.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start one of the sample Spring Boot fat jars: {@code java [-javaagent:...] -D... -jar app.jar --...}.
 *
 * @param name             short name for logs and the run directory ({@code target/it-runs/spring-<name>})
 * @param java             the {@code java} executable
 * @param agentJar         the {@code -javaagent} jar, or {@code null} for none
 * @param appJar           the executable Spring Boot jar
 * @param systemProperties {@code key=value} pairs passed as {@code -D}
 */
record BootLaunch(String name, Path java, Path agentJar, Path appJar, List<String> systemProperties) {

    static final String AGENT_JAR = "auditweave.it.agentJar";
    static final String PLAIN_JAR = "auditweave.it.springAppJar";
    static final String WOVEN_JAR = "auditweave.it.springAppWovenJar";

    BootLaunch {
        systemProperties = List.copyOf(systemProperties);
    }

    /** The plain (javac) jar under the agent. */
    static BootLaunch agent(String name, Path java) {
        return new BootLaunch(name, java, ChildJvm.ItPaths.file(AGENT_JAR), ChildJvm.ItPaths.file(PLAIN_JAR),
                List.of());
    }

    /** The plain (javac) jar, no agent: nothing is woven. */
    static BootLaunch plain(String name) {
        return new BootLaunch(name, ChildJvm.currentJava(), null, ChildJvm.ItPaths.file(PLAIN_JAR), List.of());
    }

    /** The jar woven at build time, no agent. */
    static BootLaunch woven(String name) {
        return new BootLaunch(name, ChildJvm.currentJava(), null, ChildJvm.ItPaths.file(WOVEN_JAR), List.of());
    }

    /** The woven jar and the agent at once: the agent must leave the woven classes alone. */
    static BootLaunch wovenWithAgent(String name) {
        return new BootLaunch(name, ChildJvm.currentJava(), ChildJvm.ItPaths.file(AGENT_JAR),
                ChildJvm.ItPaths.file(WOVEN_JAR), List.of());
    }

    BootLaunch with(List<String> moreSystemProperties) {
        List<String> all = new ArrayList<>(systemProperties);
        all.addAll(moreSystemProperties);
        return new BootLaunch(name, java, agentJar, appJar, all);
    }

    /** The full command line; {@code applicationArguments} go after the jar ({@code --server.port=0}, ...). */
    List<String> command(List<String> applicationArguments) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        if (agentJar != null) {
            command.add("-javaagent:" + agentJar);
        }
        systemProperties.forEach(property -> command.add("-D" + property));
        command.add("-jar");
        command.add(appJar.toString());
        command.addAll(applicationArguments);
        return command;
    }
}
