package dev.auditweave.agent.internal.config;

import dev.auditweave.agent.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent meets a fat jar's own class loader (BOOT-INF/classes) only with the first annotated class:
 * {@link Settings#withClassPathFileOf} then reads that loader's {@code auditweave.properties}, below every other
 * source, unless a properties file was read already.
 */
class ClassPathFileOfLoaderTest {

    @TempDir
    Path classes;

    @Test
    void withClassPathFileOf_readsTheApplicationLoadersFile() throws IOException {
        Files.writeString(classes.resolve("auditweave.properties"), "auditweave.sink=memory\n");

        Settings settings = Settings.from(null, Map.of(), Map.of(), null).withClassPathFileOf(loader());

        assertThat(settings.sinks()).containsExactly("memory");
        assertThat(settings.describe()).contains("auditweave.sink = memory (class path resource ")
                .contains(classes.resolve("auditweave.properties").toString());
    }

    @Test
    void withClassPathFileOf_keepsTheHigherSourcesFirst() throws IOException {
        Files.writeString(classes.resolve("auditweave.properties"), "auditweave.sink=memory\n"
                + "auditweave.queue.capacity=64\n");

        Settings settings = Settings.from(null, Map.of("auditweave.sink", "log"), Map.of(), null)
                .withClassPathFileOf(loader());

        assertThat(settings.sinks()).as("the system property wins").containsExactly("log");
        assertThat(settings.queueCapacity()).as("the file fills what nothing above sets").isEqualTo(64);
    }

    @Test
    void withClassPathFileOf_isTheSameSettingsWhenAFileWasReadAlready() throws IOException {
        Path other = Files.writeString(classes.resolveSibling(classes.getFileName() + "-other.properties"),
                "auditweave.queue.capacity=32\n");
        Files.writeString(classes.resolve("auditweave.properties"), "auditweave.queue.capacity=64\n");
        Settings configured = Settings.from("config.file=" + other, Map.of(), Map.of(), null);

        assertThat(configured.withClassPathFileOf(loader())).isSameAs(configured);
    }

    @Test
    void withClassPathFileOf_isTheSameSettingsWhenTheLoaderHasNoFile() throws IOException {
        Settings settings = Settings.from(null, Map.of(), Map.of(), null);

        assertThat(settings.withClassPathFileOf(loader())).isSameAs(settings);
    }

    @Test
    void withClassPathFileOf_anInvalidValueNamesTheKeyAndTheResource() throws IOException {
        Files.writeString(classes.resolve("auditweave.properties"), "auditweave.queue.capacity=lots\n");
        Settings settings = Settings.from(null, Map.of(), Map.of(), null);

        assertThatThrownBy(() -> settings.withClassPathFileOf(loader()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("auditweave.queue.capacity = 'lots' (class path resource ")
                .hasMessageContaining("auditweave.properties");
    }

    private ClassLoader loader() throws IOException {
        // No parent: the test's own class path must not supply a file of its own.
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
    }
}
