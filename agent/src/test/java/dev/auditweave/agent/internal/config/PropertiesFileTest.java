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
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertiesFileTest {

    @TempDir
    Path dir;

    @Test
    void readsTheFileNamedByConfigFile() throws IOException {
        Path file = Files.writeString(dir.resolve("custom.properties"), "auditweave.sink=memory\n");

        Settings settings = Settings.from("config.file=" + file, Map.of(), Map.of(), null);

        assertThat(settings.sinks()).containsExactly("memory");
        assertThat(settings.describe()).isEqualTo(
                "auditweave.sink = memory (file " + file + ")\n"
                        + "auditweave.config.file = " + file + " (agent argument)");
    }

    @Test
    void configFileMayComeFromAnySourceAboveTheFile() throws IOException {
        Files.writeString(dir.resolve("a.properties"), "auditweave.queue.capacity=11\n");

        assertThat(Settings.from(null, Map.of("auditweave.config.file", "a.properties"), Map.of(), dir)
                .queueCapacity()).isEqualTo(11);
        assertThat(Settings.from(null, Map.of(), Map.of("AUDITWEAVE_CONFIG_FILE", "a.properties"), dir)
                .queueCapacity()).isEqualTo(11);
        assertThat(Settings.from(null, Map.of(), Map.of("AUDITWEAVE_CONFIG_FILE", "${CONF}", "CONF",
                dir.resolve("a.properties").toString()), null).queueCapacity()).isEqualTo(11);
    }

    @Test
    void configFileWinsOverTheWorkingDirectoryFile() throws IOException {
        Files.writeString(dir.resolve("auditweave.properties"), "auditweave.queue.capacity=1\n");
        Files.writeString(dir.resolve("other.properties"), "auditweave.queue.capacity=2\n");

        Settings settings = Settings.from(null, Map.of("auditweave.config.file", "other.properties"), Map.of(), dir);

        assertThat(settings.queueCapacity()).isEqualTo(2);
    }

    @Test
    void aMissingConfigFileIsAnErrorNamingKeyAndPath() {
        Path missing = dir.resolve("nope.properties");

        assertThatThrownBy(() -> Settings.from(null, Map.of("auditweave.config.file", "nope.properties"), Map.of(),
                dir))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("auditweave.config.file"))
                .hasMessage("auditweave.config.file = 'nope.properties' (system property): expected the path of an"
                        + " existing properties file, but " + missing + " does not exist");
    }

    @Test
    void readsAuditweavePropertiesInTheWorkingDirectory() throws IOException {
        Files.writeString(dir.resolve("auditweave.properties"), "# comment\nauditweave.sink = log, http\n"
                + "auditweave.http.url=http://localhost:8080/events\n");

        Settings settings = Settings.from(null, Map.of(), Map.of(), dir);

        assertThat(settings.sinks()).containsExactly("log", "http");
        assertThat(settings.httpUrl()).hasValueSatisfying(url -> assertThat(url.getPort()).isEqualTo(8080));
    }

    @Test
    void headersKeepTheFileOrderAndValuesResolveVariables() throws IOException {
        Files.writeString(dir.resolve("auditweave.properties"), "auditweave.http.header.Z-Last=z\n"
                + "auditweave.http.header.A-First=${A}\nauditweave.http.header.M-Middle=m\n");

        Settings settings = Settings.from(null, Map.of(), Map.of("A", "a"), dir);

        assertThat(settings.httpHeaders()).containsExactly(
                Map.entry("Z-Last", "z"), Map.entry("A-First", "a"), Map.entry("M-Middle", "m"));
    }

    @Test
    void fileKeysNeedThePrefix() throws IOException {
        Path file = Files.writeString(dir.resolve("auditweave.properties"), "sink=http\n");

        Settings settings = Settings.from(null, Map.of(), Map.of(), dir);

        assertThat(settings.sinks()).containsExactly("log");
        assertThat(settings.warnings()).containsExactly(
                "unknown key sink (file " + file + "); did you mean auditweave.sink?");
    }

    @Test
    void configFileInsideAFileIsIgnoredWithAWarning() throws IOException {
        Path file = Files.writeString(dir.resolve("auditweave.properties"), "auditweave.config.file=x\n");

        Settings settings = Settings.from(null, Map.of(), Map.of(), dir);

        assertThat(settings.warnings()).containsExactly("auditweave.config.file in file " + file
                + " is ignored: it is read only from agent arguments, system properties or the environment");
    }

    @Test
    void anInvalidValueInAFileNamesThePath() throws IOException {
        Path file = Files.writeString(dir.resolve("auditweave.properties"), "auditweave.retry.max-attempts=0\n");

        assertThatThrownBy(() -> Settings.from(null, Map.of(), Map.of(), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage("auditweave.retry.max-attempts = '0' (file " + file
                        + "): expected a whole number from 1 to 100");
    }

    @Test
    void fallsBackToTheClassPathResource() throws Exception {
        Path classes = Files.createDirectory(dir.resolve("classes"));
        Files.writeString(classes.resolve("auditweave.properties"), "auditweave.queue.capacity=77\n");
        Path emptyWorkingDirectory = Files.createDirectory(dir.resolve("cwd"));

        Settings settings = withContextClassPath(classes,
                () -> Settings.from(null, Map.of(), Map.of(), emptyWorkingDirectory));

        assertThat(settings.queueCapacity()).isEqualTo(77);
        assertThat(settings.describe()).isEqualTo("auditweave.queue.capacity = 77 (class path resource "
                + classes.resolve("auditweave.properties").toUri().toURL() + ")");
    }

    @Test
    void theWorkingDirectoryFileBeatsTheClassPathResource() throws Exception {
        Path classes = Files.createDirectory(dir.resolve("classes"));
        Files.writeString(classes.resolve("auditweave.properties"), "auditweave.queue.capacity=77\n");
        Files.writeString(dir.resolve("auditweave.properties"), "auditweave.queue.capacity=88\n");

        Settings settings = withContextClassPath(classes, () -> Settings.from(null, Map.of(), Map.of(), dir));

        assertThat(settings.queueCapacity()).isEqualTo(88);
    }

    @Test
    void noFileAnywhereLeavesTheDefaults() {
        assertThat(Settings.from(null, Map.of(), Map.of(), dir).describe()).isEmpty();
    }

    private static <T> T withContextClassPath(Path directory, Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {directory.toUri().toURL()}, null)) {
            thread.setContextClassLoader(loader);
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
