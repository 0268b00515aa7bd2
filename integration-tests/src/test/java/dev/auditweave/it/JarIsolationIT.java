package dev.auditweave.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * Both built jars keep everything they bundle inside auditweave's own packages, multi-release entries included,
 * so that no application class loader (a Spring Boot fat jar's, with its own Byte Buddy and Jackson; Java 24+
 * reading {@code META-INF/versions/24}) can pick up a class of theirs under its original name.
 */
class JarIsolationIT {

    /** What the agent jar keeps at its top level, appended to the bootstrap class path. */
    private static final List<String> AGENT_TOP_LEVEL = List.of(
            "dev/auditweave/agent/Actor.class",
            "dev/auditweave/agent/ActorResolver.class",
            "dev/auditweave/agent/Auditweave.class",
            "dev/auditweave/agent/AuditweaveTransaction.class",
            "dev/auditweave/agent/ClientRequest.class",
            "dev/auditweave/agent/ConfigException.class",
            "dev/auditweave/agent/EmitSite.class",
            "dev/auditweave/agent/EmittedEvent.class",
            "dev/auditweave/agent/EventEnricher.class",
            "dev/auditweave/agent/EventTap.class",
            "dev/auditweave/agent/RequestResolver.class",
            "dev/auditweave/agent/metrics/AuditweaveMetrics.class",
            "dev/auditweave/agent/metrics/DropReason.class",
            "dev/auditweave/agent/spi/SendResult$Delivered.class",
            "dev/auditweave/agent/spi/SendResult$Partial.class",
            "dev/auditweave/agent/spi/SendResult$Poison.class",
            "dev/auditweave/agent/spi/SendResult$Rejected.class",
            "dev/auditweave/agent/spi/SendResult$Retry.class",
            "dev/auditweave/agent/spi/SendResult$RetryRest.class",
            "dev/auditweave/agent/spi/SendResult.class",
            "dev/auditweave/agent/spi/Sink.class",
            "dev/auditweave/agent/spi/SinkContext.class",
            "dev/auditweave/agent/spi/SinkEvent.class",
            "dev/auditweave/agent/spi/SinkProvider.class",
            "dev/auditweave/agent/spi/package-info.class",
            "dev/auditweave/bootstrap/AgentClassLoader.class",
            "dev/auditweave/bootstrap/AgentLauncher.class",
            "dev/auditweave/bootstrap/EmitBridge$Advised.class",
            "dev/auditweave/bootstrap/EmitBridge.class",
            "dev/auditweave/bootstrap/EmitHandler.class",
            "dev/auditweave/bootstrap/LogTarget.class",
            "dev/auditweave/bootstrap/RuntimeControl.class",
            "dev/auditweave/bootstrap/Selected.class",
            "dev/auditweave/bootstrap/package-info.class");

    @Test
    void theAgentJarShowsOnlyTheBridgeAndThePublicFacadeAtItsTopLevel() throws IOException {
        List<String> entries = entries(ChildJvm.ItPaths.file("auditweave.it.agentJar"));

        assertThat(entries.stream().filter(name -> name.endsWith(".class")).sorted().toList())
                .as("classes any class loader can see").isEqualTo(AGENT_TOP_LEVEL);
        assertThat(entries).as("everything else is hidden under inst/").filteredOn(name -> !name.endsWith("/"))
                .allMatch(name -> name.startsWith("inst/") || name.startsWith("META-INF/")
                        || AGENT_TOP_LEVEL.contains(name));
    }

    @Test
    void theAgentJarHidesOnlyAuditweavesOwnPackages() throws IOException {
        List<String> hidden = entries(ChildJvm.ItPaths.file("auditweave.it.agentJar")).stream()
                .filter(name -> name.endsWith(".classdata")).toList();

        assertThat(hidden).isNotEmpty().allMatch(name -> name.startsWith("inst/dev/auditweave/"));
        assertThat(hidden).as("Byte Buddy, Jackson, JCTools and SLF4J relocated")
                .anyMatch(name -> name.startsWith("inst/dev/auditweave/shaded/net/bytebuddy/"))
                .anyMatch(name -> name.startsWith("inst/dev/auditweave/shaded/com/fasterxml/jackson/"))
                .anyMatch(name -> name.startsWith("inst/dev/auditweave/shaded/org/jctools/"))
                .anyMatch(name -> name.startsWith("inst/dev/auditweave/shaded/org/slf4j/"));
    }

    @Test
    void theAspectLibraryBundlesOnlyRelocatedClassesAndNoByteBuddy() throws IOException {
        List<String> classes = entries(ChildJvm.ItPaths.file("auditweave.it.libraryJar")).stream()
                .filter(name -> name.endsWith(".class")).toList();

        assertThat(classes).isNotEmpty().allMatch(name -> name.startsWith("dev/auditweave/"));
        assertThat(classes).noneMatch(name -> name.contains("/bytebuddy/"))
                .noneMatch(name -> name.startsWith("dev/auditweave/bootstrap/AgentLauncher"));
    }

    @Test
    void neitherJarHasMultiReleaseEntries() throws IOException {
        for (Path jar : List.of(ChildJvm.ItPaths.file("auditweave.it.agentJar"), ChildJvm.ItPaths.file("auditweave.it.libraryJar"))) {
            assertThat(entries(jar)).as(jar.toString()).noneMatch(name -> name.contains("META-INF/versions/"));
            try (JarFile file = new JarFile(jar.toFile())) {
                Manifest manifest = file.getManifest();
                assertThat(manifest.getMainAttributes().getValue("Multi-Release")).as(jar.toString()).isNull();
            }
        }
    }

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
        }
    }
}
