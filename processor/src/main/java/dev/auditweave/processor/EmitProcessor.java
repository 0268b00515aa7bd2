package dev.auditweave.processor;

import dev.auditweave.agent.internal.expr.ModelScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * {@code auditweave-processor}: checks every {@code @EmitsAbuseEvent} (and {@code @EmitsAbuseEvents}) when the code is
 * built, with the runtime's own checker over the compiler's types, so that a bad expression, a guard that can never
 * hold or a parameter name the runtime will not see fails the build instead of disabling the annotation in production.
 * Checks the emit sites against the {@code @EventCatalog}, and writes {@code META-INF/auditweave/emit-sites.json}.
 *
 * <pre>{@code
 * <plugin>
 *   <artifactId>maven-compiler-plugin</artifactId>
 *   <configuration>
 *     <parameters>true</parameters>
 *     <annotationProcessorPaths>
 *       <path><groupId>dev.auditweave</groupId><artifactId>auditweave-processor</artifactId><version>...</version></path>
 *     </annotationProcessorPaths>
 *     <compilerArgs><arg>-Aauditweave.catalog=error</arg></compilerArgs>
 *   </configuration>
 * </plugin>
 * }</pre>
 *
 * <p>Option {@value #CATALOG_OPTION}: {@code error}, {@code warn} (the default) or {@code off}, how the catalogue's
 * coverage and schema findings are reported. Option {@value #ASPECTS_OPTION}: {@code library} (the default) or, in
 * ajc, {@code per-site}: an aspect per class with annotated methods, written here for ajc to weave in the same
 * compilation ({@link SiteAspects}), in place of the aspect library.
 */
public final class EmitProcessor extends AbstractProcessor {

    /** How catalogue findings are reported: {@code error}, {@code warn} or {@code off}. */
    public static final String CATALOG_OPTION = "auditweave.catalog";

    /**
     * Which aspects weave the annotated methods in ajc: {@code library} (the default: the aspect library
     * {@code auditweave-agent} under {@code <aspectLibraries>}, nothing written) or {@code per-site} (an aspect per
     * class, written here, with each method's site a constant: {@link SiteAspects}).
     */
    public static final String ASPECTS_OPTION = "auditweave.aspects";

    private static final String EMITS = "dev.auditweave.annotations.EmitsAbuseEvent";
    private static final String EMITS_CONTAINER = "dev.auditweave.annotations.EmitsAbuseEvents";

    private SiteChecker checker;
    private ParameterCheck parameterCheck;
    private Catalog catalog;
    private Diagnostic.Kind catalogKind;
    private final List<EmitSite> sites = new ArrayList<>();
    private SiteAspects aspects;
    private List<Problem> catalogProblems = List.of();
    private String sitesFile;

    /** Public for the compiler's service loader. */
    public EmitProcessor() {
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(EMITS, EMITS_CONTAINER, Catalog.CATALOG);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(CATALOG_OPTION, ASPECTS_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        MirrorModel model = new MirrorModel(environment);
        Boolean kept = ParameterNames.fromOptions(environment);
        SiteChecker.Names names = kept == null ? SiteChecker.Names.UNKNOWN
                : kept ? SiteChecker.Names.KEPT : SiteChecker.Names.DROPPED;
        if (names == SiteChecker.Names.UNKNOWN && ParameterNames.isJavac(environment)) {
            parameterCheck = ParameterCheck.register(environment);
        }
        checker = new SiteChecker(model, names, ParameterNames.isAspectj(environment)
                ? ModelScope.ASPECTJ_PARAMETERS_FIX : ModelScope.MAVEN_PARAMETERS_FIX);
        catalog = new Catalog(environment.getElementUtils(), environment.getFiler());
        catalogKind = catalogKind(environment.getOptions().get(CATALOG_OPTION));
        aspects = aspects(environment, environment.getOptions().get(ASPECTS_OPTION));
    }

    /** The per-site aspects to write, or {@code null} with the aspect library. */
    private SiteAspects aspects(ProcessingEnvironment environment, String option) {
        String value = option == null ? "library" : option.strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case "library":
                return null;
            case "per-site":
                if (!ParameterNames.isAspectj(environment)) {
                    environment.getMessager().printMessage(Diagnostic.Kind.ERROR, "auditweave: -A" + ASPECTS_OPTION
                            + "=per-site writes aspects for ajc to weave, but this compiler ("
                            + environment.getClass().getName() + ") does not weave them, so no annotated method"
                            + " would emit: build with aspectj-maven-plugin (docs/build-time-checks.md, setup C),"
                            + " or leave the option out");
                    return null;
                }
                SiteAspects written = new SiteAspects(environment.getElementUtils(), environment.getTypeUtils());
                try {
                    written.removeStale(environment.getFiler());
                } catch (IOException e) {
                    environment.getMessager().printMessage(Diagnostic.Kind.ERROR, "auditweave: cannot delete the"
                            + " per-site aspects of an earlier build (run mvn clean): " + e);
                }
                return written;
            default:
                environment.getMessager().printMessage(Diagnostic.Kind.ERROR, "auditweave: -A" + ASPECTS_OPTION
                        + "=" + option + " is not valid: use library or per-site");
                return null;
        }
    }

    private Diagnostic.Kind catalogKind(String option) {
        String value = option == null ? "warn" : option.strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case "error":
                return Diagnostic.Kind.ERROR;
            case "warn":
                return Diagnostic.Kind.WARNING;
            case "off":
                return null;
            default:
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "auditweave: -A" + CATALOG_OPTION
                        + "=" + option + " is not valid: use error, warn or off");
                return Diagnostic.Kind.WARNING;
        }
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            for (TypeElement annotation : annotations) {
                for (Element element : round.getElementsAnnotatedWith(annotation)) {
                    visit(annotation, element);
                }
            }
            if (!annotations.isEmpty()) {
                if (aspects != null) {
                    aspects.write(processingEnv.getFiler(), new LinkedHashSet<>(ElementFilter.typesIn(
                            round.getRootElements())), processingEnv.getMessager());
                }
                prepare();
            }
            if (round.processingOver()) {
                finish();
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "auditweave: cannot write a per-site"
                    + " aspect: " + e.getMessage());
        } catch (RuntimeException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "auditweave-processor failed: " + e);
        }
        return false;
    }

    private void visit(TypeElement annotation, Element element) {
        String name = annotation.getQualifiedName().toString();
        if (name.equals(Catalog.CATALOG)) {
            List<Problem> problems = new ArrayList<>();
            catalog.add(element, problems);
            problems.forEach(problem -> problem.report(processingEnv.getMessager(), Diagnostic.Kind.ERROR));
            return;
        }
        if (element.getKind() != ElementKind.METHOD) {
            return;
        }
        ExecutableElement method = (ExecutableElement) element;
        if (aspects != null) {
            aspects.add(method);
        }
        for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
            String type = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
            if (!type.equals(name)) {
                continue;
            }
            if (type.equals(EMITS)) {
                check(method, mirror);
            } else {
                for (AnnotationValue repeated : new Attributes(mirror, processingEnv.getElementUtils()).list("value")) {
                    check(method, (AnnotationMirror) repeated.getValue());
                }
            }
        }
    }

    private void check(ExecutableElement method, AnnotationMirror annotation) {
        sites.add(checker.check(method, annotation,
                problem -> problem.report(processingEnv.getMessager(), Diagnostic.Kind.ERROR),
                problem -> needsNames(method, problem)));
    }

    private void needsNames(ExecutableElement method, Problem problem) {
        if (parameterCheck == null) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, "auditweave: cannot tell whether"
                    + " -parameters is on; " + method.getSimpleName() + " needs it", method);
            return;
        }
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        String descriptor = new Descriptors(processingEnv.getElementUtils(), processingEnv.getTypeUtils()).of(method);
        parameterCheck.add(processingEnv.getElementUtils().getBinaryName(owner).toString(),
                new ParameterCheck.Pending(method.getSimpleName() + descriptor, problem));
    }

    /**
     * The catalogue's findings and the sites file as of this round, so that the last round only reports and writes:
     * ajc closes the processor's class loader before that round when an earlier one wrote sources (the per-site
     * aspects), and a class first needed then (Jackson's) would not load.
     */
    private void prepare() {
        List<Problem> problems = new ArrayList<>();
        if (catalogKind != null && !catalog.isEmpty()) {
            catalog.coverage(sites, problems);
            catalog.schemas(sites, problems);
        }
        catalogProblems = problems;
        try {
            sitesFile = sites.isEmpty() ? null : EmitSitesFile.render(sites);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void finish() {
        catalogProblems.forEach(problem -> problem.report(processingEnv.getMessager(), catalogKind));
        if (sitesFile == null) {
            return;
        }
        try {
            EmitSitesFile.write(processingEnv.getFiler(), sitesFile);
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "auditweave: cannot write "
                    + EmitSitesFile.PATH + ": " + e.getMessage());
        }
    }
}
