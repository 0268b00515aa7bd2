package dev.auditweave.agent.internal.weave.bytebuddy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds an advice parameter of type {@code Object} to the instrumented method's parameter {@link #value()} when that
 * is of a reference type, as it is, and to {@code null} when it is primitive or absent: unlike
 * {@code @Advice.Argument(typing = DYNAMIC)}, reading it never boxes, so the advice can hand it to step one on every
 * call ({@link ReferenceArgumentMapping}).
 *
 * <pre>{@code
 * static void exit(@ReferenceArgument(1) Object reason, ...)   // String reason: the argument; int rows: null
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@interface ReferenceArgument {

    /** The parameter's position, from 0. */
    int value();
}
