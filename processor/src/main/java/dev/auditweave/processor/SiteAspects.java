package dev.auditweave.processor;

import dev.auditweave.agent.internal.plan.EmitPlan;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;

/**
 * The per-site aspects ({@code -Aauditweave.aspects=per-site}, in ajc): for each class with annotated methods, one
 * {@code @Aspect} next to it, {@code <Class>_AuditweaveSites}, holding each method's {@code WovenSite} in a constant and
 * advising that one method by its exact signature, with its arguments bound one by one. ajc weaves the aspects it is
 * handed by a processor in the same compilation, so the build needs no aspect library: a call whose guard is false
 * reads its plan from a constant, where the library's aspect finds it in a table (docs/performance.md).
 *
 * <p>Each method gets a return advice (an {@code @Around} one for a Reactor {@code Mono} or {@code Flux}, fired when a
 * subscription completes) and a throw advice. The throw advice binds the {@code JoinPoint.StaticPart}, so that ajc
 * gives the class its {@code ajc$tjp_N} fields, by which a {@code -javaagent} recognises a woven class and leaves it.
 *
 * <p>A processor never sees the methods of local and anonymous classes, so no aspect advises them. Rather than let such
 * a method never emit, the first aspect written declares an ajc error on every annotated method's execution, within
 * the types this compilation compiles, outside the classes the processor saw ({@link #unadvised}): the build names the
 * method and says what to do.
 */
final class SiteAspects {

    /** The suffix of a per-site aspect's name: {@code UserService_AuditweaveSites}. */
    static final String SUFFIX = "_AuditweaveSites";

    private static final String SITE = "dev.auditweave.agent.internal.weave.aspectj.WovenSite";
    private static final Set<String> PUBLISHERS = Set.of("reactor.core.publisher.Mono", "reactor.core.publisher.Flux");
    /** Every annotated method's execution, as the aspect library's pointcut names it. */
    private static final String ANNOTATED = "(execution(@dev.auditweave.annotations.EmitsAbuseEvent * *(..))"
            + " || execution(@dev.auditweave.annotations.EmitsAbuseEvents * *(..)))";
    /** The longest pointcut {@link #unadvised} writes: a constant of a class file holds at most 65,535 bytes. */
    private static final int LONGEST_CHECK = 60_000;
    /** What ajc says on an annotated method that no aspect advises. */
    static final String UNADVISED = "auditweave: this @EmitsAbuseEvent method would never emit: its class is local or"
            + " anonymous, whose methods annotation processing never sees, so -Aauditweave.aspects=per-site writes no"
            + " aspect for it. Move the method to a named class, or weave with the aspect library instead"
            + " (docs/build-time-checks.md, setup B)";

    private final Elements elements;
    private final Types types;
    private final Descriptors descriptors;
    private final Map<TypeElement, Map<String, ExecutableElement>> pending = new LinkedHashMap<>();
    private final Set<String> written = new TreeSet<>();
    private boolean checkWritten;

    SiteAspects(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
        this.descriptors = new Descriptors(elements, types);
    }

    /**
     * Adds an annotated method to its class's aspect. A method with no body has no execution join point: an interface
     * method, which the Spring Boot starter's proxies serve. (A processor never sees the methods of local and anonymous
     * classes, so they have no per-site aspect: docs/build-time-checks.md.)
     */
    void add(ExecutableElement method) {
        if (method.getModifiers().contains(Modifier.ABSTRACT)) {
            return;
        }
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        pending.computeIfAbsent(owner, key -> new LinkedHashMap<>())
                .putIfAbsent(method.getSimpleName() + descriptors.of(method), method);
    }

