package dev.auditweave.processor;

import dev.auditweave.agent.internal.expr.ModelType;
import dev.auditweave.agent.internal.expr.ReflectionModel;
import dev.auditweave.agent.internal.expr.TypeModel;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The build-time side of the checker's type model: {@link ModelType}s read from the compiler's
 * {@code javax.lang.model}. auditweave's own types ({@code Actor}, {@code THROWN}) are not part of the code being
 * compiled when only the annotations are on its class path; they come from reflection, which the processor has.
 */
final class MirrorModel implements TypeModel {

    private final Elements elements;
    private final Types types;

    MirrorModel(ProcessingEnvironment environment) {
        this.elements = environment.getElementUtils();
        this.types = environment.getTypeUtils();
    }

    Elements elements() {
        return elements;
    }

    Types types() {
        return types;
    }

    /** The model's view of {@code type}. */
    ModelType type(TypeMirror type) {
        return new MirrorType(type, this);
    }

    @Override
    public ModelType type(Class<?> type) {
        if (type == void.class) {
            return type(types.getNoType(TypeKind.VOID));
        }
        if (type.isPrimitive()) {
            return type(types.getPrimitiveType(TypeKind.valueOf(type.getName().toUpperCase(java.util.Locale.ROOT))));
        }
        TypeElement element = lookUp(type.getCanonicalName());
        return element == null ? ReflectionModel.INSTANCE.type(type) : type(types.erasure(element.asType()));
    }

    /** The class or interface of binary name {@code className}, or {@code null} when the compilation cannot see it. */
    TypeElement element(String className) {
        return lookUp(className.replace('$', '.'));
    }

    /**
     * {@code null} too for a class the compilation sees without its supertypes, which ajc's look-up aborts on
     * ({@code AbortCompilation}): aspectj-maven-plugin puts a module's direct test dependencies on its main class
     * path without theirs, reactor-core without reactive-streams, and a check must not fail the build over it.
     */
    private TypeElement lookUp(String canonicalName) {
        try {
            return elements.getTypeElement(canonicalName);
        } catch (RuntimeException incomplete) {
            return null;
        }
    }
}
