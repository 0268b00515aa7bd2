package dev.auditweave.spring;

import dev.auditweave.agent.ConfigException;
import dev.auditweave.agent.internal.config.ConfigKeys;
import dev.auditweave.agent.internal.config.KeyFamily;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Every {@code auditweave.*} value of a Spring {@code Environment}, as raw text with its origin, highest precedence
 * first, for {@code Auditweave.start}. Property sources are read in the environment's order (the first source
 * that has a key wins); names of the system environment ({@code AUDITWEAVE_HTTP_URL}) are passed on as they are,
 * for the agent maps them exactly as it maps the process environment; relaxed forms of other sources
 * ({@code auditweave.batch.maxEvents}, {@code auditweave.batch.max_events}) become the key they stand for; a YAML
 * list ({@code auditweave.sinks[0]}, {@code [1]}) becomes one comma-separated value. Values are not resolved by
 * Spring: {@code ${VAR}} is auditweave's own reference to an environment variable, as everywhere else.
 */
final class EnvironmentValues {

    private static final String ENVIRONMENT_PREFIX = "AUDITWEAVE_";
    private static final String CLASS_PATH_FILE = "auditweave.properties";
    private static final Pattern INDEXED = Pattern.compile("(.*)\\[(\\d+)]");

    private final Map<String, String> values;
    private final Map<String, String> origins;

    private EnvironmentValues(Map<String, String> values, Map<String, String> origins) {
        this.values = Collections.unmodifiableMap(values);
        this.origins = Collections.unmodifiableMap(origins);
    }

    /** Name to text, highest precedence first. */
    Map<String, String> values() {
        return values;
    }

    /** Name to where it came from, such as {@code class path resource [application.properties] - 3:25}. */
    Map<String, String> origins() {
        return origins;
    }

    static EnvironmentValues of(ConfigurableEnvironment environment) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)
                    || source.getName().equals("configurationProperties")) {
                continue; // the attached view of every other source: reading it would read them all twice
            }
            boolean systemEnvironment = source instanceof SystemEnvironmentPropertySource
                    || source.getName().equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
            Map<String, TreeMap<Integer, String>> lists = new LinkedHashMap<>();
            Map<String, String> listOrigins = new LinkedHashMap<>();
            for (String name : enumerable.getPropertyNames()) {
                Object value = enumerable.getProperty(name);
                if (value == null) {
                    continue;
                }
                if (systemEnvironment) {
                    if (name.startsWith(ENVIRONMENT_PREFIX)) {
                        values.putIfAbsent(name, value.toString());
                    }
                    continue;
                }
                if (!name.regionMatches(true, 0, ConfigKeys.PREFIX, 0, ConfigKeys.PREFIX.length())) {
                    continue;
                }
                Matcher indexed = INDEXED.matcher(name);
                if (indexed.matches()) {
                    String key = canonical(indexed.group(1));
                    lists.computeIfAbsent(key, ignored -> new TreeMap<>())
                            .put(Integer.parseInt(indexed.group(2)), value.toString());
                    listOrigins.putIfAbsent(key, origin(source, name));
                    continue;
                }
                String key = canonical(name);
                if (!values.containsKey(key)) {
                    values.put(key, value.toString());
                    origins.put(key, origin(source, name));
                }
            }
            lists.forEach((key, items) -> {
                if (!values.containsKey(key)) {
                    values.put(key, String.join(",", items.values()));
                    origins.put(key, listOrigins.get(key));
                }
            });
        }
        addClassPathFile(values, origins);
        return new EnvironmentValues(values, origins);
    }

    /**
     * {@code auditweave.properties} on the application's class path, below every Spring source: the file the
     * agent and a woven application without the starter read, so that adding the starter never silently drops it.
     */
    private static void addClassPathFile(Map<String, String> values, Map<String, String> origins) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL url = (loader != null ? loader : EnvironmentValues.class.getClassLoader()).getResource(CLASS_PATH_FILE);
        if (url == null) {
            return;
        }
        Properties file = new Properties();
        try (Reader reader = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
            file.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(ConfigKeys.CONFIG_FILE.name(), "cannot read class path resource " + url + ": "
                    + e.getMessage());
        }
        for (String name : file.stringPropertyNames()) {
            if (name.startsWith(ConfigKeys.PREFIX) && !values.containsKey(name)) {
                values.put(name, file.getProperty(name).trim());
                origins.put(name, "class path resource " + url);
            }
        }
    }

    /**
     * The key {@code name} stands for under relaxed binding, or {@code name} itself (for the agent to report as
     * unknown, with a suggestion) when it stands for none. A family's chosen part (a header name) keeps its case.
     */
    static String canonical(String name) {
        if (known(name)) {
            return name;
        }
        String kebab = kebab(name);
        return known(kebab) ? kebab : name;
    }

    private static boolean known(String key) {
        if (ConfigKeys.find(key).isPresent()) {
            return true;
        }
        for (KeyFamily family : ConfigKeys.families()) {
            if (family.variableOf(key).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** {@code auditweave.batch.maxEvents} and {@code auditweave.batch.max_events}: {@code auditweave.batch.max-events}. */
    private static String kebab(String name) {
        StringBuilder kebab = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1))) {
                kebab.append('-');
            }
            kebab.append(c == '_' ? '-' : Character.toLowerCase(c));
        }
        return kebab.toString().toLowerCase(Locale.ROOT);
    }

    private static String origin(PropertySource<?> source, String name) {
        if (source.getName().equals(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            return "system property";
        }
        if (source instanceof OriginLookup<?>) {
            @SuppressWarnings("unchecked") // Safe: an EnumerablePropertySource is looked up by its property names.
            OriginLookup<String> lookup = (OriginLookup<String>) source;
            Origin origin = lookup.getOrigin(name);
            if (origin != null) {
                return origin.toString();
            }
        }
        return "property source '" + source.getName() + "'";
    }
}