    /**
     * Deletes the per-site aspects an earlier build left in the class output, found next to its
     * {@value EmitSitesFile#PATH}. ajc puts the class output on the class path, and a type found there is one the
     * processor may not write again ("Source file already exists"), while the compiled aspect would not be woven into
     * the classes compiled now: every build writes all of them anew.
     */
    void removeStale(Filer filer) throws IOException {
        Path previous;
        try {
            previous = Path.of(filer.getResource(StandardLocation.CLASS_OUTPUT, "", EmitSitesFile.PATH).toUri());
        } catch (IOException | IllegalArgumentException | FileSystemNotFoundException noEarlierBuild) {
            return;
        }
        Path root = previous.getParent().getParent().getParent();
        if (!Files.isRegularFile(previous) || root == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(SUFFIX + ".class") && Files.isRegularFile(file)) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * Writes the aspects of the classes added since the last call; a class is written once per compilation. The first
     * call's first aspect also holds the check for methods no aspect advises, over the classes known then: those of
     * the sources, all seen in the first round, whose top-level types are {@code roots}.
     */
    void write(Filer filer, Set<TypeElement> roots, Messager messager) throws IOException {
        String check = null;
        if (!checkWritten && !pending.isEmpty()) {
            check = unadvised(roots, pending.keySet());
            if (check == null) {
                messager.printMessage(Diagnostic.Kind.NOTE, "auditweave: " + roots.size() + " types in one compilation"
                        + " are too many to check for annotated methods of local and anonymous classes, which per-site"
                        + " aspects do not advise (docs/build-time-checks.md, setup C)");
            }
        }
        checkWritten = true;
        for (Map.Entry<TypeElement, Map<String, ExecutableElement>> entry : pending.entrySet()) {
            TypeElement owner = entry.getKey();
            String name = aspectName(owner);
            if (!written.add(name)) {
                continue;
            }
            try (Writer out = filer.createSourceFile(name, owner).openWriter()) {
                out.write(source(owner, new ArrayList<>(entry.getValue().values()), check));
            }
            check = null;
        }
        pending.clear();
    }

    /**
     * The pointcut of every annotated method's execution within {@code roots} whose class is none of {@code owners}: a
     * method of a local or anonymous class, which no per-site aspect advises. A method's execution is that of the class
     * that declares it, so {@code execution(* com.acme.UserService.*(..))} leaves out an anonymous class within
     * {@code UserService}. Within the types compiled now only: the test compilation of a module weaves with the main
     * compilation's aspects too, and the annotated methods of its own classes have aspects of their own. {@code null}
     * (no check) past {@link #LONGEST_CHECK} characters, for a thousand types or more in one compilation.
     */
    private String unadvised(Set<TypeElement> roots, Set<TypeElement> owners) {
        String pointcut = ANNOTATED + " && (" + roots.stream().map(root -> "within(" + root.getQualifiedName() + ")")
                .sorted().collect(Collectors.joining(" || ")) + ")" + owners.stream().map(owner -> " && !execution(* "
                + owner.getQualifiedName() + ".*(..))").sorted().collect(Collectors.joining());
        return pointcut.length() > LONGEST_CHECK ? null : pointcut;
    }

    private String aspectName(TypeElement owner) {
        PackageElement pack = elements.getPackageOf(owner);
        String binary = elements.getBinaryName(owner).toString();
        String simple = (pack.isUnnamed() ? binary : binary.substring(pack.getQualifiedName().length() + 1))
                .replace('$', '_') + SUFFIX;
        return pack.isUnnamed() ? simple : pack.getQualifiedName() + "." + simple;
    }

    private String source(TypeElement owner, List<ExecutableElement> methods, String check) {
        PackageElement pack = elements.getPackageOf(owner);
        String aspect = aspectName(owner).substring(pack.isUnnamed() ? 0 : pack.getQualifiedName().length() + 1);
        StringBuilder out = new StringBuilder();
        if (!pack.isUnnamed()) {
            out.append("package ").append(pack.getQualifiedName()).append(";\n\n");
        }
        out.append("""
                /**
                 * The per-site aspect of {@code %1$s}, written by auditweave-processor (-Aauditweave.aspects=per-site) for
                 * ajc to weave: each annotated method's site is a constant. Do not edit: the build writes it again.
                 */
                @javax.annotation.processing.Generated("dev.auditweave.processor.EmitProcessor")
                @org.aspectj.lang.annotation.Aspect
                public class %2$s {
                """.formatted(owner.getQualifiedName(), aspect));
        if (check != null) {
            out.append("""

                        /** Annotated methods no per-site aspect advises: those of local and anonymous classes. */
                        @org.aspectj.lang.annotation.DeclareError("%s")
                        static final String UNADVISED = "%s";
                    """.formatted(check, UNADVISED));
        }
        for (int i = 0; i < methods.size(); i++) {
            out.append('\n').append(advice(owner, aspect, methods.get(i), i));
        }
        return out.append("}\n").toString();
    }

    private String advice(TypeElement owner, String aspect, ExecutableElement method, int index) {
        List<? extends VariableElement> parameters = method.getParameters();
        String names = IntStream.range(0, parameters.size()).mapToObj(i -> "a" + i).collect(Collectors.joining(", "));
        String declared = IntStream.range(0, parameters.size()).mapToObj(i -> "Object a" + i + ", ")
                .collect(Collectors.joining());
        String atHand = IntStream.range(0, EmitPlan.ARGUMENTS_AT_HAND)
                .mapToObj(i -> i < parameters.size() ? "a" + i : "null").collect(Collectors.joining(", "));
        String type = owner.getQualifiedName().toString();
        String signature = IntStream.range(0, parameters.size()).mapToObj(i -> i == parameters.size() - 1
                && method.isVarArgs() ? varargs(parameters.get(i).asType()) : pattern(parameters.get(i).asType()))
                .collect(Collectors.joining(", "));
        String execution = "execution(* " + type + "." + method.getSimpleName() + "(" + signature + ")) && within("
                + type + ")";
        String bound = execution + (names.isEmpty() ? "" : " && args(" + names + ")");
        String argNames = names.replace(" ", "");
        String site = "SITE_" + index;
        String returned = isPublisher(method.getReturnType()) ? """
                    @org.aspectj.lang.annotation.Around("${execution}")
                    @org.aspectj.lang.annotation.SuppressAjWarnings("adviceDidNotMatch")
                    public Object watched${index}(org.aspectj.lang.ProceedingJoinPoint joinPoint) throws Throwable {
                        return ${site}.afterPublisher(joinPoint.getArgs(), joinPoint.proceed());
                    }
                """ : """
                    @org.aspectj.lang.annotation.AfterReturning(pointcut = "${bound}", returning = "result",
                            argNames = "${argNamesAnd}result")
                    @org.aspectj.lang.annotation.SuppressAjWarnings("adviceDidNotMatch")
                    public void returned${index}(${declared}Object result) {
                        long selected = ${site}.select(result, ${atHand});
                        if (selected != 0L) {
                            ${site}.afterReturn(new Object[] {${names}}, result, selected);
                        }
                    }
                """;
        String template = """
                    /** {@code ${method}}. */
                    private static final ${siteType} ${site} = new ${siteType}(${aspect}.class,
                            "${binary}", "${name}", "${descriptor}");

                """ + returned + """

                    @org.aspectj.lang.annotation.AfterThrowing(pointcut = "${bound}", throwing = "thrown",
                            argNames = "${argNamesAnd}thrown")
                    @org.aspectj.lang.annotation.SuppressAjWarnings("adviceDidNotMatch")
                    public void threw${index}(org.aspectj.lang.JoinPoint.StaticPart joinPoint, ${declared}Throwable thrown) {
                        long selected = ${site}.selectThrown(thrown);
                        if (selected != 0L) {
                            ${site}.afterThrow(new Object[] {${names}}, thrown, selected);
                        }
                    }
                """;
        Map<String, String> values = new LinkedHashMap<>();
        values.put("${method}", type + "." + method.getSimpleName() + "(" + signature + ")");
        values.put("${siteType}", SITE);
        values.put("${site}", site);
        values.put("${aspect}", aspect);
        values.put("${binary}", elements.getBinaryName(owner).toString());
        values.put("${name}", method.getSimpleName().toString());
        values.put("${descriptor}", descriptors.of(method));
        values.put("${execution}", execution);
        values.put("${bound}", bound);
        values.put("${argNamesAnd}", argNames.isEmpty() ? "" : argNames + ",");
        values.put("${declared}", declared);
        values.put("${atHand}", atHand);
        values.put("${names}", names);
        values.put("${index}", Integer.toString(index));
        String filled = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        return filled;
    }

    /** A parameter's erased type as an AspectJ type pattern names it: {@code java.lang.String[]}, {@code int}. */
    private String pattern(TypeMirror type) {
        TypeMirror erased = types.erasure(type);
        if (erased.getKind() == TypeKind.ARRAY) {
            return pattern(((ArrayType) erased).getComponentType()) + "[]";
        }
        if (erased.getKind() == TypeKind.DECLARED) {
            return ((TypeElement) ((DeclaredType) erased).asElement()).getQualifiedName().toString();
        }
        return erased.toString();
    }

    /** A varargs parameter as AspectJ names it, which an array does not match: {@code java.lang.String...}. */
    private String varargs(TypeMirror type) {
        return pattern(((ArrayType) types.erasure(type)).getComponentType()) + "...";
    }

    private boolean isPublisher(TypeMirror type) {
        TypeMirror erased = types.erasure(type);
        return erased.getKind() == TypeKind.DECLARED
                && PUBLISHERS.contains(((TypeElement) ((DeclaredType) erased).asElement()).getQualifiedName().toString());
    }
}
