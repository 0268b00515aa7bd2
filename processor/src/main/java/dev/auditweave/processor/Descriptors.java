package dev.auditweave.processor;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** JVM method descriptors of source methods, as the class file and {@code java.lang.invoke.MethodType} write them. */
final class Descriptors {

    private final Elements elements;
    private final Types types;

    Descriptors(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /** {@code (Ljava/lang/String;I)V}. */
    String of(ExecutableElement method) {
        StringBuilder descriptor = new StringBuilder("(");
        for (VariableElement parameter : method.getParameters()) {
            descriptor.append(of(parameter.asType()));
        }
        return descriptor.append(')').append(of(method.getReturnType())).toString();
    }

    private String of(TypeMirror type) {
        TypeMirror erased = types.erasure(type);
        switch (erased.getKind()) {
            case BOOLEAN: return "Z";
            case BYTE: return "B";
            case SHORT: return "S";
            case CHAR: return "C";
            case INT: return "I";
            case LONG: return "J";
            case FLOAT: return "F";
            case DOUBLE: return "D";
            case VOID: return "V";
            case ARRAY: return "[" + of(((ArrayType) erased).getComponentType());
            default:
                TypeElement element = (TypeElement) ((DeclaredType) erased).asElement();
                return "L" + elements.getBinaryName(element).toString().replace('.', '/') + ";";
        }
    }
}
