package dev.auditweave.processor;

import dev.auditweave.agent.internal.expr.ModelMember;
import dev.auditweave.agent.internal.expr.ModelType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;

/**
 * A {@link ModelType} read from {@code javax.lang.model}, answering as {@code java.lang.reflect} would for the
 * compiled class: binary names, a type variable erased to {@code Object}, a wildcard to its upper bound.
 */
final class MirrorType implements ModelType {

    private final TypeMirror type;
    private final MirrorModel model;

    MirrorType(TypeMirror type, MirrorModel model) {
        this.type = Objects.requireNonNull(type, "type");
        this.model = model;
    }

    /** The erasure as reflection sees it: a type variable is Object, a wildcard its upper bound's erasure. */
    private TypeMirror erased() {
        return erased(type);
    }

    private TypeMirror erased(TypeMirror mirror) {
        if (mirror instanceof WildcardType wildcard) {
            return wildcard.getExtendsBound() == null ? object() : erased(wildcard.getExtendsBound());
        }
        if (mirror.getKind() == TypeKind.TYPEVAR || mirror.getKind() == TypeKind.INTERSECTION
                || mirror.getKind() == TypeKind.UNION) {
            return object();
        }
        return model.types().erasure(mirror);
    }

    private TypeMirror object() {
        return model.elements().getTypeElement("java.lang.Object").asType();
    }

    /** The erasure with a primitive boxed. */
    private TypeMirror boxed() {
        TypeMirror erased = erased();
        return erased instanceof PrimitiveType primitive ? model.types().boxedClass(primitive).asType() : erased;
    }

    private TypeElement element(TypeMirror mirror) {
        return mirror instanceof DeclaredType declared ? (TypeElement) declared.asElement() : null;
    }

    @Override
    public String name() {
        return name(erased());
    }

    private String name(TypeMirror erased) {
        if (erased.getKind().isPrimitive() || erased.getKind() == TypeKind.VOID) {
            return erased.getKind().name().toLowerCase(Locale.ROOT);
        }
        if (erased instanceof ArrayType array) {
            return name(erased(array.getComponentType())) + "[]";
        }
        TypeElement element = element(erased);
        return element == null ? erased.toString() : model.elements().getBinaryName(element).toString();
    }

    @Override
    public String genericName() {
        return genericName(type);
    }

    private String genericName(TypeMirror mirror) {
        if (mirror instanceof DeclaredType declared) {
            String raw = model.elements().getBinaryName((TypeElement) declared.asElement()).toString();
            return declared.getTypeArguments().isEmpty() ? raw : raw + declared.getTypeArguments().stream()
                    .map(this::genericName).collect(Collectors.joining(", ", "<", ">"));
        }
        if (mirror instanceof ArrayType array) {
            return genericName(array.getComponentType()) + "[]";
        }
        if (mirror instanceof WildcardType wildcard) {
            return wildcard.getExtendsBound() != null ? "? extends " + genericName(wildcard.getExtendsBound())
                    : wildcard.getSuperBound() != null ? "? super " + genericName(wildcard.getSuperBound()) : "?";
        }
        if (mirror instanceof TypeVariable variable) {
            return variable.asElement().getSimpleName().toString();
        }
        return name(mirror);
    }

    @Override
    public String simpleName() {
        return simpleName(type);
    }

    private String simpleName(TypeMirror mirror) {
        if (mirror instanceof DeclaredType declared) {
            String raw = declared.asElement().getSimpleName().toString();
            return declared.getTypeArguments().isEmpty() ? raw : raw + declared.getTypeArguments().stream()
                    .map(this::simpleName).collect(Collectors.joining(", ", "<", ">"));
        }
        if (mirror instanceof ArrayType array) {
            return simpleName(array.getComponentType()) + "[]";
        }
        return genericName(mirror);
    }

    @Override
    public boolean is(String className) {
        return name().equals(className);
    }

    @Override
    public boolean isSubtypeOf(String className) {
        if (className.equals("java.lang.Object") || name().equals(className)) {
            return true;
        }
        TypeElement target = model.element(className);
        return target != null && model.types().isSubtype(boxed(), model.types().erasure(target.asType()));
    }

    @Override
    public boolean isInterface() {
        TypeElement element = element(boxed());
        return element != null && element.getKind().isInterface();
    }

