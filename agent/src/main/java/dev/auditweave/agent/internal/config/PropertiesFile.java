package dev.auditweave.agent.internal.config;

import dev.auditweave.agent.ConfigException;

import dev.auditweave.agent.internal.log.Loggers;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;

/**
 * Finds and reads the properties file, the last source before the defaults.
 *
 * <p>In order: the path in {@code auditweave.config.file} (relative to the working directory; a missing file is an
 * error), else {@code auditweave.properties} in the working directory, else the class path resource
 * {@code auditweave.properties} (thread context class loader, then system class loader). Keys carry the
 * {@code auditweave.} prefix, as system properties do. The file is read as UTF-8.
 */
final class PropertiesFile {

    static final String NAME = "auditweave.properties";

    private static final Logger LOG = Loggers.get(PropertiesFile.class);

    private PropertiesFile() {
    }

    /**
     * @param configured       the resolved {@code auditweave.config.file} from the sources above the file, if any
     * @param workingDirectory where relative paths and {@value #NAME} are looked up; {@code null} skips both
     */
    static Optional<Layer> find(Optional<RawValue> configured, Path workingDirectory) {
        if (configured.isPresent() && !configured.get().text().isEmpty()) {
            return Optional.of(readConfigured(configured.get(), workingDirectory));
        }
        if (workingDirectory != null) {
            Path local = workingDirectory.resolve(NAME);
            if (Files.isRegularFile(local)) {
                return Optional.of(read(local.toAbsolutePath(), ConfigKeys.CONFIG_FILE.name()));
            }
        }
        return classPathResource().map(PropertiesFile::read);
    }

    /** The class path resource {@value #NAME} of {@code loader}, if it has one. */
    static Optional<Layer> onClassPath(ClassLoader loader) {
        return Optional.ofNullable(loader.getResource(NAME)).map(PropertiesFile::read);
    }

    private static Layer readConfigured(RawValue configured, Path workingDirectory) {
        Path path;
        try {
            path = Path.of(configured.text());
        } catch (IllegalArgumentException e) {
            throw ConfigException.invalid(configured.key(), configured.text(), configured.origin().description(),
                    "expected the path of a properties file (" + e.getMessage() + ")");
        }
        if (!path.isAbsolute() && workingDirectory != null) {
            path = workingDirectory.resolve(path);
        }
        path = path.toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            throw ConfigException.invalid(configured.key(), configured.text(), configured.origin().description(),
                    "expected the path of an existing properties file, but " + path + " does not exist");
        }
        return read(path, configured.key());
    }

    private static Layer read(Path path, String key) {
        Origin origin = Origin.file(path);
        try (InputStream in = Files.newInputStream(path)) {
            return load(in, origin, key);
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigException(key, "cannot read " + origin + ": " + e.getMessage());
        }
    }

    private static Layer read(URL url) {
        Origin origin = Origin.classPathResource(url);
        try (InputStream in = url.openStream()) {
            return load(in, origin, ConfigKeys.CONFIG_FILE.name());
        } catch (IOException e) {
            throw new ConfigException(ConfigKeys.CONFIG_FILE.name(), "cannot read " + origin + ": " + e.getMessage());
        }
    }

    private static Layer load(InputStream in, Origin origin, String key) throws IOException {
        LOG.debug("auditweave: reading settings from {}", origin);
        OrderedProperties properties = new OrderedProperties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, "cannot read " + origin + ": " + e.getMessage());
        }
        List<RawValue> values = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        properties.entries().forEach((name, value) -> {
            if (name.equals(ConfigKeys.CONFIG_FILE.name())) {
                warnings.add(name + " in " + origin + " is ignored: it is read only from agent arguments, system"
                        + " properties or the environment");
            } else {
                values.add(new RawValue(name, value.trim(), origin));
            }
        });
        return new Layer(values, warnings);
    }

    private static Optional<URL> classPathResource() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        URL url = context == null ? null : context.getResource(NAME);
        if (url == null) {
            url = ClassLoader.getSystemClassLoader().getResource(NAME);
        }
        return Optional.ofNullable(url);
    }

    /** Keeps the file's order, so that headers come out as written. {@link Properties#load} calls {@code put}. */
    private static final class OrderedProperties extends Properties {

        private static final long serialVersionUID = 1L;

        private final transient Map<String, String> entries = new LinkedHashMap<>();

        @Override
        public synchronized Object put(Object key, Object value) {
            entries.remove(key);
            entries.put((String) key, (String) value);
            return super.put(key, value);
        }

        Map<String, String> entries() {
            return entries;
        }
    }
}
