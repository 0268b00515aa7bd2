package dev.auditweave.processor;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/** The attributes of one annotation mirror by name, defaults included. */
final class Attributes {

    private final Map<? extends ExecutableElement, ? extends AnnotationValue> values;
    private final Map<? extends ExecutableElement, ? extends AnnotationValue> explicit;

    Attributes(AnnotationMirror annotation, Elements elements) {
        this.values = elements.getElementValuesWithDefaults(annotation);
        this.explicit = annotation.getElementValues();
    }

    /** The value of {@code name}; {@code null} when the annotation type has no such attribute. */
    AnnotationValue value(String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : values.entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The value written for {@code name}, {@code null} when it is the default: where a problem points. */
    AnnotationValue written(String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : explicit.entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    String string(String name) {
        AnnotationValue value = value(name);
        return value == null || !(value.getValue() instanceof String text) ? "" : text;
    }

    /** An enum constant's name. */
    String constant(String name) {
        AnnotationValue value = value(name);
        return value == null ? "" : ((VariableElement) value.getValue()).getSimpleName().toString();
    }

    @SuppressWarnings("unchecked")
    List<? extends AnnotationValue> list(String name) {
        AnnotationValue value = value(name);
        return value == null ? List.of() : (List<? extends AnnotationValue>) value.getValue();
    }
}