    @Override
    public boolean isFinal() {
        TypeMirror boxed = boxed();
        if (boxed instanceof ArrayType) {
            return true;
        }
        TypeElement element = element(boxed);
        return element != null && (element.getModifiers().contains(Modifier.FINAL)
                || element.getKind() == ElementKind.RECORD);
    }

    @Override
    public boolean isRecord() {
        TypeElement element = element(erased());
        return element != null && element.getKind() == ElementKind.RECORD;
    }

    @Override
    public ModelType typeArgument(String className, int index) {
        DeclaredType found = supertype(type, className);
        if (found == null || found.getTypeArguments().size() <= index) {
            return new MirrorType(object(), model);
        }
        return new MirrorType(found.getTypeArguments().get(index), model);
    }

    private DeclaredType supertype(TypeMirror mirror, String className) {
        if (!(mirror instanceof DeclaredType declared)) {
            return null;
        }
        if (model.elements().getBinaryName((TypeElement) declared.asElement()).contentEquals(className)) {
            return declared;
        }
        for (TypeMirror supertype : model.types().directSupertypes(mirror)) {
            DeclaredType found = supertype(supertype, className);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Override
    public List<ModelMember> recordComponents() {
        TypeElement element = element(erased());
        if (element == null || element.getKind() != ElementKind.RECORD) {
            return List.of();
        }
        List<ModelMember> components = new ArrayList<>();
        for (RecordComponentElement component : element.getRecordComponents()) {
            ExecutableElement accessor = accessor(element, component);
            components.add(new ModelMember(component.getSimpleName().toString(), memberType(accessor,
                    accessor.getReturnType()), accessor));
        }
        return components;
    }

    /** The component's accessor; the AspectJ compiler's model does not link it, so it is found by name there. */
    private static ExecutableElement accessor(TypeElement record, RecordComponentElement component) {
        if (component.getAccessor() != null) {
            return component.getAccessor();
        }
        return ElementFilter.methodsIn(record.getEnclosedElements()).stream()
                .filter(method -> method.getSimpleName().contentEquals(component.getSimpleName())
                        && method.getParameters().isEmpty())
                .findFirst().orElseThrow(() -> new IllegalStateException("no accessor of record component "
                        + component.getSimpleName() + " in " + record.getQualifiedName()));
    }

    @Override
    public List<ModelMember> methods() {
        TypeElement element = element(erased());
        if (element == null) {
            return List.of();
        }
        List<ModelMember> methods = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(model.elements().getAllMembers(element))) {
            if (method.getParameters().isEmpty() && method.getModifiers().contains(Modifier.PUBLIC)
                    && !method.getModifiers().contains(Modifier.STATIC)) {
                methods.add(new ModelMember(method.getSimpleName().toString(),
                        memberType(method, method.getReturnType()), method));
            }
        }
        return methods;
    }

    @Override
    public List<ModelMember> fields() {
        TypeElement element = element(erased());
        if (element == null) {
            return List.of();
        }
        List<ModelMember> fields = new ArrayList<>();
        for (VariableElement field : ElementFilter.fieldsIn(model.elements().getAllMembers(element))) {
            if (field.getModifiers().contains(Modifier.PUBLIC) && !field.getModifiers().contains(Modifier.STATIC)) {
                fields.add(new ModelMember(field.getSimpleName().toString(), memberType(field, field.asType()), field));
            }
        }
        return fields;
    }

    /**
     * A member's type as reflection resolves it: a type variable of its class replaced by this type's argument for it,
     * any other type as declared.
     */
    private ModelType memberType(Element member, TypeMirror declared) {
        if (declared.getKind() != TypeKind.TYPEVAR || !(type instanceof DeclaredType owner)) {
            return new MirrorType(declared, model);
        }
        TypeMirror seen = model.types().asMemberOf(owner, member);
        return new MirrorType(seen instanceof ExecutableType executable ? executable.getReturnType() : seen, model);
    }

    @Override
    public List<String> enumConstants() {
        TypeElement element = element(erased());
        while (element != null && element.getKind() != ElementKind.ENUM) {
            element = element(element.getSuperclass());
        }
        if (element == null) {
            return List.of();
        }
        List<String> constants = new ArrayList<>();
        for (Element enclosed : element.getEnclosedElements()) {
            if (enclosed.getKind() == ElementKind.ENUM_CONSTANT) {
                constants.add(enclosed.getSimpleName().toString());
            }
        }
        return constants;
    }

    @Override
    public String toString() {
        return genericName();
    }
}
