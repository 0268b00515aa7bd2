package dev.auditweave.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The event catalogue ({@code @EventCatalog}) of a compilation: its types, where each is declared and its schema,
 * and the coverage and schema checks of the emit sites against it.
 */
final class Catalog {

    static final String CATALOG = "dev.auditweave.annotations.EventCatalog";
    static final String SCHEMA = "dev.auditweave.annotations.EventSchema";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Elements elements;
    private final Filer filer;
    private final Map<String, VariableElement> types = new LinkedHashMap<>();
    private final List<TypeElement> classes = new ArrayList<>();

    Catalog(Elements elements, Filer filer) {
        this.elements = elements;
        this.filer = filer;
    }

    boolean isEmpty() {
        return classes.isEmpty();
    }

    /** Adds the constants of a class marked {@code @EventCatalog}; a problem for anything else so marked. */
    void add(Element marked, List<Problem> problems) {
        if (marked.getKind() != ElementKind.CLASS && marked.getKind() != ElementKind.INTERFACE) {
            problems.add(new Problem(marked, mirror(marked, CATALOG), null, "auditweave: @EventCatalog marks a class"
                    + " of String constants, but " + marked.getSimpleName() + " is " + describe(marked.getKind())));
            return;
        }
        TypeElement catalog = (TypeElement) marked;
        classes.add(catalog);
        for (VariableElement field : ElementFilter.fieldsIn(catalog.getEnclosedElements())) {
            if (field.getModifiers().contains(Modifier.STATIC) && field.getConstantValue() instanceof String type) {
                VariableElement earlier = types.putIfAbsent(type, field);
                if (earlier != null) {
                    problems.add(new Problem(field, null, null, "auditweave: catalogue type '" + type + "' is declared"
                            + " twice, as " + earlier.getSimpleName() + " and " + field.getSimpleName()));
                }
            }
        }
    }

    private static String describe(ElementKind kind) {
        return "an " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + "; list the types as its static final String constants";
    }

    /** The name of the catalogue, for messages: {@code com.acme.EventTypes}. */
    String name() {
        return classes.stream().map(type -> type.getQualifiedName().toString())
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** Sites whose type the catalogue lacks, and catalogue types no site emits. */
    void coverage(List<EmitSite> sites, List<Problem> problems) {
        Set<String> emitted = new LinkedHashSet<>();
        for (EmitSite site : sites) {
            emitted.add(site.type());
            if (!types.containsKey(site.type())) {
                problems.add(new Problem(site.element(), site.annotation(), site.typeValue(), "auditweave: event type '"
                        + site.type() + "' of " + site.className() + "." + site.method() + " is not in the catalogue "
                        + name() + didYouMean(site.type(), types.keySet())
                        + "; add it there, or fix the type"));
            }
        }
        for (Map.Entry<String, VariableElement> type : types.entrySet()) {
            if (!emitted.contains(type.getKey())) {
                problems.add(new Problem(type.getValue(), null, null, "auditweave: catalogue type '" + type.getKey()
                        + "' (" + type.getValue().getSimpleName() + ") has no emit site in this compilation"));
            }
        }
    }

    /** Each site's fields against its type's schema, when the catalogue names one. */
    void schemas(List<EmitSite> sites, List<Problem> problems) {
        Map<String, Schema> loaded = new LinkedHashMap<>();
        for (Map.Entry<String, VariableElement> type : types.entrySet()) {
            AnnotationMirror annotation = mirror(type.getValue(), SCHEMA);
            if (annotation == null) {
                continue;
            }
            Attributes attributes = new Attributes(annotation, elements);
            String path = attributes.string("value");
            try {
                loaded.put(type.getKey(), Schema.read(path, open(path)));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(new Problem(type.getValue(), annotation, attributes.written("value"), "auditweave: the"
                        + " schema of '" + type.getKey() + "', " + path + ", cannot be read: " + e.getMessage()));
            }
        }
        for (EmitSite site : sites) {
            Schema schema = loaded.get(site.type());
            if (schema != null) {
                schema.check(site, problems);
            }
        }
    }

    private byte[] open(String path) throws IOException {
        IOException last = null;
        for (StandardLocation location : List.of(StandardLocation.CLASS_OUTPUT, StandardLocation.SOURCE_PATH,
                StandardLocation.CLASS_PATH)) {
            try {
                FileObject file = filer.getResource(location, "", path);
                try (InputStream in = file.openInputStream()) {
                    return in.readAllBytes();
                }
            } catch (IOException | IllegalArgumentException e) {
                last = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
        }
        throw new IOException("no resource " + path + " in the class output, the source path or the class path"
                + (last == null ? "" : " (" + last.getMessage() + ")"));
    }

    private static AnnotationMirror mirror(Element element, String annotationType) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotationType)) {
                return mirror;
            }
        }
        return null;
    }

    private static String didYouMean(String name, Set<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : candidates) {
            int distance = distance(name, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(previous[j - 1] + cost, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The subset of JSON Schema auditweave reads: {@code properties}, {@code required}, {@code additionalProperties}. */
    record Schema(String path, Set<String> properties, List<String> required, boolean closed) {

        static Schema read(String path, byte[] json) throws IOException {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("a schema must be a JSON object");
            }
            Set<String> properties = new LinkedHashSet<>();
            root.path("properties").fieldNames().forEachRemaining(properties::add);
            List<String> required = new ArrayList<>();
            root.path("required").forEach(name -> required.add(name.asText()));
            boolean closed = root.path("additionalProperties").isBoolean() && !root.get("additionalProperties").asBoolean();
            return new Schema(path, properties, required, closed);
        }

        void check(EmitSite site, List<Problem> problems) {
            if (site.enrich().isEmpty()) {
                for (String name : required) {
                    if (!site.fields().contains(name)) {
                        problems.add(new Problem(site.element(), site.annotation(), null, "auditweave: @EmitsAbuseEvent"
                                + "(type = \"" + site.type() + "\") on " + site.className() + "." + site.method()
                                + " lacks field '" + name + "', which " + path + " requires" + didYouMean(name,
                                new LinkedHashSet<>(site.fields()))));
                    }
                }
            }
            if (closed) {
                for (int i = 0; i < site.fields().size(); i++) {
                    String name = site.fields().get(i);
                    if (!properties.contains(name)) {
                        problems.add(new Problem(site.element(), site.fieldValues().get(i), null, "auditweave: field '"
                                + name + "' of @EmitsAbuseEvent(type = \"" + site.type() + "\") on " + site.className()
                                + "." + site.method() + " is not one of the properties of " + path + " ("
                                + String.join(", ", properties) + ")" + didYouMean(name, properties)));
                    }
                }
            }
        }
    }
}
