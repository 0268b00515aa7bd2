package dev.auditweave.processor;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/**
 * One checked {@code @EmitsAbuseEvent}: what {@code META-INF/auditweave/emit-sites.json} lists, and where the catalogue
 * checks report.
 *
 * @param className  the declaring class's binary name
 * @param method     the method's name
 * @param descriptor its JVM descriptor
 * @param type       the event type
 * @param guard      the {@code when} expression, empty for always
 * @param fields     the names of the {@code data} fields, in order
 * @param phase      {@code AFTER_COMMIT} or {@code IMMEDIATE}
 * @param on         {@code RETURNED} or {@code THROWN}
 * @param enrich     the enricher names
 * @param element    the annotated method
 * @param annotation the annotation
 * @param typeValue  its {@code type} attribute
 * @param fieldValues the {@code @Field} annotations, in order
 */
record EmitSite(String className, String method, String descriptor, String type, String guard, List<String> fields,
                String phase, String on, List<String> enrich, ExecutableElement element, AnnotationMirror annotation,
                AnnotationValue typeValue, List<AnnotationMirror> fieldValues) {
}
