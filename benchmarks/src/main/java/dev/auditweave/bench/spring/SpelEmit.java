package dev.auditweave.bench.spring;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The home-grown annotation of the Spring AOP alternative: a SpEL condition and SpEL fields, each field
 * written {@code "name=#expression"}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SpelEmit {

    String type();

    String condition() default "";

    String[] data() default {};
}
