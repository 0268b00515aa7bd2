package dev.auditweave.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * A problem of one annotation, reported on the element, the annotation and, when known, the attribute's value, so
 * that the compiler and the IDE point at it.
 */
record Problem(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {

    void report(Messager messager, Diagnostic.Kind kind) {
        if (annotation == null) {
            messager.printMessage(kind, message, element);
        } else if (value == null) {
            messager.printMessage(kind, message, element, annotation);
        } else {
            messager.printMessage(kind, message, element, annotation, value);
        }
    }
}
