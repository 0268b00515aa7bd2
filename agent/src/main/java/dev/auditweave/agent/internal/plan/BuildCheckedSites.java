package dev.auditweave.agent.internal.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.auditweave.agent.internal.log.Loggers;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * Internal (public for the {@code Auditweave} facade): the emit sites {@code auditweave-processor} checked when the
 * code was built, read from every {@value #PATH} a class loader sees. {@link #prepare} compiles their plans now, at
 * start-up, off the business thread, and cross-checks them against the classes as loaded: a listed method that is gone
 * or whose annotation changed since the build (a stale jar on the class path) is a WARN naming it.
 *
 * <pre>{@code
 * int prepared = BuildCheckedSites.prepare(applicationClassLoader, Auditweave::prepare);
 * boolean checked = BuildCheckedSites.listed(method, "user.blocked");   // for Auditweave.emitSites()
 * }</pre>
 */
public final class BuildCheckedSites {

    /** Where the processor writes the sites it checked, in each jar or classes directory. */
    public static final String PATH = "META-INF/auditweave/emit-sites.json";

    private static final Logger LOG = Loggers.get(BuildCheckedSites.class);
    private static final Set<String> LISTED = ConcurrentHashMap.newKeySet();

    private BuildCheckedSites() {
    }

    /** One site as the build listed it. */
    record Listed(String className, String method, String descriptor, String type, String guard) {
    }

    /**
     * Compiles, through {@code prepare}, every method the build listed in {@code loader}'s {@value #PATH} files, and
     * WARNs for each listed site the loaded classes no longer match. Returns how many methods were prepared. Never
     * throws: an unreadable file is a WARN.
     */
    public static int prepare(ClassLoader loader, Consumer<Method> prepare) {
        Set<Method> prepared = new LinkedHashSet<>();
        for (Listed site : read(loader)) {
            Method method = resolve(site, loader);
            if (method == null) {
                continue;
            }
            if (prepared.add(method)) {
                prepare.accept(method);
            }
            if (PreparedSites.all().getOrDefault(method, List.of()).stream()
                    .noneMatch(now -> now.type().equals(site.type()) && now.guard().equals(site.guard()))) {
                LOG.warn("auditweave: the build checked @EmitsAbuseEvent(type = \"{}\", when = \"{}\") on {}.{}, but the"
                        + " loaded class carries {}: the {} on the class path is older than the class (rebuild the"
                        + " jar)", site.type(), site.guard(), site.className(), site.method(),
                        PreparedSites.all().getOrDefault(method, List.of()), PATH);
                continue;
            }
            LISTED.add(key(method, site.type()));
        }
        return prepared.size();
    }

    /** Whether the build checked the annotation of {@code method} that emits {@code type}. */
    public static boolean listed(Method method, String type) {
        return LISTED.contains(key(method, type));
    }

    private static String key(Method method, String type) {
        return method.getDeclaringClass().getName() + '#' + method.getName() + DeclaredMethods.descriptor(method)
                + '#' + type;
    }

    private static Method resolve(Listed site, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(site.className(), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.warn("auditweave: the build checked {}.{}, but that class is not on the class path ({}): {} is stale",
                    site.className(), site.method(), e.toString(), PATH);
            return null;
        }
        Method method = DeclaredMethods.find(type, site.method(), site.descriptor());
        if (method != null) {
            return method;
        }
        LOG.warn("auditweave: the build checked {}.{}{}, but the loaded class has no such method: {} is stale",
                site.className(), site.method(), site.descriptor(), PATH);
        return null;
    }

    static List<Listed> read(ClassLoader loader) {
        List<Listed> sites = new ArrayList<>();
        Enumeration<URL> files;
        try {
            files = loader.getResources(PATH);
        } catch (IOException e) {
            LOG.warn("auditweave: cannot look for {}: {}", PATH, e.toString());
            return sites;
        }
        for (URL file : Collections.list(files)) {
            try (InputStream in = file.openStream(); JsonParser json = new JsonFactory().createParser(in)) {
                sites.addAll(sites(json));
            } catch (IOException | RuntimeException e) {
                LOG.warn("auditweave: cannot read {}: {}", file, e.toString());
            }
        }
        return sites;
    }

    private static List<Listed> sites(JsonParser json) throws IOException {
        List<Listed> sites = new ArrayList<>();
        expect(json.nextToken(), JsonToken.START_OBJECT, json);
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals("sites") && value == JsonToken.START_ARRAY) {
                while (json.nextToken() == JsonToken.START_OBJECT) {
                    sites.add(site(json));
                }
            } else {
                json.skipChildren();
            }
        }
        return sites;
    }

    private static Listed site(JsonParser json) throws IOException {
        String className = null;
        String method = null;
        String descriptor = null;
        String type = null;
        String guard = "";
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (value != JsonToken.VALUE_STRING) {
                json.skipChildren();
                continue;
            }
            switch (field) {
                case "class" -> className = json.getText();
                case "method" -> method = json.getText();
                case "descriptor" -> descriptor = json.getText();
                case "type" -> type = json.getText();
                case "guard" -> guard = json.getText();
                default -> {
                }
            }
        }
        if (className == null || method == null || descriptor == null || type == null) {
            throw new IOException("a site lacks class, method, descriptor or type at " + json.currentLocation());
        }
        return new Listed(className, method, descriptor, type, guard);
    }

    private static void expect(JsonToken actual, JsonToken expected, JsonParser json) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " but found " + actual + " at " + json.currentLocation());
        }
    }
}
