package dev.auditweave.processor;

import dev.auditweave.agent.internal.expr.ModelScope;
import java.io.IOException;
import java.util.ArrayList;
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
 * coverage and schema findings are reported.
 */
public final class EmitProcessor extends AbstractProcessor {

    /** How catalogue findings are reported: {@code error}, {@code warn} or {@code off}. */
    public static final String CATALOG_OPTION = "auditweave.catalog";

    private static final String EMITS = "dev.auditweave.annotations.EmitsAbuseEvent";
    private static final String EMITS_CONTAINER = "dev.auditweave.annotations.EmitsAbuseEvents";

    private SiteChecker checker;
    private ParameterCheck parameterCheck;
    private Catalog catalog;
    private Diagnostic.Kind catalogKind;
    private final List<EmitSite> sites = new ArrayList<>();

    /** Public for the compiler's service loader. */
    public EmitProcessor() {
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(EMITS, EMITS_CONTAINER, Catalog.CATALOG);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(CATALOG_OPTION);
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
            if (round.processingOver()) {
                finish();
            }
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

    private void finish() {
        if (catalogKind != null && !catalog.isEmpty()) {
            List<Problem> problems = new ArrayList<>();
            catalog.coverage(sites, problems);
            catalog.schemas(sites, problems);
            problems.forEach(problem -> problem.report(processingEnv.getMessager(), catalogKind));
        }
        if (sites.isEmpty()) {
            return;
        }
        try {
            EmitSitesFile.write(processingEnv.getFiler(), sites);
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "auditweave: cannot write "
                    + EmitSitesFile.PATH + ": " + e.getMessage());
        }
    }
}
